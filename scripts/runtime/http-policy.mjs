// What the production server (server.mjs) adds to every response: security headers and a request
// id, and the JSON line it logs per request. Plain JavaScript, like the server.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { THEME_INIT_SCRIPT } from "./theme-init.mjs";

/** A script's CSP hash source: what a policy names to let that inline script run. */
export const scriptHashSource = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** React's constant timer for revealing streamed content, which it writes without a nonce. */
export const REACT_REVEAL_TIMER = "requestAnimationFrame(function(){$RT=performance.now()});";
/**
 * The inline scripts staff pages carry without the nonce: React's timer, and our theme script
 * (theme-init.mjs), which the root layout writes on every page and which is cached with it.
 * Allowed by their hashes, so the policy names every inline script.
 */
const STAFF_CONSTANT_HASHES = [REACT_REVEAL_TIMER, THEME_INIT_SCRIPT].map(scriptHashSource);

/**
 * The Content-Security-Policy. No inline script runs anywhere unless the policy names it. Staff
 * pages (dashboard, sign-in, invitations) are rendered per request and never cached: they get a
 * new nonce on every response, which Next.js puts on every script it writes. Reader pages are
 * cached and shared (page-cache.mjs, ADR 005), so a per-request nonce is impossible there: an HTML
 * reader page names the hashes of the inline scripts Next.js and React wrote into it
 * (script-hashes.mjs); every other reader response allows no inline script at all. Everything
 * else is as tight as the site allows: no origin but our own for anything, no plugins, no <base>
 * hijack; staff pages may not be framed at all, reader pages only by the dashboard's own preview.
 * No form-action: it would also apply to the redirect to GitHub/Google when staff sign in with
 * them. (See docs/RELIABILITY.md.)
 * @param {{ frameable: boolean, https: boolean, nonce?: string, scriptHashes?: string[] }} options
 */
export function contentSecurityPolicy({ frameable, https, nonce, scriptHashes = [] }) {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(nonce ? [`'nonce-${nonce}'`, ...STAFF_CONSTANT_HASHES] : scriptHashes)].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${frameable ? "'self'" : "'none'"}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Staff pages: never framed by anyone (clickjacking), never cached, scripts by nonce only. */
const STAFF_PATH = /^\/(dashboard|signin|invite)(\/|$|\?)/;
export const isStaffPath = (path) => STAFF_PATH.test(path);

/** A new nonce: 128 random bits. */
export const newNonce = () => randomBytes(16).toString("base64");

/**
 * Security headers for one request. `https`: the site's public URL is https (TLS ends in front of
 * us), so browsers are told to use nothing else (HSTS). `nonce`: this staff page's scripts'.
 * @param {string} path
 * @param {{ https: boolean, nonce?: string }} options
 * @returns {[string, string][]}
 */
export function securityHeaders(path, { https, nonce }) {
  const frameable = !isStaffPath(path);
  return [
    ["Content-Security-Policy", contentSecurityPolicy({ frameable, https, nonce: frameable ? undefined : nonce })],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["X-Frame-Options", frameable ? "SAMEORIGIN" : "DENY"],
    ...(https ? [["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]] : []),
  ];
}

/** A caller's X-Request-Id when it is a sane token (a load balancer's), else a new one. */
export function requestId(given) {
  return typeof given === "string" && /^[A-Za-z0-9._:-]{8,128}$/.test(given) ? given : randomUUID();
}

/**
 * Why a request's path cannot name anything on this site, or null. A percent-escape that does not
 * decode (`%zz`, a lone `%C0`): Next.js 16.4 answers it with a bare 500. A control character once
 * decoded (`%00`): it reached the database, which cannot store or compare NUL, and failed as a 500.
 * The image optimizer asks this server for the path in its `url` parameter, so that path is held
 * to the same rule. Other query values are each route's to check.
 * @param {string | undefined} url
 */
export function malformedPath(url) {
  const target = String(url ?? "/");
  const pathname = target.split("?")[0];
  const problem = pathProblem(pathname);
  if (problem || pathname !== "/_next/image") return problem;
  const source = new URLSearchParams(target.slice(pathname.length + 1)).get("url");
  return source?.startsWith("/") ? pathProblem(source.split("?")[0]) : null;
}

/**
 * The methods a path answers: GET, HEAD and POST (server actions, forms) everywhere; the API's
 * routes also take PUT, PATCH, DELETE and OPTIONS and answer 405 themselves for what they lack.
 * Anything else (TRACE was a 500, PUT on an article page rendered it) is refused before Next.js.
 * @param {string | undefined} url
 */
export function allowedMethods(url) {
  return String(url ?? "/").startsWith("/api/") ? API_METHODS : PAGE_METHODS;
}
const PAGE_METHODS = ["GET", "HEAD", "POST"];
const API_METHODS = [...PAGE_METHODS, "PUT", "PATCH", "DELETE", "OPTIONS"];

/** @param {string} pathname */
function pathProblem(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "The address has a malformed percent-escape.";
  }
  return /[\u0000-\u001f\u007f]/.test(decoded) ? "The address contains a control character." : null;
}

/** The path as logged: no query (search terms are the reader's business), no invitation tokens. */
export function loggedPath(url) {
  const path = String(url ?? "/").split("?")[0];
  return path.replace(/^\/invite\/[^/]+/, "/invite/[token]");
}

/**
 * Whether a request goes in the request log: all but this instance's own housekeeping that
 * succeeded (its relay reads the database's log every 2 s, its go-live timer runs every 5 s;
 * what they apply is logged by them, and their failures are logged here).
 * @param {string | undefined} url
 * @param {number} status
 */
export function isLoggedRequest(url, status) {
  return !(loggedPath(url).startsWith("/api/internal/") && status < 400);
}

/**
 * The status a request is logged with: the response's, or 499 (nginx's "client closed request")
 * when the client left before all of it was sent. Node reports 200 for a response never written.
 * @param {{ statusCode: number, writableFinished: boolean }} res
 */
export function loggedStatus(res) {
  return res.writableFinished ? res.statusCode : 499;
}

/** One JSON line per request. */
export function requestLogLine({ id, method, url, status, ms, cache, time = new Date() }) {
  return JSON.stringify({
    time: time.toISOString(),
    level: status >= 500 ? "error" : status >= 400 ? "warn" : "info",
    msg: "request",
    id,
    method,
    path: loggedPath(url),
    status,
    ms: Math.round(ms * 10) / 10,
    ...(cache ? { cache } : {}),
  });
}
