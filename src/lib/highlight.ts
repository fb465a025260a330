/**
 * Search snippets from PostgreSQL's ts_headline, marked with two private-use characters instead of
 * HTML tags: the database returns plain text, this turns it into segments, and React renders the
 * segments as text and <mark>. No HTML string is ever built from article content.
 */

/** Start of a highlighted match (U+E000, private use: never meaningful in article text). */
export const HIGHLIGHT_START = "\uE000";
/** End of a highlighted match (U+E001). */
export const HIGHLIGHT_STOP = "\uE001";

export interface HighlightSegment {
  text: string;
  highlight: boolean;
}

/**
 * Splits a marked snippet into plain and highlighted segments. Whitespace runs (paragraph breaks
 * in the body) become single spaces and the ends are trimmed. Unbalanced markers are tolerated:
 * a start inside a highlight or a stop outside one is ignored, and an unclosed highlight ends with
 * the text. Empty segments are dropped and neighbours of the same kind merged.
 */
export function parseHighlight(marked: string): HighlightSegment[] {
  const text = marked.replace(/\s+/g, " ").trim();
  const segments: HighlightSegment[] = [];
  let inside = false;
  let current = "";
  const flush = () => {
    if (!current) return;
    const last = segments[segments.length - 1];
    if (last && last.highlight === inside) last.text += current;
    else segments.push({ text: current, highlight: inside });
    current = "";
  };
  for (const ch of text) {
    if (ch === HIGHLIGHT_START) {
      if (!inside) {
        flush();
        inside = true;
      }
    } else if (ch === HIGHLIGHT_STOP) {
      if (inside) {
        flush();
        inside = false;
      }
    } else {
      current += ch;
    }
  }
  flush();
  return segments;
}

/** What ts_headline puts between a snippet's fragments (search-queries.ts). */
export const FRAGMENT_DELIMITER = " … ";

// Whitespace runs as one space, and no punctuation at the ends: ts_headline leaves out a text's
// first and last punctuation marks (the full stop after its last word).
const squeeze = (text: string) => text.replace(/\s+/g, " ").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

/**
 * Shows where a snippet was cut out of its source: "…" before it unless it begins where the source
 * begins, and after it unless it ends where the source ends, as fragments are joined by one. An
 * end that is the source's gets back the punctuation ts_headline left out ("text." not "text").
 * `head` and `tail`: the source's first and last characters, more than a fragment holds.
 */
export function markCuts(segments: HighlightSegment[], head: string, tail: string): HighlightSegment[] {
  if (!segments.length) return segments;
  const joined = segments.map((s) => s.text).join("");
  const fragments = joined.split(FRAGMENT_DELIMITER);
  const ellipsis = FRAGMENT_DELIMITER.trim();
  const before = squeeze(head).startsWith(squeeze(fragments[0]!)) ? (head.trimStart().match(/^[^\p{L}\p{N}\s]+/u)?.[0] ?? "") : `${ellipsis} `;
  const after = squeeze(tail).endsWith(squeeze(fragments.at(-1)!)) ? (tail.trimEnd().match(/[^\p{L}\p{N}\s]+$/u)?.[0] ?? "") : ` ${ellipsis}`;
  const marked = segments.map((s) => ({ ...s }));
  if (before && !joined.startsWith(before)) {
    if (marked[0]!.highlight) marked.unshift({ text: before, highlight: false });
    else marked[0]!.text = before + marked[0]!.text;
  }
  if (after && !joined.endsWith(after)) {
    const last = marked.at(-1)!;
    if (last.highlight) marked.push({ text: after, highlight: false });
    else last.text += after;
  }
  return marked;
}
