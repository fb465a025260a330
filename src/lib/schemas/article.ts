import { instantSchema, NUL_REFUSED, writtenText, z } from "@/lib/zod";
import { articleBodySchema } from "@/lib/article-body";
import { reservedSlugs } from "@/lib/routes";

/**
 * One schema per entity, shared by the editor form, the server actions and the JSON API (and
 * the OpenAPI document generated from it).
 */

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugSchema = z
  .string()
  .trim()
  .min(1, "A slug is required.")
  .max(120, "At most 120 characters.")
  .regex(slugPattern, "Lower-case letters, digits and single hyphens only.")
  .refine((s) => !reservedSlugs.has(s), "This slug is reserved.");

/** "Héllo, World!" → "hello-world" (for slugs suggested from headlines); `fallback` when nothing is left. */
export function slugify(text: string, maxLength = 80, fallback = "article"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/, "") || fallback;
}

export const seoHints = { titleIdeal: 60, titleMax: 70, descriptionIdeal: 155, descriptionMax: 200 } as const;

const id = z.string().trim().min(1).max(64);

/**
 * A tag's name. No commas: the newsroom types an article's tags as one comma-separated list, so a
 * name with a comma could not survive an edit there (it would come back as two tags).
 */
export const tagNameSchema = writtenText()
  .trim()
  .min(1, "A tag needs a name.")
  .max(60, "Tags have at most 60 characters.")
  .refine((name) => !name.includes(","), "A tag name cannot contain a comma: commas separate tags.");

export const articleFieldsSchema = z
  .object({
    headline: writtenText().trim().min(1, "A headline is required.").max(200, "At most 200 characters."),
    standfirst: writtenText().trim().max(400, "At most 400 characters."),
    slug: slugSchema,
    sectionId: id,
    /** Tag names, in order; unknown names create tags when the user may. */
    tags: z.array(tagNameSchema).max(12, "At most 12 tags."),
    /** Byline, in order. */
    authorIds: z.array(id).min(1, "An article needs at least one author.").max(8),
    heroImageId: id.nullable(),
    heroCaption: writtenText().trim().max(500),
    heroCredit: writtenText().trim().max(200),
    seoTitle: writtenText().trim().max(seoHints.titleMax, `At most ${seoHints.titleMax} characters.`),
    seoDescription: writtenText().trim().max(seoHints.descriptionMax, `At most ${seoHints.descriptionMax} characters.`),
    body: articleBodySchema,
  })
  .strict();

/** Creating: only a headline is needed; the rest has defaults (slug from the headline). */
export const articleCreateSchema = articleFieldsSchema.partial().required({ headline: true }).strict();

/** The version a change was based on (optimistic locking): every save and transition sends it. */
const version = z
  .number({ error: (issue) => (issue.input === undefined ? "The version this change is based on is required." : "Must be a number.") })
  .int("Must be a whole number.")
  .min(1, "Must be 1 or more.");

/** Updating: any fields, plus the version the change was based on. */
export const articleUpdateSchema = articleFieldsSchema.partial().extend({ version }).strict();

export const versionSchema = z.object({ version }).strict();
export const scheduleSchema = z
  .object({
    version,
    /** ISO 8601 with an offset or Z; stored in UTC. */
    publishAt: instantSchema,
  })
  .strict();
export const correctionSchema = z.object({ text: writtenText().trim().min(5, "Describe the correction.").max(1000) }).strict();

export const articleStatusSchema = z.enum(["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"]);
/** A filter's text: PostgreSQL cannot compare a NUL, so one is refused here rather than failing there. */
const filterText = z.string().refine((s) => !s.includes("\u0000"), NUL_REFUSED);

export const articleListQuerySchema = z.object({
  status: articleStatusSchema.optional(),
  section: filterText.optional(),
  author: filterText.optional(),
  q: filterText.trim().max(200).optional(),
  sort: z.enum(["updated", "published", "headline"]).default("updated"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
});

export type ArticleFields = z.infer<typeof articleFieldsSchema>;
export type ArticleCreate = z.infer<typeof articleCreateSchema>;
export type ArticleUpdate = z.infer<typeof articleUpdateSchema>;
export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;
