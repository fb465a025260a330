import { ZodError } from "zod";
import {
  articleBodySchema,
  isSafeHref,
  type ArticleBody,
  type BodyBlock,
  type InlineNode,
  type Mark,
} from "../../src/lib/article-body.ts";

/**
 * A small, strict markup for writing demo articles by hand, converted to the ProseMirror body.
 *
 * Blocks are separated by blank lines. Each block is one of:
 *
 *   plain lines                  paragraph (lines are joined with a space; a line ending in `\`
 *                                ends with a hard break instead)
 *   ## text / ### text           heading, level 2 / 3 (a single line)
 *   > text                       blockquote; a line `>` alone starts a new paragraph inside it
 *   >> text -- Attribution       pull quote (attribution optional; split at the last ` -- `)
 *   - item                       bullet list, one item per line
 *   3. item                      ordered list, one item per line, starting at the first number
 *   ---                          horizontal rule
 *   ![alt](img:KEY "caption" "credit")   image, resolved with the `images` callback
 *
 * Inline: `**bold**`, `*italic*`, `[text](href)`; marks nest (`**see [this](/x)**`) but may not
 * overlap. A backslash escapes `\ * [ ] ( )` and, at the start of a line, a block marker
 * (`\- not a list`). Anything else, including typographic quotes, passes through unchanged.
 *
 * Bad markup throws an Error naming the line; the result is validated with `articleBodySchema`.
 */

export interface MarkupImage {
  src: string;
  width: number;
  height: number;
  mediaId: string | null;
}

export type ImageResolver = (key: string) => MarkupImage;

export class MarkupError extends Error {
  readonly line: number;
  constructor(line: number, message: string, lineText?: string) {
    super(
      `Markup error on line ${line}: ${message}` +
        (lineText === undefined ? "" : `\n  ${line} | ${lineText}`),
    );
    this.name = "MarkupError";
    this.line = line;
  }
}

interface Line {
  no: number; // 1-based
  text: string; // trimmed at the end, leading indentation kept out
}

type BlockKind =
  "heading" | "blockquote" | "pullQuote" | "bullet" | "ordered" | "rule" | "image" | "paragraph";

const HEADING = /^(#{1,6})(?:\s+(.*))?$/;
const BULLET = /^[-*+]\s+(.*)$/;
const BULLET_BARE = /^[-*+]$/;
const ORDERED = /^(\d{1,9})[.)]\s+(.*)$/;
const ORDERED_BARE = /^\d{1,9}[.)]$/;
const RULE = /^-{3,}$/;
const IMAGE_START = /^!\[/;

function classify(text: string): BlockKind {
  if (text.startsWith("\\")) return "paragraph"; // escaped block marker
  if (text.startsWith("#") && HEADING.test(text)) return "heading";
  if (text.startsWith(">>")) return "pullQuote";
  if (text.startsWith(">")) return "blockquote";
  if (RULE.test(text)) return "rule";
  if (BULLET.test(text) || BULLET_BARE.test(text)) return "bullet";
  if (ORDERED.test(text) || ORDERED_BARE.test(text)) return "ordered";
  if (IMAGE_START.test(text)) return "image";
  return "paragraph";
}

const KIND_NAMES: Record<BlockKind, string> = {
  heading: "a heading",
  blockquote: "a blockquote line",
  pullQuote: "a pull quote line",
  bullet: "a bullet list item",
  ordered: "an ordered list item",
  rule: "a horizontal rule",
  image: "an image",
  paragraph: "paragraph text",
};

/* ------------------------------------------------------------------------------------------ */
/* Inline                                                                                      */
/* ------------------------------------------------------------------------------------------ */

const ESCAPABLE = new Set(["\\", "*", "[", "]", "(", ")", "_", "`", "#", ">", "-", "!", "+", "."]);

interface OpenMark {
  kind: "bold" | "italic" | "link";
  /** The node index where the marked text starts (links: to reject empty link text). */
  start: number;
  /** Offset of the opening delimiter in the text (for "unclosed" errors). */
  at: number;
}

/**
 * Parses inline markup. `text` may contain "\n", which marks a hard break.
 * `lineNo` is used in error messages (the first line of the block).
 */
export function parseInline(text: string, lineNo: number, lineText?: string): InlineNode[] {
  return parseInlineAt(text, () => ({ no: lineNo, text: lineText }));
}

/** Where an offset of the joined inline text came from, for error messages. */
type Locate = (offset: number) => { no: number; text: string | undefined };

function locatorFor(lines: Line[], starts: number[]): Locate {
  return (offset) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
    const line = lines[k] ?? lines[0]!;
    return { no: line.no, text: line.text };
  };
}

function parseInlineAt(text: string, locate: Locate): InlineNode[] {
  const out: InlineNode[] = [];
  const stack: OpenMark[] = [];
  let buf = "";
  let i = 0;

  const fail: (msg: string, at?: number) => never = (msg, at = i) => {
    const where = locate(Math.min(at, Math.max(0, text.length - 1)));
    throw new MarkupError(where.no, msg, where.text);
  };

  const currentMarks = (): Mark[] | undefined => {
    const marks: Mark[] = [];
    for (const open of stack) {
      if (open.kind === "bold") marks.push({ type: "bold" });
      else if (open.kind === "italic") marks.push({ type: "italic" });
      // Link marks are only known once the closing `](href)` is read; patched in then.
    }
    return marks.length ? marks : undefined;
  };

  const flush = () => {
    if (!buf) return;
    const marks = currentMarks();
    const node: InlineNode = marks ? { type: "text", text: buf, marks } : { type: "text", text: buf };
    out.push(node);
    buf = "";
  };

  const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

  while (i < text.length) {
    const ch = text[i]!;

    if (ch === "\\") {
      const next = text[i + 1];
      if (next !== undefined && ESCAPABLE.has(next)) {
        buf += next;
        i += 2;
        continue;
      }
      buf += ch;
      i += 1;
      continue;
    }

    if (ch === "\n") {
      flush();
      out.push({ type: "hardBreak" });
      i += 1;
      continue;
    }

    if (ch === "*") {
      let run = 1;
      while (text[i + run] === "*") run++;
      const before = text[i - 1];
      const after = text[i + run];
      const canOpen = !isSpace(after);
      const canClose = !isSpace(before) && i > 0;
      if (run > 3) fail(`too many asterisks in a row (${run}); use \\* for a literal asterisk`);
      if (!canOpen && !canClose) {
        // A lone asterisk between spaces ("5 * 3") is literal text.
        buf += "*".repeat(run);
        i += run;
        continue;
      }
      const wanted: ("bold" | "italic")[] = run === 1 ? ["italic"] : run === 2 ? ["bold"] : [];
      const top = stack[stack.length - 1];
      let closing: boolean;
      if (run === 3) {
        closing = canClose && top !== undefined && (top.kind === "bold" || top.kind === "italic");
      } else {
        const kind = wanted[0]!;
        const inStack = stack.some((m) => m.kind === kind);
        closing = canClose && inStack;
        if (!closing && !canOpen) fail(`closing ${"*".repeat(run)} without an opening one`);
        if (!closing && inStack) fail(`${kind} cannot be nested inside ${kind}`);
      }
      flush();
      if (closing) {
        const toClose = run === 3 ? [stack[stack.length - 1]!.kind, stack[stack.length - 2]?.kind] : wanted;
        for (const kind of toClose) {
          const last = stack[stack.length - 1];
          if (!last || last.kind !== kind || (kind !== "bold" && kind !== "italic")) {
            fail(
              `overlapping marks: "${"*".repeat(run)}" closes ${kind ?? "nothing"} while ${
                last ? last.kind : "nothing"
              } is still open`,
            );
          }
          stack.pop();
        }
      } else {
        const toOpen: ("bold" | "italic")[] = run === 3 ? ["bold", "italic"] : wanted;
        for (const kind of toOpen) {
          if (stack.some((m) => m.kind === kind)) fail(`${kind} cannot be nested inside ${kind}`);
          stack.push({ kind, start: out.length, at: i });
        }
      }
      i += run;
      continue;
    }

    if (ch === "[") {
      if (stack.some((m) => m.kind === "link")) fail("a link cannot contain another link");
      flush();
      stack.push({ kind: "link", start: out.length, at: i });
      i += 1;
      continue;
    }

    if (ch === "]") {
      const top = stack[stack.length - 1];
      if (!top || top.kind !== "link") {
        if (stack.some((m) => m.kind === "link"))
          fail(`overlapping marks: "]" closes a link while ${top?.kind} is still open`);
        fail('unexpected "]"; use \\] for a literal bracket');
      }
      if (text[i + 1] !== "(")
        fail('link text must be followed by "(href)"; use \\[ \\] for literal brackets');
      // The href ends at the ")" that balances the "(" (so hrefs may contain balanced parentheses).
      let close = -1;
      for (let j = i + 2, depth = 0; j < text.length; j++) {
        if (text[j] === "(") depth++;
        else if (text[j] === ")") {
          if (depth === 0) {
            close = j;
            break;
          }
          depth--;
        }
      }
      if (close === -1) fail('link href is missing its closing ")"');
      const href = text.slice(i + 2, close);
      if (!href) fail("link href is empty");
      if (/\s/.test(href)) fail(`link href contains whitespace: "${href}"`);
      // Browsers read "/\\host" as "//host": a backslash would turn a site-relative link into an
      // off-site one while still passing isSafeHref.
      if (href.includes("\\")) fail(`link href contains a backslash: "${href}"`);
      if (!isSafeHref(href))
        fail(`unsafe link href "${href}" (only http(s), mailto and site-relative links)`);
      flush();
      const linkMark: Mark = { type: "link", attrs: { href } };
      if (top.start === out.length) fail("link text is empty");
      // Add the link mark to every node produced inside the brackets, after the marks opened
      // before the link (so `**[a](/x)**` gives [bold, link]).
      const depth = stack.length - 1;
      for (let n = top.start; n < out.length; n++) {
        const node = out[n]!;
        if (node.type !== "text") continue;
        const marks = node.marks ?? [];
        // Marks opened outside the link come first; those opened inside follow.
        const outer = marks.slice(0, countOuter(stack, depth));
        const inner = marks.slice(outer.length);
        node.marks = [...outer, linkMark, ...inner];
      }
      stack.pop();
      i = close + 1;
      continue;
    }

    buf += ch;
    i += 1;
  }

  flush();
  if (stack.length) {
    const open = stack[stack.length - 1]!;
    i = open.at;
    fail(
      open.kind === "link"
        ? 'unclosed "[" (link text without "](href)"); use \\[ for a literal bracket'
        : `unclosed ${open.kind === "bold" ? "**" : "*"} (${open.kind})`,
    );
  }
  return mergeAdjacent(out);
}

/** Number of bold/italic marks opened before the link at `depth` (links carry no entry yet). */
function countOuter(stack: OpenMark[], depth: number): number {
  let count = 0;
  for (let k = 0; k < depth; k++) if (stack[k]!.kind !== "link") count++;
  return count;
}

function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

function mergeAdjacent(nodes: InlineNode[]): InlineNode[] {
  const merged: InlineNode[] = [];
  for (const node of nodes) {
    const prev = merged[merged.length - 1];
    if (prev && prev.type === "text" && node.type === "text" && sameMarks(prev.marks, node.marks)) {
      prev.text += node.text;
    } else {
      merged.push(node);
    }
  }
  return merged;
}

/* ------------------------------------------------------------------------------------------ */
/* Blocks                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/**
 * Joins the lines of one paragraph: a space between lines, or a hard break ("\n") after a line
 * ending in an unescaped `\`. Returns the text and the offset where each line starts.
 */
function joinLines(lines: string[]): { text: string; starts: number[] } {
  let result = "";
  const starts: number[] = [];
  lines.forEach((line, idx) => {
    let text = line;
    const last = idx === lines.length - 1;
    const hard = !last && /(^|[^\\])(\\\\)*\\$/.test(text);
    if (hard) text = text.slice(0, -1).trimEnd();
    starts.push(result.length);
    result += text;
    if (!last) result += hard ? "\n" : " ";
  });
  return { text: result, starts };
}

/** Parses the inline content of several source lines joined into one paragraph. */
function inlineOfLines(lines: Line[], texts: string[] = lines.map((l) => l.text)): InlineNode[] {
  const { text, starts } = joinLines(texts);
  return parseInlineAt(text, locatorFor(lines, starts));
}

function unescapeLeading(text: string): string {
  // `\1. x` is a paragraph starting "1. x"; other markers (`\-`, `\#`, `\>`, `\*`, `\!`) are
  // ordinary inline escapes.
  return /^\\\d/.test(text) ? text.slice(1) : text;
}

function parseQuoted(rest: string, line: Line): { values: string[]; tail: string } {
  const values: string[] = [];
  let s = rest.trimStart();
  while (s.startsWith('"')) {
    let value = "";
    let j = 1;
    let closed = false;
    while (j < s.length) {
      const c = s[j]!;
      if (c === "\\" && (s[j + 1] === '"' || s[j + 1] === "\\")) {
        value += s[j + 1];
        j += 2;
        continue;
      }
      if (c === '"') {
        closed = true;
        break;
      }
      value += c;
      j++;
    }
    if (!closed) throw new MarkupError(line.no, "unterminated quoted string in image", line.text);
    values.push(value);
    s = s.slice(j + 1).trimStart();
  }
  return { values, tail: s };
}

function parseImage(line: Line, images: ImageResolver): BodyBlock {
  const m = /^!\[([^\]]*)\]\((.*)\)$/.exec(line.text);
  if (!m) {
    throw new MarkupError(
      line.no,
      'image must be a whole line: ![alt text](img:KEY "caption" "credit")',
      line.text,
    );
  }
  const alt = m[1]!.trim();
  const inner = m[2]!.trim();
  if (!alt) throw new MarkupError(line.no, "image needs alt text", line.text);
  const keyMatch = /^img:([A-Za-z0-9][A-Za-z0-9_-]*)(.*)$/.exec(inner);
  if (!keyMatch) {
    throw new MarkupError(line.no, 'image source must be "img:KEY" (letters, digits, - and _)', line.text);
  }
  const key = keyMatch[1]!;
  const rest = keyMatch[2]!;
  if (rest && !/^\s/.test(rest)) throw new MarkupError(line.no, "invalid image key", line.text);
  const { values, tail } = parseQuoted(rest, line);
  if (tail) throw new MarkupError(line.no, `unexpected text in image: "${tail}"`, line.text);
  if (values.length > 2)
    throw new MarkupError(line.no, "image takes at most a caption and a credit", line.text);
  let resolved: MarkupImage;
  try {
    resolved = images(key);
  } catch (err) {
    throw new MarkupError(
      line.no,
      `image "${key}" could not be resolved: ${err instanceof Error ? err.message : String(err)}`,
      line.text,
    );
  }
  if (!resolved) throw new MarkupError(line.no, `image "${key}" could not be resolved`, line.text);
  return {
    type: "image",
    attrs: {
      src: resolved.src,
      alt,
      caption: values[0] ?? "",
      credit: values[1] ?? "",
      width: resolved.width,
      height: resolved.height,
      mediaId: resolved.mediaId,
    },
  };
}

function requireSameKind(lines: Line[], kind: BlockKind, what: string) {
  for (const line of lines) {
    const k = classify(line.text);
    if (k !== kind) {
      throw new MarkupError(
        line.no,
        `${KIND_NAMES[k]} inside ${what}; separate blocks with a blank line`,
        line.text,
      );
    }
  }
}

function parseBlock(lines: Line[], images: ImageResolver): BodyBlock {
  const first = lines[0]!;
  const kind = classify(first.text);

  switch (kind) {
    case "heading": {
      const m = HEADING.exec(first.text)!;
      const hashes = m[1]!.length;
      if (hashes !== 2 && hashes !== 3) {
        throw new MarkupError(
          first.no,
          `only ## and ### headings are allowed (found ${"#".repeat(hashes)})`,
          first.text,
        );
      }
      const text = (m[2] ?? "").trim();
      if (!text) throw new MarkupError(first.no, "heading is empty", first.text);
      if (lines.length > 1) {
        throw new MarkupError(
          lines[1]!.no,
          "a heading is a single line; add a blank line after it",
          lines[1]!.text,
        );
      }
      return {
        type: "heading",
        attrs: { level: hashes as 2 | 3 },
        content: parseInline(text, first.no, first.text),
      };
    }

    case "rule": {
      if (lines.length > 1) {
        throw new MarkupError(
          lines[1]!.no,
          "a horizontal rule is a single line; add a blank line after it",
          lines[1]!.text,
        );
      }
      return { type: "horizontalRule" };
    }

    case "image": {
      if (lines.length > 1) {
        throw new MarkupError(
          lines[1]!.no,
          "an image is a single line; add a blank line after it",
          lines[1]!.text,
        );
      }
      return parseImage(first, images);
    }

    case "pullQuote": {
      requireSameKind(lines, "pullQuote", "a pull quote");
      const { text: joined, starts } = joinLines(lines.map((l) => l.text.slice(2).trim()));
      let quote = joined;
      let attribution = "";
      const sep = joined.lastIndexOf(" -- ");
      if (sep !== -1) {
        quote = joined.slice(0, sep).trim();
        attribution = joined.slice(sep + 4).trim();
      } else if (joined.startsWith("-- ")) {
        quote = "";
      }
      if (!quote) throw new MarkupError(first.no, "pull quote has no text", first.text);
      if (sep !== -1 && !attribution)
        throw new MarkupError(first.no, "pull quote attribution after -- is empty", first.text);
      return {
        type: "pullQuote",
        attrs: { attribution },
        content: parseInlineAt(quote, locatorFor(lines, starts)),
      };
    }

    case "blockquote": {
      requireSameKind(lines, "blockquote", "a blockquote");
      const paragraphs: Line[][] = [[]];
      for (const line of lines) {
        if (!line.text.slice(1).trim()) {
          if (paragraphs[paragraphs.length - 1]!.length) paragraphs.push([]);
          continue;
        }
        paragraphs[paragraphs.length - 1]!.push(line);
      }
      const filled = paragraphs.filter((p) => p.length);
      if (!filled.length) throw new MarkupError(first.no, "blockquote is empty", first.text);
      return {
        type: "blockquote",
        content: filled.map((p) => ({
          type: "paragraph" as const,
          content: inlineOfLines(
            p,
            p.map((l) => l.text.slice(1).trim()),
          ),
        })),
      };
    }

    case "bullet":
    case "ordered": {
      requireSameKind(lines, kind, kind === "bullet" ? "a bullet list" : "an ordered list");
      let start = 1;
      const items = lines.map((line, idx) => {
        const m = kind === "bullet" ? BULLET.exec(line.text) : ORDERED.exec(line.text);
        const text = kind === "bullet" ? m?.[1] : m?.[2];
        if (!m || !text || !text.trim()) throw new MarkupError(line.no, "list item is empty", line.text);
        if (kind === "ordered" && idx === 0) {
          start = Number(m[1]);
          if (start < 1) throw new MarkupError(line.no, "ordered lists start at 1 or more", line.text);
        }
        return {
          type: "listItem" as const,
          content: [
            {
              type: "paragraph" as const,
              content: parseInline(text.trim(), line.no, line.text),
            },
          ],
        };
      });
      return kind === "bullet"
        ? { type: "bulletList", content: items }
        : { type: "orderedList", attrs: { start }, content: items };
    }

    case "paragraph": {
      for (const line of lines) {
        const k = classify(line.text);
        if (k !== "paragraph") {
          throw new MarkupError(
            line.no,
            `${KIND_NAMES[k]} inside a paragraph; separate blocks with a blank line (or escape the first character with \\)`,
            line.text,
          );
        }
      }
      return {
        type: "paragraph",
        content: inlineOfLines(
          lines,
          lines.map((l) => unescapeLeading(l.text)),
        ),
      };
    }
  }
}

/** Converts the markup to an article body and validates it against `articleBodySchema`. */
export function markupToBody(src: string, images: ImageResolver): ArticleBody {
  const rawLines = src.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Line[][] = [];
  let current: Line[] = [];
  rawLines.forEach((raw, idx) => {
    const text = raw.trim();
    if (!text) {
      if (current.length) blocks.push(current);
      current = [];
      return;
    }
    current.push({ no: idx + 1, text });
  });
  if (current.length) blocks.push(current);

  const starts: number[] = [];
  const content: BodyBlock[] = blocks.map((lines) => {
    starts.push(lines[0]!.no);
    return parseBlock(lines, images);
  });

  const doc = { type: "doc" as const, content };
  try {
    return articleBodySchema.parse(doc);
  } catch (err) {
    if (err instanceof ZodError) {
      const issue = err.issues[0];
      const blockIndex = issue && issue.path[0] === "content" ? issue.path[1] : undefined;
      const line = typeof blockIndex === "number" ? starts[blockIndex] : undefined;
      const where = issue ? issue.path.join(".") : "";
      const message = `${issue?.message ?? "invalid body"}${where ? ` (at ${where})` : ""}`;
      if (line !== undefined) {
        throw new MarkupError(
          line,
          `the body does not pass the schema: ${message}`,
          rawLines[line - 1]?.trim(),
        );
      }
      throw new Error(`Markup produced an invalid body: ${message}`);
    }
    throw err;
  }
}
