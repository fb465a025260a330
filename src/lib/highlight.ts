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
