// A streamed Suspense boundary put in its place in a reader page's HTML. Next.js sends a page that
// reads the request (search reads its query) as a prerendered shell and the rest streamed: each
// finished boundary arrives in a hidden <div id="S:n"> at the end of the body, and a script of
// React's ($RC) moves it over its fallback. Without JavaScript that script never runs, so a reader
// without it saw "Searching…" forever; with it, React waits for a frame (and up to 300 ms more,
// to batch reveals) before showing the results, the page's largest paint. A reader page is held
// whole before it goes out (script-hashes.mjs), so every finished boundary is known by then: each
// is put where React's script would put it, written as React writes a boundary that was finished
// before the shell went out (<!--$-->…<!--/$-->), which React hydrates as it would that one. The
// $RC calls stay, and find nothing to move.
// Plain JavaScript, like the server.

/** React's call that reveals boundary B:n with segment S:n (string arguments, as React writes them). */
const REVEAL = /\$RC\("(B:\d+)","(S:\d+)"\)/g;
/** What a boundary's comment markers look like: <!--$-->, <!--$?-->, <!--$!-->, <!--$~--> open; <!--/$--> closes. */
const MARKER = /<!--(\$[?!~]?|\/\$)-->/g;
/** Tags whose text is not markup: skipped whole when counting <div>s. */
const RAW_TEXT = /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/giy;

/**
 * The page with every boundary React's $RC would reveal already in place. A boundary it cannot
 * place with certainty (its pieces missing, or holding a segment still to come) is left as it was.
 * @param {string} html
 * @returns {string}
 */
export function inlineStreamedBoundaries(html) {
  if (!html.includes('<div hidden id="S:')) return html;
  let page = html;
  for (const [, boundary, segment] of html.matchAll(REVEAL)) page = placeBoundary(page, boundary, segment);
  return page;
}

function placeBoundary(page, boundary, segment) {
  const open = `<div hidden id="${segment}">`;
  const start = page.indexOf(open);
  if (start < 0) return page;
  const end = closingDiv(page, start + open.length);
  if (end < 0) return page;
  const content = page.slice(start + open.length, end);
  // A segment still to be filled in by another of React's scripts: leave the whole to React.
  if (content.includes('<template id="P:')) return page;
  const fallbackStart = page.indexOf(`<!--$?--><template id="${boundary}"></template>`);
  if (fallbackStart < 0 || fallbackStart > start) return page;
  const fallbackEnd = boundaryEnd(page, fallbackStart);
  if (fallbackEnd < 0 || fallbackEnd > start) return page;
  return (
    page.slice(0, fallbackStart) +
    `<!--$-->${content}<!--/$-->` +
    page.slice(fallbackEnd, start) +
    page.slice(end + "</div>".length)
  );
}

/** Where the <div> whose content begins at `from` closes (the index of its "</div>"), or -1. */
function closingDiv(page, from) {
  let depth = 1;
  for (let at = from; at < page.length; ) {
    const next = page.indexOf("<", at);
    if (next < 0) return -1;
    RAW_TEXT.lastIndex = next;
    const raw = RAW_TEXT.exec(page);
    if (raw) {
      at = RAW_TEXT.lastIndex;
      continue;
    }
    if (page.startsWith("</div>", next)) {
      if (--depth === 0) return next;
    } else if (/^<div[\s>]/.test(page.slice(next, next + 5))) depth++;
    at = next + 1;
  }
  return -1;
}

/** The index just after the <!--/$--> that closes the boundary opening at `from`, or -1. */
function boundaryEnd(page, from) {
  let depth = 0;
  MARKER.lastIndex = from;
  for (let marker; (marker = MARKER.exec(page)); ) {
    depth += marker[1] === "/$" ? -1 : 1;
    if (depth === 0) return MARKER.lastIndex;
  }
  return -1;
}
