// A reader page's framework scripts, loaded once the page has been painted. Next.js writes them as
// <script async> in the head (and the bootstrap one at the end of the body), with a preload: the
// browser fetches them beside the lead image and fonts, and runs them, and React's hydration, as
// soon as they arrive, often before the first frame. On a phone on a slow network that puts
// 135 KB of JavaScript, and a second of main-thread work at 4× slower CPU, ahead of the article's
// first paint (Lighthouse, front page: largest paint 2.6 s with them, 1.9 s deferred; PERFORMANCE.md).
// So the held page (script-hashes.mjs) goes out with those elements taken out, and one constant
// inline script at the end of the body that adds them again after the first frame: a frame,
// then a task. A page not being shown (a background tab, a prerender) has no frame coming and
// gets them at once. Links are plain <a href> and work before then; the buttons that need a
// script say so until React has taken the page over (their labels change on hydration).
// Plain JavaScript, like the server.
import { SCRIPT_ELEMENT, SCRIPT_PRELOAD } from "./response-parts.mjs";

/** The loader: reads the script addresses from its own data-src (attributes are not part of a script's CSP hash). */
export const DEFERRED_SCRIPTS_LOADER =
  '(function(){var s=document.currentScript.getAttribute("data-src").split(" ");' +
  'function l(){s.forEach(function(u){var e=document.createElement("script");e.src=u;e.async=true;document.head.appendChild(e)})}' +
  'document.visibilityState==="visible"?requestAnimationFrame(function(){setTimeout(l,0)}):l()})()';

/** A script element as React writes Next.js's chunks: src, maybe React's shell id, async; nothing else. */
const CHUNK_SCRIPT = /<script src="(\/_next\/static\/[^"\s<>]+\.js)"(?: id="[^"]*")? async=""><\/script>/g;
/** Every script element loading one of the build's files, whatever its attributes. */
const ANY_CHUNK_SCRIPT = /<script\b[^>]*\ssrc="\/_next\/static\/[^>]*>/g;
/** The polyfills for browsers without modules, which modern browsers skip. */
const NOMODULE_SCRIPT = /^<script src="[^"]*" noModule="">$/;

/**
 * The page with Next.js's async chunk scripts and their preloads taken out and the loader, naming
 * them in order, before </body>. Unchanged if it has none, no </body>, or a chunk script with
 * other attributes than React writes by default. The noModule polyfills stay (modern browsers
 * skip them).
 * @param {string} html
 * @returns {string}
 */
export function deferFrameworkScripts(html) {
  const end = html.lastIndexOf("</body>");
  if (end < 0) return html;
  const sources = [];
  const body = html.slice(0, end).replace(CHUNK_SCRIPT, (_, src) => {
    sources.push(src);
    return "";
  });
  if (sources.length === 0) return html;
  // A chunk script with attributes React does not write by default (integrity, crossorigin, a
  // nonce) loads differently: such a page is left alone.
  const left = body.match(ANY_CHUNK_SCRIPT) ?? [];
  if (left.some((tag) => !NOMODULE_SCRIPT.test(tag))) return html;
  const loader = `<script data-src="${sources.join(" ")}">${DEFERRED_SCRIPTS_LOADER}</script>`;
  // React's preload of the bootstrap script, written in the head because that script comes late.
  return body.replace(SCRIPT_PRELOAD, "") + loader + html.slice(end);
}

/**
 * The script files a modern browser loads for a page as sent: its <script src> elements (not the
 * noModule polyfills) and those the loader adds, in document order. For benchmarks and tests.
 * @param {string} html
 * @returns {string[]}
 */
export function pageScriptSources(html) {
  const sources = [];
  for (const [, attributes, text] of html.matchAll(SCRIPT_ELEMENT)) {
    const src = /\ssrc="([^"]+)"/.exec(attributes)?.[1];
    if (src !== undefined) {
      if (!/\snoModule\b/i.test(attributes)) sources.push(src);
    } else if (text === DEFERRED_SCRIPTS_LOADER) {
      sources.push(...(/\sdata-src="([^"]+)"/.exec(attributes)?.[1]?.split(" ") ?? []));
    }
  }
  return sources;
}
