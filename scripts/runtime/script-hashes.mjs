// Reader pages without 'unsafe-inline' for scripts. Next.js writes every page's RSC payload, and
// React its streaming runtime, as inline <script> elements, different on every page; reader pages
// are shared (page-cache.mjs, Next.js's prerendered pages), so a per-response nonce is impossible.
// Instead an HTML reader page is held until Next.js has written all of it and goes out with a
// policy that names the SHA-256 hash of each inline script Next.js or React wrote, recognised by
// shape: anything else inline (say, a <script> some bug let into the markup) is not named, so the
// browser refuses it, and so it refuses every inline event handler and javascript: URL.
// The page cache keeps the page with that policy. Plain JavaScript, like the server.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { DEFERRED_SCRIPTS_LOADER, deferFrameworkScripts } from "./deferred-scripts.mjs";
import { REACT_REVEAL_TIMER, scriptHashSource } from "./http-policy.mjs";
import { logEvent } from "./log.mjs";
import { compressed, headerObject, SCRIPT_ELEMENT, toBuffer, uncompressed } from "./response-parts.mjs";
import { inlineStreamedBoundaries } from "./streamed-boundaries.mjs";
import { THEME_INIT_SCRIPT } from "./theme-init.mjs";

/** Script types a browser runs; any other (application/ld+json) is data, never run. */
const RUN_TYPE = /^(text\/javascript|application\/javascript|module)$/i;
/** Next.js's chunk list: one call with one JSON argument. */
const TURBOPACK_CHUNKS = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(([\s\S]*)\);?$/;
/** Next.js's payload: one push of JSON, or its first push followed by one with a form's state. */
const FIRST_PUSH = /^(?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\(/;
const NEXT_PUSH = ");self.__next_f.push(";
/**
 * Scripts Next.js writes word for word: when metadata streams into the body, this moves the icons
 * to the head (next/dist/server/app-render/metadata-insertion/create-server-inserted-metadata.js).
 */
export const REINSERT_ICON_SCRIPT = `document.querySelectorAll('body link[rel="icon"], body link[rel="apple-touch-icon"]').forEach(el => document.head.appendChild(el))`;
/** Constant inline scripts: React's, Next.js's and ours (the theme, before first paint; the framework's scripts, after it). */
const CONSTANT_SCRIPTS = new Set([REACT_REVEAL_TIMER, REINSERT_ICON_SCRIPT, THEME_INIT_SCRIPT, DEFERRED_SCRIPTS_LOADER]);
/** React's instructions at the end of a script: $RC("B:1","S:1") and the like, string arguments only. */
const STRING = String.raw`"(?:[^"\\\n]|\\.)*"`;
const REACT_CALLS = new RegExp(String.raw`(?:\$R[A-Z]+\(${STRING}(?:,${STRING})*\);?)+$`);
/** How each of React's runtime definitions begins; the whole must be in React's renderer verbatim. */
const REACT_DEFINITION = /^(\$R[A-Z]+=|addEventListener\("submit",)/;

/**
 * Whether an inline script is one Next.js or React writes, or our theme script: a payload push
 * whose arguments are JSON, the chunk list, one of the constant scripts, or React's instruction
 * calls with string arguments preceded by none or more of React's runtime definitions
 * ($RC=function…;), each of which must be found verbatim in React's renderer.
 * @param {string} text
 * @param {string} reactRuntime the source of React's server renderer, where those definitions are
 */
export function isFrameworkScript(text, reactRuntime) {
  if (CONSTANT_SCRIPTS.has(text)) return true;
  const push = FIRST_PUSH.exec(text);
  if (push) return isPushes(text.slice(push[0].length));
  const chunks = TURBOPACK_CHUNKS.exec(text);
  if (chunks) return isJson(chunks[1]);
  const calls = REACT_CALLS.exec(text);
  const definitions = calls ? text.slice(0, calls.index) : text;
  if (definitions === "") return calls !== null;
  return definitions
    .split(/\n|(?<=;)(?=\$R[A-Z]+=)/)
    .map((piece) => piece.replace(/;+$/, ""))
    .filter((piece) => piece !== "")
    .every((piece) => REACT_DEFINITION.test(piece) && reactRuntime.includes(piece));
}

/** `JSON)` or `JSON);self.__next_f.push(JSON)`, wherever the JSON itself contains that separator. */
function isPushes(rest) {
  if (!rest.endsWith(")")) return false;
  if (isJson(rest.slice(0, -1))) return true;
  for (let at = rest.indexOf(NEXT_PUSH); at >= 0; at = rest.indexOf(NEXT_PUSH, at + 1)) {
    if (isJson(rest.slice(0, at)) && isJson(rest.slice(at + NEXT_PUSH.length, -1))) return true;
  }
  return false;
}

function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The CSP hash sources of the inline scripts in html that Next.js or React wrote, each once, and
 * how many other inline scripts there were (left out: the browser will refuse them).
 * @param {string} html
 * @param {string} [reactRuntime]
 * @returns {{ hashes: string[], refused: number }}
 */
export function inlineScriptHashes(html, reactRuntime = loadReactRuntime()) {
  const hashes = new Set();
  let refused = 0;
  for (const [, attributes, text] of html.matchAll(SCRIPT_ELEMENT)) {
    if (/(?:^|\s)src\s*=/i.test(attributes)) continue; // its own src (data-src is not one)
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? "";
    if (type !== "" && !RUN_TYPE.test(type)) continue;
    // What the browser hashes: the element's text after the HTML parser's newline normalisation.
    const source = text.replace(/\r\n?/g, "\n");
    if (!isFrameworkScript(source, reactRuntime)) {
      refused++;
      continue;
    }
    hashes.add(scriptHashSource(source));
  }
  return { hashes: [...hashes], refused };
}

let reactRuntimeSource;
/** React's server renderers as Next.js ships them (read once): where its runtime definitions are. */
function loadReactRuntime() {
  if (reactRuntimeSource === undefined) {
    const require = createRequire(import.meta.url);
    reactRuntimeSource = ["react-dom-experimental", "react-dom"]
      .map((dir) => {
        try {
          return readFileSync(require.resolve(`next/dist/compiled/${dir}/cjs/react-dom-server.node.production.js`), "utf8");
        } catch {
          return "";
        }
      })
      .join("\n");
  }
  return reactRuntimeSource;
}

/**
 * Holds an HTML answer to a GET until Next.js has written all of it, then sends it in one piece
 * with the Content-Security-Policy `policyFor(hashes)` (and its length), its streamed Suspense
 * boundaries already in place (streamed-boundaries.mjs) and its framework scripts loaded after
 * first paint (deferred-scripts.mjs). Anything else (RSC
 * payloads, feeds, JSON, images) passes through as it is written. Installed between the page
 * cache and Next.js, so that the page cache keeps the page with its policy.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {(hashes: string[]) => string} policyFor
 * @param {(html: string, status: number) => Promise<Completion | null> | null} [complete] a rewrite of
 *   the held page before it is hashed: its replacement page (null: the page as it is), another
 *   status and headers to add; or null to send it all as it is
 */
/** @typedef {{ html: string | null, status?: number, headers?: Record<string, string> }} Completion */
export function holdForScriptHashes(req, res, policyFor, complete) {
  if (req.method !== "GET") return;
  // Never put back: Next.js's compression wraps these after us and must stay in front.
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  /** @type {boolean | null} whether this response is held; null until the content type is known, false again once it goes out */
  let holding = null;
  let head = null;
  const chunks = [];
  const decide = (given) => {
    if (holding === null) {
      const type = headerObject(given)["content-type"] ?? res.getHeader("content-type");
      holding = /^text\/html\b/i.test(String(type ?? ""));
    }
    return holding;
  };
  res.writeHead = function (status, ...rest) {
    if (status === 304) res.removeHeader("Content-Security-Policy"); // as in end(), below
    if (!decide(typeof rest[0] === "string" ? rest[1] : rest[0])) return original.writeHead.call(this, status, ...rest);
    head = [status, ...rest];
    return this;
  };
  res.flushHeaders = function () {
    if (!decide()) original.flushHeaders.call(this);
  };
  res.write = function (chunk, encoding, callback) {
    if (!decide()) return original.write.call(this, chunk, encoding, callback);
    if (chunk != null) chunks.push(toBuffer(chunk, encoding));
    const done = typeof encoding === "function" ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    // A 304 (Next.js answers one when the browser's copy is still current) has no type and no
    // body, so nothing here holds it; but its headers replace the stored page's (RFC 9111,
    // 4.3.4), and the policy for pages without inline scripts would replace the page's hashes:
    // the page the browser then shows from its cache could not run its scripts (found by CI:
    // no hydration on a revisited page). Without a policy the browser keeps the page's own.
    if (res.statusCode === 304 && !res.headersSent) res.removeHeader("Content-Security-Policy");
    if (!decide()) return original.end.call(this, chunk, encoding, callback);
    holding = false;
    if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
    else if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (chunk != null) chunks.push(toBuffer(chunk, encoding));
    const given = () => (head ? headerObject(typeof head[1] === "string" ? head[2] : head[1]) : {});
    const contentEncoding = given()["content-encoding"] ?? res.getHeader("content-encoding");
    const body = Buffer.concat(chunks);
    const html = decoded(body, contentEncoding);
    /** @param {Completion | null} completion */
    const send = (completion) => {
      let [page, out] = [html, body];
      const replacement = completion?.html;
      if (replacement != null) {
        // Compressed below, once rewritten.
        [page, out] = [replacement, null];
        // Next.js's length and validator were those of what it wrote.
        for (const name of ["content-length", "etag"]) withoutHeader(res, head, name);
      }
      if (completion?.status) {
        res.statusCode = completion.status;
        if (head) head.splice(0, typeof head[1] === "string" ? 2 : 1, completion.status);
      }
      for (const [name, value] of Object.entries(completion?.headers ?? {})) res.setHeader(name, value);
      // Next.js appends React's preload header once per render pass (a shell and its resume): the
      // same fonts twice on every page it renders.
      const link = res.getHeader("link");
      if (Array.isArray(link) && new Set(link).size < link.length) res.setHeader("link", [...new Set(link)]);
      // Rewritten, and compressed again as Next.js's compression did: its streamed boundaries put
      // in place (only a streamed page, which has no length, has any), and its framework scripts
      // loaded after first paint (deferred-scripts.mjs).
      let hashes = [];
      let refused = 0;
      if (page !== null) {
        const streamed = given()["content-length"] === undefined && !res.hasHeader("content-length");
        const done = rewrittenPage(page, out, contentEncoding, streamed);
        if (done.out !== out) {
          out = done.out;
          // Set again below. Next.js's ETag stays: the rewrite depends on nothing but the page it
          // was computed from, so the validator still names one body.
          withoutHeader(res, head, "content-length");
        }
        ({ hashes, refused } = done);
      }
      if (refused > 0) logEvent("warn", "inline scripts not written by Next.js or React left out of the page's policy", { path: String(req.url).split("?")[0], refused });
      res.setHeader("Content-Security-Policy", policyFor(hashes));
      if (out.length > 0 && !res.hasHeader("transfer-encoding") && given()["transfer-encoding"] === undefined) res.setHeader("Content-Length", String(out.length));
      // Straight to what was there before us: whatever wraps us (compression) is done with this body.
      if (head) original.writeHead.call(this, ...head);
      return original.end.call(this, out, callback);
    };
    const completion = html === null ? null : complete?.(html, head ? head[0] : res.statusCode);
    if (!completion) return send(null);
    completion.then(send, (error) => {
      logEvent("error", "a page could not be completed; sent as Next.js wrote it", { path: String(req.url).split("?")[0], error: String(error) });
      send(null);
    });
    return this;
  };
}

/**
 * Pages already rewritten, by a digest of the bytes Next.js wrote (with their encoding and whether
 * they streamed): the same bytes always give the same result, so an entry never goes stale. A page
 * that misses the page cache but that Next.js answers from its own (an article nobody asked for in
 * the last PAGE_CACHE_SECONDS) costs a digest instead of a rewrite, hashing and compression (on
 * the front page 6 ms; PERFORMANCE.md). Oldest out first, within REWRITE_MEMO_BYTES.
 * @type {Map<string, { out: Buffer | null, hashes: string[], refused: number }>}
 */
const rewrites = new Map();
let rewriteBytes = 0;
const REWRITE_MEMO_BYTES = 16 * 1024 * 1024;
/** How many pages are kept rewritten (for tests). */
export const rewrittenPagesKept = () => rewrites.size;

/**
 * A held page as it goes out: its body (`out` itself when unchanged), and the hashes of its
 * inline scripts. Kept when `out` is what Next.js wrote; null `out` (a completed error document,
 * not yet compressed) is neither kept nor looked up.
 * @param {string} page the body as text
 * @param {Buffer | null} out the body as written, in `encoding`
 * @param {unknown} encoding
 * @param {boolean} streamed
 * @returns {{ out: Buffer, hashes: string[], refused: number }}
 */
function rewrittenPage(page, out, encoding, streamed) {
  const key = out ? `${createHash("sha256").update(out).digest("base64")} ${String(encoding)} ${streamed}` : null;
  const kept = key === null ? undefined : rewrites.get(key);
  if (kept) {
    rewrites.delete(key);
    rewrites.set(key, kept);
    return { ...kept, out: kept.out ?? out };
  }
  const rewritten = deferFrameworkScripts(streamed ? inlineStreamedBoundaries(page) : page);
  const changed = rewritten === page && out ? null : compressed(Buffer.from(rewritten, "utf8"), encoding);
  const { hashes, refused } = inlineScriptHashes(rewritten);
  if (key !== null) {
    const entry = { out: changed, hashes, refused };
    rewrites.set(key, entry);
    rewriteBytes += keptBytes(key, entry);
    for (const [oldest, kept] of rewrites) {
      if (rewriteBytes <= REWRITE_MEMO_BYTES) break;
      rewrites.delete(oldest);
      rewriteBytes -= keptBytes(oldest, kept);
    }
  }
  return { out: changed ?? /** @type {Buffer} */ (out), hashes, refused };
}

/** About what a kept rewrite takes: its body, if changed, its hash sources and its key. */
const keptBytes = (key, entry) => (entry.out?.length ?? 0) + entry.hashes.length * 60 + key.length;

/** Removes a header from the response and from the headers held for writeHead (an object or a flat array). */
function withoutHeader(res, head, name) {
  res.removeHeader(name);
  const headers = head ? head[typeof head[1] === "string" ? 2 : 1] : undefined;
  if (Array.isArray(headers)) {
    for (let i = headers.length - 2; i >= 0; i -= 2) if (String(headers[i]).toLowerCase() === name) headers.splice(i, 2);
  } else if (headers) {
    for (const key of Object.keys(headers)) if (key.toLowerCase() === name) delete headers[key];
  }
}

/** The body as text, undone from the encoding Next.js compressed it with; null if it cannot be read. */
function decoded(body, encoding) {
  try {
    return uncompressed(body, encoding).toString("utf8");
  } catch {
    return null;
  }
}
