import { writtenText, z } from "@/lib/zod";

/**
 * The article body: a ProseMirror (TipTap) document restricted to the nodes and marks we render.
 * One schema, used when saving (actions, API, seed) and before rendering.
 */

// Browsers strip tabs and newlines from URLs and treat "\\" like "/", so "/\\evil.example" or
// "/\t/evil.example" lead off-site although they start with one slash: refuse such characters.
const UNSAFE_URL_CHARS = /[\\\s\u0000-\u001f\u007f]/;
const PROBE_ORIGIN = "https://site.invalid";

/** Site-relative: resolves to our own origin (not "//host", not "/\\host"). */
function isSiteRelative(value: string): boolean {
  if (!value.startsWith("/") || UNSAFE_URL_CHARS.test(value)) return false;
  try {
    return new URL(value, PROBE_ORIGIN).origin === PROBE_ORIGIN;
  } catch {
    return false;
  }
}

/** Links may go to http(s), mailto or a site-relative path; nothing else (no javascript:, data:). */
export function isSafeHref(href: string): boolean {
  const value = href.trim();
  if (value.startsWith("#")) return !UNSAFE_URL_CHARS.test(value);
  if (value.startsWith("/")) return isSiteRelative(value);
  if (UNSAFE_URL_CHARS.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:";
  } catch {
    return false;
  }
}

/** Image sources: site-relative media paths or https URLs. */
export function isSafeImageSrc(src: string): boolean {
  const value = src.trim();
  if (value.startsWith("/")) return isSiteRelative(value);
  if (UNSAFE_URL_CHARS.test(value)) return false;
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

const boldMark = z.object({ type: z.literal("bold") }).strict();
const italicMark = z.object({ type: z.literal("italic") }).strict();
const linkMark = z
  .object({
    type: z.literal("link"),
    // Only href is kept: any other attribute an editor sends (target, onclick, style) is dropped.
    attrs: z.object({
      href: z.string().max(2048).refine(isSafeHref, "Links must be http(s), mailto or site-relative"),
    }),
  })
  .strict();
export const markSchema = z.discriminatedUnion("type", [boldMark, italicMark, linkMark]);

export const textNodeSchema = z
  .object({
    type: z.literal("text"),
    text: writtenText().min(1),
    marks: z.array(markSchema).optional(),
  })
  .strict();
const hardBreakSchema = z.object({ type: z.literal("hardBreak") }).strict();
export const inlineSchema = z.discriminatedUnion("type", [textNodeSchema, hardBreakSchema]);

const paragraphSchema = z
  .object({ type: z.literal("paragraph"), content: z.array(inlineSchema).optional() })
  .strict();
const headingSchema = z
  .object({
    type: z.literal("heading"),
    attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }).strict(),
    content: z.array(inlineSchema).optional(),
  })
  .strict();
const blockquoteSchema = z
  .object({ type: z.literal("blockquote"), content: z.array(paragraphSchema).min(1) })
  .strict();
const pullQuoteSchema = z
  .object({
    type: z.literal("pullQuote"),
    attrs: z.object({ attribution: writtenText().max(200).default("") }).strict().optional(),
    content: z.array(inlineSchema).min(1),
  })
  .strict();
const listItemSchema = z
  .object({ type: z.literal("listItem"), content: z.array(paragraphSchema).min(1) })
  .strict();
const bulletListSchema = z
  .object({ type: z.literal("bulletList"), content: z.array(listItemSchema).min(1) })
  .strict();
const orderedListSchema = z
  .object({
    type: z.literal("orderedList"),
    attrs: z.object({ start: z.number().int().min(1).default(1) }).strict().optional(),
    content: z.array(listItemSchema).min(1),
  })
  .strict();
const imageSchema = z
  .object({
    type: z.literal("image"),
    attrs: z
      .object({
        src: z.string().max(2048).refine(isSafeImageSrc, "Images must be site media or https"),
        alt: writtenText().min(1, "Images need alt text").max(500),
        caption: writtenText().max(500).default(""),
        credit: writtenText().max(200).default(""),
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        mediaId: z.string().nullable().default(null),
      })
      .strict(),
  })
  .strict();
const horizontalRuleSchema = z.object({ type: z.literal("horizontalRule") }).strict();

export const blockSchema = z.discriminatedUnion("type", [
  paragraphSchema,
  headingSchema,
  blockquoteSchema,
  pullQuoteSchema,
  bulletListSchema,
  orderedListSchema,
  imageSchema,
  horizontalRuleSchema,
]);

export const articleBodySchema = z
  .object({ type: z.literal("doc"), content: z.array(blockSchema) })
  .strict();

export type ArticleBody = z.infer<typeof articleBodySchema>;
export type BodyBlock = z.infer<typeof blockSchema>;
export type InlineNode = z.infer<typeof inlineSchema>;
export type Mark = z.infer<typeof markSchema>;

export const emptyBody: ArticleBody = { type: "doc", content: [] };

function inlineText(nodes: InlineNode[] | undefined): string {
  return (nodes ?? []).map((n) => (n.type === "text" ? n.text : "\n")).join("");
}

/** Plain text of a body, block by block: feeds search and reading time. */
export function bodyToPlainText(body: ArticleBody): string {
  const parts: string[] = [];
  for (const block of body.content) {
    switch (block.type) {
      case "paragraph":
      case "heading":
      case "pullQuote":
        parts.push(inlineText(block.content));
        break;
      case "blockquote":
        for (const p of block.content) parts.push(inlineText(p.content));
        break;
      case "bulletList":
      case "orderedList":
        for (const item of block.content)
          for (const p of item.content) parts.push(inlineText(p.content));
        break;
      case "image":
        if (block.attrs.caption) parts.push(block.attrs.caption);
        break;
      case "horizontalRule":
        break;
    }
  }
  return parts.filter(Boolean).join("\n\n");
}

export function countWords(text: string): number {
  const words = text.trim().match(/\S+/g);
  return words ? words.length : 0;
}

/** Minutes at 230 words a minute, at least one. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(countWords(text) / 230));
}
