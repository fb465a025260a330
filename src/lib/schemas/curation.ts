import { instantSchema, writtenText, z } from "@/lib/zod";
import { isSafeImageSrc } from "@/lib/article-body";

/** The front page, editors' picks and the breaking-news banner, as forms and the API send them. */

export const curationLists = ["FRONT_PAGE", "EDITORS_PICKS"] as const;
export const curationListSchema = z.enum(curationLists);
export type CurationListName = z.infer<typeof curationListSchema>;

/** How many stories each list holds: the front page's lead plus its top stories, and the picks rail. */
export const curationLimits: Record<CurationListName, number> = { FRONT_PAGE: 12, EDITORS_PICKS: 8 };

export const curatedListSchema = z
  .object({
    list: curationListSchema,
    /** In order; the front page's first is its lead. */
    articleIds: z.array(z.string().trim().min(1).max(64)).max(50),
    /** The list as the editor last saw it: a list changed since is refused (409), not replaced. */
    basedOn: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  })
  .strict();

const emptyToUndefined = (value: unknown) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value);

export const breakingNewsSchema = z
  .object({
    text: writtenText().trim().min(1, "Write the banner text.").max(200, "At most 200 characters."),
    // Site-relative or https: the same rule as image sources (no javascript:, data: or http:).
    url: z.preprocess(
      emptyToUndefined,
      z.string().trim().max(2048, "At most 2048 characters.").refine(isSafeImageSrc, "Use a site path (/politics/…) or an https:// address.").optional(),
    ),
    /** ISO 8601 with an offset or Z (the browser converts the editor's local time). */
    expiresAt: z.preprocess(emptyToUndefined, instantSchema.optional()),
  })
  .strict();

export type BreakingNewsInput = z.infer<typeof breakingNewsSchema>;
