import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { defaultSiteUrl } from "@/lib/env";
import { RETRY_AFTER_SECONDS } from "../../../scripts/runtime/database-failures.mjs";
import { ownOrigins } from "../../../scripts/runtime/origin-policy.mjs";
import { prisma } from "@/server/db";
import { isDatabaseUnavailable, violatedUniqueIndex } from "@/server/database-errors";
import { actorFromToken } from "@/server/services/api-tokens";
import { logEvent } from "@/server/log";
import { ServiceError, assertStorableText, fieldErrors, savedMeanwhile } from "@/server/services/errors";
import type { Actor } from "@/server/services/permissions";
import { signedInMember, TWO_STEP_REQUIRED_MESSAGE } from "@/server/services/session";
import { apiError } from "@/server/api/respond";

/**
 * The one wrapper every /api/v1 route uses: who is calling (staff session or bearer token),
 * whether a browser request comes from our own origin, body size, and one error shape.
 */

type Access = "public" | "staff-read" | "staff-write";
export type ApiContext<P> = { request: Request; params: P; actor: Actor | null };
type Handler<P> = (ctx: ApiContext<P>) => Promise<Response>;
type RouteOptions = {
  /**
   * Whether a bearer token may call the route (the default). Not for managing tokens: a token
   * that leaked could otherwise make new ones, which revoking it would not revoke.
   */
  tokens?: boolean;
};
const TOKENS_NEED_SESSION_MESSAGE = "API tokens are managed by an admin signed in to the newsroom, not with an API token.";
const TOKEN_OWNER_TWO_STEP_MESSAGE =
  "This API token's owner has a role that requires two-step sign-in: the token works again once they set it up on their profile.";

const MAX_JSON_BYTES = 1_000_000;
const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cookies travel with cross-site requests: a state-changing request on a session must carry our
 * own Origin. (`Origin: null`, another site, or none at all is refused.) Bearer tokens are not
 * sent by browsers on their own, so they need no such check.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null" || !ownOrigins((name) => request.headers.get(name), defaultSiteUrl()).has(origin)) {
    throw new ServiceError("forbidden", "Cross-site request refused: the Origin header must be this site.");
  }
}

async function resolveActor(request: Request, access: Access, { tokens = true }: RouteOptions): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    if (!tokens) throw new ServiceError("forbidden", TOKENS_NEED_SESSION_MESSAGE);
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const found = match ? await actorFromToken(prisma, match[1]!) : null;
    if (!found) throw new ServiceError("unauthenticated", "The API token is invalid, expired or revoked.");
    if (found.twoStepMissing) throw new ServiceError("forbidden", TOKEN_OWNER_TWO_STEP_MESSAGE);
    if (access === "staff-write" && found.scope !== "WRITE") throw new ServiceError("forbidden", "This API token is read-only.");
    return found.actor;
  }
  const member = access === "public" && !request.headers.get("cookie") ? null : await signedInMember();
  // A member who must set up two-step sign-in first reads as the public does, and may do nothing else.
  if (member?.twoStepMissing) {
    if (access === "public") return null;
    throw new ServiceError("forbidden", TWO_STEP_REQUIRED_MESSAGE);
  }
  const actor = member?.actor ?? null;
  if (actor && writeMethods.has(request.method)) assertSameOrigin(request);
  return actor;
}

export function errorResponse(error: unknown): Response {
  unstable_rethrow(error); // Next.js's own control flow (prerender bail-outs, redirects) is not a failure
  if (violatedUniqueIndex(error) !== null) error = savedMeanwhile();
  if (error instanceof ServiceError) {
    const headers = typeof error.extra?.retryAfterSeconds === "number" ? { "Retry-After": String(error.extra.retryAfterSeconds) } : undefined;
    return apiError(error.status, error.code, error.message, error.fields, headers, error.extra);
  }
  if (error instanceof z.ZodError) {
    return apiError(422, "invalid", "Some fields are not valid.", fieldErrors(error.issues));
  }
  if (isDatabaseUnavailable(error)) {
    logEvent("warn", "api: database unavailable", { error: String((error as Error)?.message ?? error) });
    return apiError(503, "unavailable", "The database is busy or unreachable. Nothing was changed; try again in a few seconds.", undefined, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  logEvent("error", "api handler failed", { error: String((error as Error)?.stack ?? error) });
  return apiError(500, "internal", "Something went wrong on our side. Nothing was changed.");
}

export function apiRoute<P = Record<string, never>>(access: Access, handler: Handler<P>, options: RouteOptions = {}) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await resolveActor(request, access, options);
      if (access !== "public" && !actor) throw new ServiceError("unauthenticated", "Sign in or send a bearer API token.");
      // Query values reach the database as text too ("?q=%00" was a 500).
      assertStorableText(Object.fromEntries(new URL(request.url).searchParams));
      return await handler({ request, params: await context.params, actor });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * The request's JSON body, parsed by schema: 413 when too large, 415 when sent as another type
 * (`types`: the media types taken, JSON's by default), 400 when not JSON, 422 per field.
 */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  { optional = false, types = ["application/json"] }: { optional?: boolean; types?: string[] } = {},
): Promise<z.infer<S>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES) throw new ServiceError("too_large", `Request bodies are limited to ${MAX_JSON_BYTES} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new ServiceError("too_large", `Request bodies are limited to ${MAX_JSON_BYTES} bytes.`);
  // `optional`: a request with no body at all is an empty object (the schema's defaults).
  if (optional && text.trim() === "") return schema.parse({});
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const json = types.includes("application/json") && /^application\/[\w.-]+\+json$/.test(type); // application/merge-patch+json…
  if (!types.includes(type) && !json) {
    throw new ServiceError("unsupported_type", `Send the body as JSON, with Content-Type: application/json${type ? ` (not ${type})` : ""}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ServiceError("bad_request", "The request body must be JSON.");
  }
  assertStorableText(value);
  return schema.parse(value);
}

/** Query parameters parsed by schema (422 per parameter). */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams));
}
