import type { JSONContent } from "@tiptap/core";
import { z } from "@/lib/zod";
import {
  articleBodySchema,
  type ArticleBody,
  type BodyBlock,
  type InlineNode,
  type Mark,
} from "@/lib/article-body";

/**
 * Converts between TipTap's JSON (`editor.getJSON()`) and the stored article body.
 *
 * TipTap adds attributes we do not store (link target/rel/class, orderedList type, …) and its
 * default schema allows shapes ours does not (nested lists, headings inside quotes). Rather than
 * reject those, we rebuild the document from the parts we know, keeping the text and its order,
 * and let `articleBodySchema` have the last word on values (unsafe links, missing alt text).
 * No "use client": the server may use it too, and it runs in plain unit tests.
 */

type Json = Record<string, unknown>;
type Paragraph = Extract<BodyBlock, { type: "paragraph" }>;
type ListBlock = Extract<BodyBlock, { type: "bulletList" | "orderedList" }>;
type ListItem = ListBlock["content"][number];
type ImageAttrs = Extract<BodyBlock, { type: "image" }>["attrs"];

function asObject(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function childrenOf(node: Json): Json[] {
  const content = Array.isArray(node.content) ? node.content : [];
  return content.map(asObject).filter((child): child is Json => child !== null);
}

function attrsOf(node: Json): Json {
  return asObject(node.attrs) ?? {};
}

function stringAttr(attrs: Json, key: string): string {
  const value = attrs[key];
  return typeof value === "string" ? value : "";
}

// Wrong types become NaN so the schema reports them instead of us inventing a size.
function numberAttr(attrs: Json, key: string): number {
  const value = attrs[key];
  return typeof value === "number" ? value : Number(value ?? Number.NaN);
}

// ---------------------------------------------------------------------------------------------
// Inline content

function normalizeMark(value: unknown): Mark | null {
  const mark = asObject(value);
  switch (mark?.type) {
    case "bold":
      return { type: "bold" };
    case "italic":
      return { type: "italic" };
    case "link":
      // Only href survives; an unsafe one is kept so the schema refuses it loudly.
      return { type: "link", attrs: { href: stringAttr(attrsOf(mark), "href").trim() } };
    default:
      return null; // underline, strike, code, textStyle, …
  }
}

function normalizeMarks(value: unknown): Mark[] {
  const marks: Mark[] = [];
  for (const raw of Array.isArray(value) ? value : []) {
    const mark = normalizeMark(raw);
    if (mark && !marks.some((m) => m.type === mark.type)) marks.push(mark);
  }
  return marks;
}

function normalizeInlineNode(node: Json): InlineNode | null {
  if (node.type === "hardBreak") return { type: "hardBreak" };
  if (node.type !== "text" || typeof node.text !== "string" || node.text === "") return null;
  const marks = normalizeMarks(node.marks);
  return marks.length ? { type: "text", text: node.text, marks } : { type: "text", text: node.text };
}

function normalizeInline(node: Json): InlineNode[] {
  return childrenOf(node)
    .map(normalizeInlineNode)
    .filter((child): child is InlineNode => child !== null);
}

// ---------------------------------------------------------------------------------------------
// Blocks

const TEXTBLOCKS = new Set(["paragraph", "heading", "pullQuote"]);
const LISTS = new Set(["bulletList", "orderedList"]);

/** A node whose children are text: one of ours, or an unknown one holding only inline nodes. */
function holdsInline(node: Json): boolean {
  if (typeof node.type === "string" && TEXTBLOCKS.has(node.type)) return true;
  const children = childrenOf(node);
  return children.length > 0 && children.every((c) => c.type === "text" || c.type === "hardBreak");
}

function paragraph(content: InlineNode[]): Paragraph {
  // An empty paragraph has no content key, as ProseMirror writes it.
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

/** The text of any block as paragraphs: what quotes and list items may hold. */
function toParagraphs(node: Json): Paragraph[] {
  if (holdsInline(node)) return [paragraph(normalizeInline(node))];
  return childrenOf(node).flatMap(toParagraphs);
}

function headingLevel(attrs: Json): 2 | 3 {
  const level = attrs.level;
  return typeof level === "number" && level >= 3 ? 3 : 2;
}

/**
 * A blockquote holds paragraphs only. Textual children become paragraphs; an image or rule inside
 * closes the quote, follows it, and a new quote carries on, so nothing is lost or reordered.
 */
function normalizeBlockquote(node: Json): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let paragraphs: Paragraph[] = [];
  const flush = () => {
    if (paragraphs.length) blocks.push({ type: "blockquote", content: paragraphs });
    paragraphs = [];
  };
  for (const child of childrenOf(node)) {
    if (child.type === "image" || child.type === "horizontalRule") {
      flush();
      blocks.push(...normalizeBlock(child));
    } else {
      paragraphs.push(...toParagraphs(child));
    }
  }
  flush();
  return blocks;
}

/**
 * List items hold paragraphs only, so a nested list is lifted into its parent as the items that
 * follow, in document order. (Images inside items cannot be kept in a list and are dropped; the
 * editor's own schema never puts them there.)
 */
function flattenListItems(list: Json): ListItem[] {
  const items: ListItem[] = [];
  for (const item of childrenOf(list)) {
    let paragraphs: Paragraph[] = [];
    const flush = () => {
      if (paragraphs.length) items.push({ type: "listItem", content: paragraphs });
      paragraphs = [];
    };
    for (const child of childrenOf(item)) {
      if (LISTS.has(String(child.type))) {
        flush();
        items.push(...flattenListItems(child));
      } else {
        paragraphs.push(...toParagraphs(child));
      }
    }
    flush();
  }
  return items;
}

function normalizeList(node: Json): BodyBlock[] {
  const items = flattenListItems(node);
  if (!items.length) return [];
  if (node.type === "bulletList") return [{ type: "bulletList", content: items }];
  const start = attrsOf(node).start;
  return [
    {
      type: "orderedList",
      attrs: { start: typeof start === "number" && Number.isInteger(start) && start >= 1 ? start : 1 },
      content: items,
    },
  ];
}

function normalizeImageAttrs(attrs: Json): ImageAttrs {
  const mediaId = attrs.mediaId;
  return {
    src: stringAttr(attrs, "src"),
    alt: stringAttr(attrs, "alt").trim(),
    caption: stringAttr(attrs, "caption").trim(),
    credit: stringAttr(attrs, "credit").trim(),
    width: numberAttr(attrs, "width"),
    height: numberAttr(attrs, "height"),
    mediaId: typeof mediaId === "string" && mediaId !== "" ? mediaId : null,
  };
}

/** One editor node to zero or more stored blocks. */
function normalizeBlock(node: Json): BodyBlock[] {
  switch (node.type) {
    case "paragraph":
      return [paragraph(normalizeInline(node))];
    case "heading": {
      const content = normalizeInline(node);
      const heading = { type: "heading" as const, attrs: { level: headingLevel(attrsOf(node)) } };
      return [content.length ? { ...heading, content } : heading];
    }
    case "blockquote":
      return normalizeBlockquote(node);
    case "pullQuote": {
      // A pull quote needs words; an empty one (just toggled on) is not worth storing.
      const content = normalizeInline(node);
      const attribution = stringAttr(attrsOf(node), "attribution").trim();
      return content.length ? [{ type: "pullQuote", attrs: { attribution }, content }] : [];
    }
    case "bulletList":
    case "orderedList":
      return normalizeList(node);
    case "image":
      return [{ type: "image", attrs: normalizeImageAttrs(attrsOf(node)) }];
    case "horizontalRule":
      return [{ type: "horizontalRule" }];
    default:
      // A node type we do not store (code block, table, …): keep its text as paragraphs.
      return holdsInline(node) ? toParagraphs(node) : childrenOf(node).flatMap(normalizeBlock);
  }
}

function isEmptyParagraph(block: BodyBlock): boolean {
  return block.type === "paragraph" && !block.content?.length;
}

/** The editor always keeps a blank paragraph at the end (TrailingNode); the body need not. */
function trimTrailingEmptyParagraphs(blocks: BodyBlock[]): BodyBlock[] {
  let end = blocks.length;
  while (end > 0 && isEmptyParagraph(blocks[end - 1]!)) end -= 1;
  return blocks.slice(0, end);
}

/**
 * Whatever `editor.getJSON()` returns, as an article body. Throws the schema's ZodError when the
 * content itself is not acceptable (an unsafe link, an image without alt text).
 */
export function normalizeEditorJson(json: unknown): ArticleBody {
  const doc = asObject(json);
  if (doc?.type !== "doc") return articleBodySchema.parse(json);
  const content = trimTrailingEmptyParagraphs(childrenOf(doc).flatMap(normalizeBlock));
  return articleBodySchema.parse({ type: "doc", content });
}

/** A readable sentence for a failed normalisation: the schema's messages, once each. */
export function describeBodyError(error: unknown): string {
  if (error instanceof z.ZodError) {
    return [...new Set(error.issues.map((issue) => issue.message))].join(" ");
  }
  return error instanceof Error ? error.message : "The article body could not be read.";
}

// ---------------------------------------------------------------------------------------------
// Body to editor

function blockToEditorJson(block: BodyBlock): JSONContent {
  switch (block.type) {
    case "pullQuote":
      return { ...block, attrs: { attribution: block.attrs?.attribution ?? "" } };
    case "orderedList":
      return { ...block, attrs: { start: block.attrs?.start ?? 1 } };
    case "image": {
      const { caption, credit, mediaId, ...rest } = block.attrs;
      return {
        type: "image",
        attrs: { ...rest, caption: caption ?? "", credit: credit ?? "", mediaId: mediaId ?? null },
      };
    }
    default:
      return block;
  }
}

/**
 * The `content` to give TipTap for a stored body: the same JSON with attribute defaults written
 * out, copied so the editor never shares objects with the caller. An empty body becomes one empty
 * paragraph, since a ProseMirror document needs at least one block.
 */
export function bodyToEditorJson(body: ArticleBody): JSONContent {
  const content = body.content.map(blockToEditorJson);
  return structuredClone({ type: "doc", content: content.length ? content : [{ type: "paragraph" }] });
}

// ---------------------------------------------------------------------------------------------
// Link input

// "mailto:", "https:", "javascript:" are schemes; "example.com:8080" is a host and port.
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;

/**
 * What an editor typed in the link field, completed the way they meant it: "example.com" is
 * https://example.com, "jo@example.com" is a mailto link. Whether the result is allowed is
 * `isSafeHref`'s call, not ours.
 */
export function completeHref(input: string): string {
  const value = input.trim();
  if (value === "" || HAS_SCHEME.test(value) || value.startsWith("/") || value.startsWith("#")) return value;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`;
  return `https://${value}`;
}
