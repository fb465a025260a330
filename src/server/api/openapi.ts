import "server-only";
import { z } from "zod";
import {
  articleCreateSchema,
  articleListQuerySchema,
  articleUpdateSchema,
  correctionSchema,
  previewLinkSchema,
  returnSchema,
  scheduleSchema,
  stopPreviewLinksSchema,
  versionSchema,
} from "@/lib/schemas/article";
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { curatedListSchema } from "@/lib/schemas/curation";
import { NEWSROOM_FIELDS } from "@/server/api/serialize";
import { sectionCreateSchema, sectionUpdateSchema, tagUpdateSchema } from "@/lib/schemas/taxonomy";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers parse
 * with (zod's JSON Schema output is draft 2020-12, the dialect OpenAPI 3.1 uses). A test checks
 * that every path here has a route file and every route file is described here.
 */

const json = (schema: z.ZodType, io: "input" | "output" = "input") => z.toJSONSchema(schema, { io, unrepresentable: "any" });

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["invalid", "unauthenticated", "forbidden", "not_found", "conflict", "too_large", "rate_limited"] },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "string" }, description: "Messages per input field (dotted paths)." },
        currentVersion: { type: "integer", description: "On 409: the version now stored." },
      },
    },
  },
};

// Every operation may meet a database that is down or saturated (503).
const errors = (...codes: number[]) =>
  Object.fromEntries(
    [...codes, 503].map((code) => [String(code), { description: errorText[code] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
  );
const errorText: Record<number, string> = {
  400: "Malformed request (not JSON)",
  401: "Not signed in / bad token",
  403: "Not allowed for this role, read-only token, token whose owner must set up two-step sign-in first, token used to manage tokens, or cross-site request",
  404: "Not found",
  409: "Conflict: the version is stale, or the state does not allow it",
  413: "Body too large",
  415: "Unsupported file type",
  422: "Invalid fields (named in error.fields)",
  429: "Too many requests (Retry-After header)",
  503: "The database is busy or unreachable; nothing was changed (Retry-After header)",
};

const ok = (description: string, schema: object = { type: "object" }) => ({ description, content: { "application/json": { schema: { type: "object", properties: { data: schema, meta: { type: "object" } } } } } });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const queryParams = (schema: z.ZodObject) =>
  Object.entries((json(schema) as { properties: Record<string, object> }).properties).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));

const transition = (summary: string, schema: z.ZodType) => ({
  post: { summary, tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], requestBody: body(schema), responses: { 200: ok("The article after the change"), ...errors(401, 403, 404, 409, 422) } },
});

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: { title: "Newsroom API", version: "1.0.0", description: `Articles, sections, tags, authors and media. Public reads return public articles only, without the newsroom's fields (${NEWSROOM_FIELDS.join(", ")}); everything else needs a staff session (same-origin requests) or a bearer API token created by an admin.` },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API token (read or write scope)" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "Staff session; state-changing requests must carry this site's Origin" },
      },
      schemas: { Error: errorSchema, ArticleCreate: json(articleCreateSchema), ArticleUpdate: json(articleUpdateSchema) },
    },
    paths: {
      "/articles": {
        get: { summary: "List articles", description: "For the public, `q` finds words as the site's search does (headlines, standfirsts, bylines, tags and text; the newest 1,000 matches), newest first; for staff it finds headlines and slugs containing it.", tags: ["articles"], parameters: queryParams(articleListQuerySchema), responses: { 200: ok("Articles", { type: "array" }), ...errors(422) } },
        post: { summary: "Create a draft", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], requestBody: body(articleCreateSchema), responses: { 201: ok("The new article"), ...errors(400, 401, 403, 409, 413, 422) } },
      },
      "/articles/{id}": {
        get: { summary: "Read an article", tags: ["articles"], parameters: [idParam], responses: { 200: ok("The article"), ...errors(404) } },
        patch: { summary: "Save changes (optimistic locking by version)", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], requestBody: body(articleUpdateSchema), responses: { 200: ok("The article"), ...errors(400, 401, 403, 404, 409, 413, 422) } },
        delete: { summary: "Delete an article", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam, { name: "version", in: "query", required: true, schema: { type: "integer" } }], responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404, 409) } },
      },
      "/articles/{id}/submit": transition("Submit a draft for review", versionSchema),
      "/articles/{id}/withdraw": transition("Take an article in review back to a draft (its writers)", versionSchema),
      "/articles/{id}/return": transition("Send an article in review back to its writers as a draft, with a note they see on it (editors)", returnSchema),
      "/articles/{id}/publish": transition("Publish now", versionSchema),
      "/articles/{id}/schedule": transition("Schedule for a time (ISO 8601 with offset; stored in UTC)", scheduleSchema),
      "/articles/{id}/unpublish": transition("Unpublish (the public URL answers 410)", versionSchema),
      "/articles/{id}/archive": transition("Archive", versionSchema),
      "/articles/{id}/preview-links": {
        get: { summary: "The preview links that still work, newest first: whom each is for, who made it, until when it works, how often it was opened (its authors and editors)", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], responses: { 200: ok("Links", { type: "array" }), ...errors(401, 403, 404) } },
        post: { summary: "A preview link for someone without an account: the article as readers will see it, for 7 days (its authors and editors). The body may be left out.", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], requestBody: { ...body(previewLinkSchema), required: false }, responses: { 201: ok("The link's id, url, expiresAt and label"), ...errors(401, 403, 404, 422) } },
      },
      "/articles/{id}/stop-preview-links": {
        post: { summary: "One preview link (linkId) stops working, or, with no linkId, every link given out for the article", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], requestBody: { ...body(stopPreviewLinksSchema), required: false }, responses: { 200: ok("Stopped"), ...errors(401, 403, 404, 422) } },
      },
      "/articles/{id}/corrections": {
        post: { summary: "Append a correction (editors)", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], requestBody: body(correctionSchema), responses: { 201: ok("The correction"), ...errors(401, 403, 404, 409, 422) } },
      },
      "/articles/{id}/revisions": {
        get: { summary: "Revisions, newest first", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], responses: { 200: ok("Revisions", { type: "array" }), ...errors(401, 403, 404) } },
      },
      "/articles/{id}/history": {
        get: { summary: "What happened to it, newest first: made, submitted, withdrawn, returned (with the note), published, scheduled (time), gone live, unpublished, archived, corrected (text), preview links made (expiry) and stopped", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], responses: { 200: ok("Events: id, action, at, by, note, time", { type: "array" }), ...errors(401, 403, 404) } },
      },
      "/articles/{id}/revisions/{revisionId}": {
        post: { summary: "Restore a revision as a new save", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam, { name: "revisionId", in: "path", required: true, schema: { type: "string" } }], requestBody: body(versionSchema), responses: { 200: ok("The article"), ...errors(401, 403, 404, 409) } },
      },
      "/articles/{id}/presence": {
        get: { summary: "Who else has the article open", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], responses: { 200: ok("Users", { type: "array" }), ...errors(401, 403, 404) } },
        post: { summary: "Heartbeat: I have it open. Answers who else has it open; meta: the article's version, last saver and time, to tell that what an open editor shows was saved over", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], responses: { 200: ok("Others", { type: "array" }), ...errors(401, 403, 404) } },
      },
      "/sections": {
        get: { summary: "Sections", tags: ["taxonomy"], responses: { 200: ok("Sections", { type: "array" }) } },
        post: { summary: "Create a section (editors)", tags: ["taxonomy"], security: [{ bearer: [] }, { session: [] }], requestBody: body(sectionCreateSchema), responses: { 201: ok("The section"), ...errors(401, 403, 409, 422) } },
      },
      "/sections/{id}": {
        get: { summary: "A section", tags: ["taxonomy"], parameters: [idParam], responses: { 200: ok("The section"), ...errors(404) } },
        patch: { summary: "Rename a section (old URLs redirect)", tags: ["taxonomy"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], requestBody: body(sectionUpdateSchema), responses: { 200: ok("The section"), ...errors(401, 403, 404, 409, 422) } },
        delete: { summary: "Delete an empty section", tags: ["taxonomy"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404, 409) } },
      },
      "/tags": { get: { summary: "Tags on public articles (staff: every tag)", tags: ["taxonomy"], responses: { 200: ok("Tags", { type: "array" }) } } },
      "/tags/{id}": {
        get: { summary: "A tag (the public: only once a public article carries it)", tags: ["taxonomy"], parameters: [idParam], responses: { 200: ok("The tag"), ...errors(404) } },
        patch: { summary: "Rename a tag (old slug redirects)", tags: ["taxonomy"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], requestBody: body(tagUpdateSchema), responses: { 200: ok("The tag"), ...errors(401, 403, 404, 409, 422) } },
        delete: { summary: "Delete a tag", tags: ["taxonomy"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404) } },
      },
      "/curation": {
        get: { summary: "Curated lists and the breaking banner (editors)", tags: ["curation"], security: [{ bearer: [] }, { session: [] }], responses: { 200: ok("Curation"), ...errors(401, 403) } },
      },
      "/curation/{list}": {
        put: { summary: "Replace FRONT_PAGE or EDITORS_PICKS, in order. With basedOn (the list as last read), a list someone changed since is refused with 409 and the current list", tags: ["curation"], security: [{ bearer: [] }, { session: [] }], parameters: [{ name: "list", in: "path", required: true, schema: { enum: ["front_page", "editors_picks"] } }], requestBody: body(curatedListSchema.omit({ list: true })), responses: { 200: ok("Curation"), ...errors(401, 403, 409, 422) } },
      },
      "/authors": { get: { summary: "Authors on the byline of a public article", tags: ["authors"], responses: { 200: ok("Authors", { type: "array" }) } } },
      "/authors/{slug}": {
        get: { summary: "An author's public profile", tags: ["authors"], parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }], responses: { 200: ok("The author"), ...errors(404) } },
      },
      "/media": {
        get: { summary: "The media library", tags: ["media"], security: [{ bearer: [] }, { session: [] }], responses: { 200: ok("Images", { type: "array" }), ...errors(401) } },
        post: {
          summary: "Upload an image (type checked from its bytes; metadata stripped)", tags: ["media"], security: [{ bearer: [] }, { session: [] }],
          requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["file", "alt"], properties: { file: { type: "string", contentMediaType: "application/octet-stream" }, alt: { type: "string", maxLength: 500 }, caption: { type: "string" }, credit: { type: "string" } } } } } },
          responses: { 201: ok("The image"), ...errors(401, 403, 413, 415, 422) },
        },
      },
      "/media/{id}": {
        get: { summary: "An image", tags: ["media"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], responses: { 200: ok("The image"), ...errors(401, 404) } },
        delete: { summary: "Delete an unused image (editors)", tags: ["media"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404, 409) } },
        patch: { summary: "Alt text, caption, credit", tags: ["media"], security: [{ bearer: [] }, { session: [] }], parameters: [idParam], requestBody: { required: true, content: { "application/json": { schema: { type: "object", properties: { alt: { type: "string" }, caption: { type: "string" }, credit: { type: "string" } } } } } }, responses: { 200: ok("The image"), ...errors(401, 403, 404, 422) } },
      },
      "/slug-check": {
        get: { summary: "Is a slug valid and free", tags: ["articles"], security: [{ bearer: [] }, { session: [] }], parameters: [{ name: "slug", in: "query", required: true, schema: { type: "string" } }, { name: "id", in: "query", required: false, schema: { type: "string" } }], responses: { 200: ok("{ ok, message, suggestion? }: suggestion is the first free slug after a taken or reserved one"), ...errors(401) } },
      },
      "/tokens": {
        get: { summary: "API tokens (admins; prefixes only), each with its state: active, revoked, expired, owner-disabled or owner-two-step-missing", tags: ["admin"], security: [{ session: [] }], responses: { 200: ok("Tokens", { type: "array" }), ...errors(401, 403) } },
        post: { summary: "Create an API token (shown once)", tags: ["admin"], security: [{ session: [] }], requestBody: body(apiTokenCreateSchema), responses: { 201: ok("The token"), ...errors(401, 403, 422) } },
      },
      "/tokens/{id}": {
        delete: { summary: "Revoke an API token", tags: ["admin"], security: [{ session: [] }], parameters: [idParam], responses: { 204: { description: "Revoked" }, ...errors(401, 403, 404) } },
      },
      "/users": {
        get: { summary: "Staff accounts (editors and admins)", tags: ["admin"], security: [{ bearer: [] }, { session: [] }], responses: { 200: ok("Users", { type: "array" }), ...errors(401, 403) } },
      },
      "/views": {
        post: { summary: "Count a page view (the article page's beacon)", tags: ["readers"], requestBody: { required: true, content: { "text/plain": { schema: { type: "string", description: "JSON, as sendBeacon sends it: {\"id\": \"<article id>\"}" } } } }, responses: { 204: { description: "Counted (or not, when this reader was counted for it lately)" }, ...errors(400, 413, 422) } },
      },
    },
  };
}
