// A missing or failed reader page, written out whole. Since Next.js 16, a page that calls
// notFound() (outside a Suspense boundary) answers 404, and a page whose render throws answers
// 500, with an empty "recovery" document: `<html id="__next_error__">` with scripts only. The
// browser then renders the not-found page or the error boundary (app/(site)/error.tsx) from the
// payload in those scripts (React's server renderer has no error boundaries to catch either). So
// a reader without JavaScript saw a blank page, and everyone an untitled one until the scripts
// ran. The site has each message as a page written whole: the global not-found page
// (app/global-not-found.tsx) and the 500 page (app/(site)/500), in the same site chrome. The
// server puts that page's head and body into the empty document, around Next.js's own scripts.
// When those run, React renders the document afresh (no hydration: it keeps only scripts, styles
// and stylesheets, and draws the same message over the rest).
// Plain JavaScript, like the server.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { SCRIPT_ELEMENT, SCRIPT_PRELOAD } from "./response-parts.mjs";
import { THEME_INIT_SCRIPT } from "./theme-init.mjs";

/**
 * The URL Next.js answers with the global not-found page (404), whatever the route table holds;
 * `built`: the copy `next build` wrote of it, under .next/server/app.
 */
const NOT_FOUND_PAGE = { path: "/_not-found", status: 404, built: "_not-found.html" };
/** The site's 500 page (app/(site)/500/page.tsx): Next.js answers the path /500 with status 500. */
const SERVER_ERROR_PAGE = { path: "/500", status: 500, built: "500.html" };

/**
 * The page that completes an empty document of `status`, the status that page answers with, and
 * the name of the build's copy of it; null for a status that has none.
 * @param {number} status
 * @returns {{ path: string, status: number, built: string } | null}
 */
export function errorDocumentFor(status) {
  if (status === 404) return NOT_FOUND_PAGE;
  if (status >= 500 && status <= 599) return SERVER_ERROR_PAGE;
  return null;
}

/**
 * The status `path` answers with if it is one of those pages (undefined otherwise): the page
 * cache keeps that answer although it is an error.
 * @param {string} path
 * @returns {number | undefined}
 */
export function errorPageStatus(path) {
  return [NOT_FOUND_PAGE, SERVER_ERROR_PAGE].find((page) => page.path === path)?.status;
}

/**
 * The copy of an error page that `next build` wrote (static pages are prerendered), or null. For
 * when the page can be had no other way: its site chrome lists the sections, so rendering it needs
 * the database, and after everything was expired (an instance's start, a change to the sections)
 * an outage leaves it in no cache. The copy shows the sections as they were at the build. Read
 * once: the build does not change under a running server, and an outage asks for it on every
 * failed page.
 * @param {{ built: string }} source
 * @param {string} distDir the build's directory (dist-dir.mjs)
 * @returns {Promise<string | null>}
 */
export function builtErrorPage(source, distDir) {
  const file = path.join(distDir, "server/app", source.built);
  let read = builtCopies.get(file);
  if (!read) builtCopies.set(file, (read = readFile(file, "utf8").catch(() => null)));
  return read;
}
const builtCopies = new Map();

const SHELL_START = /^<!DOCTYPE html><html id="__next_error__">/i;
const DOCUMENT = /^<!DOCTYPE html><html([^>]*)><head>([\s\S]*)<\/head><body([^>]*)>([\s\S]*)<\/body><\/html>\s*$/i;
/** Script types a browser runs; any other (application/ld+json) is data, kept. */
const RUN_TYPE = /^(text\/javascript|application\/javascript|module)?$/i;
const ROBOTS = /<meta name="robots"[^>]*>/gi;

/** Whether html is Next.js's empty recovery document (a notFound() page, a failed render). */
export function isRecoveryShell(html) {
  return SHELL_START.test(html);
}

/**
 * The recovery document `shell` with an error page's head and body put in: the page's
 * <html> and <body> attributes (language, fonts, colours), its head (title, stylesheet, theme
 * script, metadata) and its body's markup, without its framework scripts; then the shell's own
 * head and body (its scripts, which render the page in the browser). Null when either is not the
 * document expected, or the page is itself a recovery shell: the caller then sends shell as it is.
 * @param {string} shell
 * @param {string} page
 * @returns {string | null}
 */
export function completeRecoveryShell(shell, page) {
  if (!isRecoveryShell(shell) || isRecoveryShell(page)) return null;
  const outer = DOCUMENT.exec(shell);
  const inner = DOCUMENT.exec(page);
  if (!outer || !inner) return null;
  const [, , shellHead, , shellBody] = outer;
  const [, htmlAttributes, pageHead, bodyAttributes, pageBody] = inner;
  const attributes = htmlAttributes.replace(/\sid="[^"]*"/i, "");
  // The shell's head says noindex too (and Next.js adds one to the 500 page's own): once is enough.
  let robots = 0;
  const head = (withoutFrameworkScripts(pageHead).replace(SCRIPT_PRELOAD, "") + shellHead).replace(ROBOTS, (tag) => (robots++ === 0 ? tag : ""));
  return `<!DOCTYPE html><html id="__next_error__"${attributes}><head>${head}</head><body${bodyAttributes}>${withoutFrameworkScripts(pageBody)}${shellBody}</body></html>`;
}

/**
 * html without Next.js's scripts: its chunks (/_next/…) and every inline script a browser would
 * run but the theme's (theme-init.mjs), which sets the reader's theme before the page is painted.
 */
function withoutFrameworkScripts(html) {
  return html.replace(SCRIPT_ELEMENT, (element, attributes, text) => {
    const src = /\ssrc="([^"]*)"/i.exec(attributes)?.[1];
    if (src !== undefined) return src.startsWith("/_next/") ? "" : element;
    const type = /\btype="([^"]*)"/i.exec(attributes)?.[1] ?? "";
    return RUN_TYPE.test(type) && text !== THEME_INIT_SCRIPT ? "" : element;
  });
}
