// The shared-cache layer in front of Next.js (scripts/runtime/server.mjs): what a CDN or Varnish
// does for a news site, inside the same process. Next.js already caches our reader pages, but its
// response path costs milliseconds per request (routing, the proxy, ETag hashing, gzip); this
// keeps whole responses that Next.js marked as shareable (Cache-Control public/s-maxage, no
// Set-Cookie) and answers repeats with one write.
//
// Freshness: an entry lives for the response's own s-maxage/max-age, at most `maxAgeSeconds`
// (a micro-cache: time-based changes such as a scheduled story going live reach readers a few
// seconds after Next.js has them). Every publishing change purges the whole cache at once, twice:
// when it is made (src/server/services/publishing.ts) and when Next.js applies its tag expiries,
// at the end of the action or route that made it (cache-handler.mjs: a page rendered in between
// came from Next.js's unexpired caches), so an edit, unpublish or curation change shows on the
// very next request. A fill that started before a purge is thrown away, never stored; so
// is a fill that starts while any request from before the purge is still inside Next.js, because
// Next.js lets a new request join a 'use cache' computation already in flight (cross-request
// dedupe), which may have read the database before the change.
//
// Only plain reader requests take part: GET/HEAD, no RSC/router/action headers, no internal
// Next.js headers, no Authorization. Everything else goes straight to Next.js.
//
// Next.js's own caches have the same race one level down: a render that began before a change
// and ends after it is kept by Next.js as if it were new (its page cache stamps an entry when it
// is stored), and a request arriving meanwhile joins that render. So when Next.js applies an
// expiry (cache-handler.mjs calls purge with a way to apply it again) while page requests from
// before are still inside it (router prefetches of reader pages included: they render under the
// page's key), a new request for one of those pages waits (at most `maxHoldMs`)
// until they are done and the expiry is applied once more; when the last of them is done, the
// expiry is applied again anyway. The next reader sees the change, not a render from before it.
// A request answered from Next.js's stale copy (x-nextjs-cache: STALE) leaves a background render
// behind, which a new request joins the same way: it counts as inside Next.js until Next.js has
// stored (or, having straddled a change, thrown away: page-entry-cache.mjs) what it rendered, as
// the render clock reports (render-clock.mjs), or for `backgroundRenderMs` at most.
// One level further down, a 'use cache' computation is shared across pages: any request may join
// one that began before the change (computations.mjs). So when Next.js applies an expiry while
// computations from before it are under way, every request that arrives meanwhile (prefetches,
// RSC requests and writes too: all but static files) waits for them, at most `maxHoldMs`.
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { computations as processComputations } from "./computations.mjs";
import { isStaffPath } from "./http-policy.mjs";
import { logEvent } from "./log.mjs";
import { startRenderClock } from "./render-clock.mjs";
import { headerObject, toBuffer, uncompressed } from "./response-parts.mjs";

const CACHEABLE_STATUS = new Set([200, 410]);
/** Request headers that make a request something other than a reader's plain page view. */
const BYPASS_HEADER = /^(rsc|next-|x-middleware|x-invoke|x-nextjs|x-matched-path|x-now-route-matches|authorization$)/;
/** Response headers never replayed from the cache: per-connection, or recomputed per response. */
const NOT_STORED = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "content-encoding", "age", "x-cache", "x-nextjs-cache", "x-request-id"]);

/**
 * `sharedWhenPrivate(url)`: URLs whose pages Next.js renders per request and therefore marks
 * private, although they are the same for every reader (search results: public articles only,
 * nothing personal). Their 200 answers are kept here for `maxAgeSeconds` like any other page, and
 * still go out marked private, so that no cache outside this server keeps a reader's query.
 * `keptErrorStatus(url)`: for the few URLs that answer with an error page, its status, whose
 * answer is then kept too: the not-found (404) and 500 pages the server reads to complete missing
 * and failed pages (error-document.mjs). Other 404s and 500s are not: anyone could fill the cache
 * with made-up URLs, and a failed render must be tried again.
 * `computations`: this process's 'use cache' computations under way (computations.mjs).
 * @param {{ maxBytes?: number, maxAgeSeconds?: number, fillWaitMs?: number, maxHoldMs?: number, backgroundRenderMs?: number, now?: () => number, sharedWhenPrivate?: (url: string) => boolean, keptErrorStatus?: (url: string) => number | undefined, computations?: import("./computations.mjs").Computations }} [options]
 */
export function createPageCache({ maxBytes = 64 * 1024 * 1024, maxAgeSeconds = 10, fillWaitMs = 3_000, maxHoldMs = 2_000, backgroundRenderMs = 10_000, now = Date.now, sharedWhenPrivate = () => false, keptErrorStatus = () => undefined, computations = processComputations } = {}) {
  /** @type {Map<string, Entry>} least recently used first */
  const entries = new Map();
  /** @type {Map<string, Promise<void>>} */
  const filling = new Map();
  /** @type {Map<string, number>} URLs whose last answer was not shareable (search, previews…), until when */
  const unshareable = new Map();
  let bytes = 0;
  let generation = 0;
  /** @type {Map<number, number>} requests inside Next.js right now, by the generation they began in */
  const atNext = new Map();
  const counters = { hits: 0, misses: 0, bypasses: 0, stores: 0, purges: 0, evictions: 0, settles: 0, kept: 0, held: 0, holdsTimedOut: 0, backgroundRenders: 0, backgroundTimedOut: 0, heldForComputations: 0 };
  /** @type {Map<string, Map<number, number>>} page requests inside Next.js: path → generation they began in → how many */
  const pagesAtNext = new Map();
  /**
   * Expiries Next.js applied while page requests from before them were inside it, until those
   * are done: `at` is the first generation after the expiry, `reapply` applies it again.
   * @type {{ at: number, reapply: () => void }[]}
   */
  let expiries = [];
  /** @type {Set<() => void>} page requests waiting for older requests for their path */
  const waiters = new Set();
  /** @type {Map<string, { startedIn: number, timer: NodeJS.Timeout }>} paths with a background render in flight, by the generation its request began in */
  const backgroundRenders = new Map();
  /** @type {Map<string, number>} when a render of each path last reported done (render-clock.mjs) */
  const renderedAt = new Map();
  /** @type {number | null} when Next.js last applied an expiry while 'use cache' computations from before it were under way */
  let changedDuringComputations = null;

  function remove(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function store(key, entry) {
    remove(key);
    if (entry.bytes > maxBytes / 8) return; // one huge response must not empty the cache
    entries.set(key, entry);
    bytes += entry.bytes;
    counters.stores++;
    for (const [oldest] of entries) {
      if (bytes <= maxBytes) break;
      remove(oldest);
      counters.evictions++;
    }
  }

  /** A fresh entry for key, marked as most recently used; undefined if none. */
  function lookup(key) {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now()) {
      remove(key);
      return undefined;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  }

  /**
   * Hands req to Next.js, counting it as in flight in this generation until it closes, and its
   * page's background render, if it left one, until that is done. `pageTags` hears the cache tags
   * of the page entries Next.js reads or stores for it (page-entry-cache.mjs).
   */
  function toNext(req, res, handler, pageTags) {
    const startedIn = generation;
    const startedAt = Date.now();
    count(atNext, startedIn, +1);
    const page = isPageRequest(req) ? pathOf(req.url) : null;
    if (page !== null) {
      if (!pagesAtNext.has(page)) pagesAtNext.set(page, new Map());
      count(pagesAtNext.get(page), startedIn, +1);
    }
    res.once("close", () => {
      count(atNext, startedIn, -1);
      if (page === null) return;
      const generations = pagesAtNext.get(page);
      count(generations, startedIn, -1);
      if (generations.size === 0) pagesAtNext.delete(page);
      if (res.getHeader("x-nextjs-cache") === "STALE") renderingInBackground(page, startedIn, startedAt);
      pageDone();
    });
    return startRenderClock(() => handler(req, res), { now: startedAt, renderDone: page === null ? undefined : () => rendered(page), pageTags });
  }

  /** A stale answer for page left a background render behind, unless one has been done since the request began. */
  function renderingInBackground(page, startedIn, startedAt) {
    if ((renderedAt.get(page) ?? -Infinity) >= startedAt) return;
    const pending = backgroundRenders.get(page);
    if (pending && pending.startedIn <= startedIn) return;
    if (pending) clearTimeout(pending.timer);
    counters.backgroundRenders++;
    const timer = setTimeout(() => {
      counters.backgroundTimedOut++;
      logEvent("warn", "page cache: a background render did not report back; its page is no longer waited for", { path: page, waitedMs: backgroundRenderMs });
      backgroundDone(page);
    }, backgroundRenderMs);
    timer.unref();
    backgroundRenders.set(page, { startedIn, timer });
  }

  /** A render of page (any request's) was stored or thrown away. */
  function rendered(page) {
    if (renderedAt.size >= 10_000) renderedAt.clear();
    renderedAt.set(page, Date.now());
    backgroundDone(page);
  }

  function backgroundDone(page) {
    const pending = backgroundRenders.get(page);
    if (!pending) return;
    clearTimeout(pending.timer);
    backgroundRenders.delete(page);
    pageDone();
  }

  const olderBackgroundRender = (path, at) => (backgroundRenders.get(path)?.startedIn ?? Infinity) < at;
  const olderRequestsAtNext = () => [...atNext.keys()].some((g) => g < generation) || [...backgroundRenders.values()].some((b) => b.startedIn < generation);
  const olderPages = (path, at) => [...(pagesAtNext.get(path)?.keys() ?? [])].some((g) => g < at) || olderBackgroundRender(path, at);
  const olderPagesAnywhere = (at) => [...pagesAtNext.keys(), ...backgroundRenders.keys()].some((path) => olderPages(path, at));

  /**
   * Forgets the pages a change may have touched: those whose cache tags (as Next.js read or
   * stored their entries) include one of `tags`, and those whose tags are unknown; every page
   * when `tags` is undefined. Either way no fill from before is kept (the generation moves on).
   * @param {string[]} [tags]
   */
  function forget(tags) {
    generation++;
    unshareable.clear();
    counters.purges++;
    if (tags === undefined) {
      entries.clear();
      bytes = 0;
      return;
    }
    for (const [key, entry] of entries) {
      if (entry.tags === null || tags.some((tag) => entry.tags.has(tag))) remove(key);
      else counters.kept++;
    }
  }

  /** A page request finished: expiries no older page request is left for are applied again (after what those stored) and dropped; waiters look again. */
  function pageDone() {
    const drained = expiries.filter((expiry) => !olderPagesAnywhere(expiry.at));
    if (drained.length) {
      expiries = expiries.filter((expiry) => !drained.includes(expiry));
      for (const expiry of drained) {
        expiry.reapply();
        forget(expiry.tags);
      }
      counters.settles++;
    }
    for (const wake of waiters) wake();
  }

  /**
   * Resolves once no request for path from before an expiry is inside Next.js any more, and that
   * expiry has been applied again; at once if there is none; after maxHoldMs at most (a slow
   * client or a stream must not stop the site: the expiry is still applied again when it ends).
   */
  function settledFor(path) {
    const waitedFor = expiries.filter((expiry) => olderPages(path, expiry.at));
    if (waitedFor.length === 0) return undefined;
    counters.held++;
    return new Promise((resolve) => {
      const check = () => {
        if (waitedFor.some((expiry) => olderPages(path, expiry.at))) return;
        waiters.delete(check);
        clearTimeout(timer);
        for (const expiry of waitedFor) if (expiries.includes(expiry)) expiry.reapply();
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        counters.holdsTimedOut++;
        logEvent("warn", "page cache: a request from before a change is still inside Next.js; the next one for its page goes on", { path, waitedMs: maxHoldMs });
        resolve();
      }, maxHoldMs);
      timer.unref();
      waiters.add(check);
    });
  }

  /**
   * Resolves once no 'use cache' computation that began before the last expiry is under way; at
   * once if there is none; after maxHoldMs at most.
   */
  async function afterEarlierComputations() {
    const at = changedDuringComputations;
    if (computations.runningSince(at)) {
      counters.heldForComputations++;
      if (!(await computations.settled(at, maxHoldMs))) {
        counters.holdsTimedOut++;
        logEvent("warn", "page cache: a 'use cache' computation from before a change is still under way; requests go on", { waitedMs: maxHoldMs });
      }
    }
    if (changedDuringComputations === at) changedDuringComputations = null;
  }

  /**
   * Serves req from the cache, or hands it to Next.js (`handler`) and keeps the response when
   * it may be shared.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} handler
   */
  async function handle(req, res, handler) {
    if (changedDuringComputations !== null && !isStaticFile(req)) await afterEarlierComputations();
    if (expiries.length > 0 && waitsForOlderRenders(req)) await settledFor(pathOf(req.url));
    // After each wait: a reader who left meanwhile is forgotten. Its response has closed before
    // anything here listened for that, so it would never count as done (see toNext and capture).
    if (res.destroyed) return;
    if (!isCacheableRequest(req)) {
      counters.bypasses++;
      return toNext(req, res, handler);
    }
    const key = req.url;
    const until = unshareable.get(key);
    if (until !== undefined && until > now()) {
      // Answered privately last time: no waiting, no filling, straight to Next.js.
      counters.bypasses++;
      return toNext(req, res, handler);
    }
    let entry = lookup(key);
    if (!entry && filling.has(key)) {
      // Someone is fetching this page right now: wait for it rather than render it twice.
      await Promise.race([filling.get(key), new Promise((resolve) => setTimeout(resolve, fillWaitMs).unref())]);
      if (res.destroyed) return;
      entry = lookup(key);
    }
    if (entry) {
      counters.hits++;
      return serve(entry, req, res);
    }
    counters.misses++;
    res.setHeader("X-Cache", "MISS");
    if (req.method !== "GET" || filling.has(key)) return toNext(req, res, handler);
    let done = () => {};
    filling.set(key, new Promise((resolve) => (done = resolve)));
    /** The cache tags of the page entries Next.js read or stored for this request; null if none. */
    let tags = null;
    const pageTags = (given) => {
      tags ??= new Set();
      for (const tag of given) tags.add(tag);
    };
    const startedIn = generation;
    const settled = !olderRequestsAtNext();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      filling.delete(key);
      done();
    };
    capture(
      res,
      sharedWhenPrivate(key),
      keptErrorStatus(key),
      (captured) => {
        if (captured && settled && startedIn === generation) store(key, { ...captured, tags: captured.perRequest ? null : ownTags(key, tags) });
        release();
      },
      () => {
        // Not shareable (known at writeHead): let the waiters go now, and the next ones not wait.
        if (unshareable.size >= 10_000) unshareable.clear();
        unshareable.set(key, now() + maxAgeSeconds * 1000);
        release();
      },
    );
    return toNext(req, res, handler, pageTags);
  }

  /**
   * Tees what Next.js writes to res; calls back with an entry if the response may be shared,
   * and `onUnshareable` as soon as the status and headers say it may not.
   */
  function capture(res, sameForEveryone, errorStatusKept, finished, onUnshareable) {
    /** @type {Buffer[] | null} */
    let chunks = null;
    let meta = null;
    let decided = false;
    // Decided once, when the status and headers are final: at writeHead(), or at the first
    // write()/end() of a response that never called it (before Node's own implicit writeHead).
    const decide = (status, given) => {
      if (decided) return;
      decided = true;
      const headers = { ...res.getHeaders(), ...headerObject(given) };
      meta = shareable(status, headers, maxAgeSeconds, errorStatusKept === undefined ? CACHEABLE_STATUS : new Set([...CACHEABLE_STATUS, errorStatusKept])) ?? (sameForEveryone ? renderedForEveryone(status, headers, maxAgeSeconds) : null);
      if (meta) chunks = [];
      else onUnshareable();
    };
    const writeHead = res.writeHead;
    res.writeHead = function (status, ...rest) {
      decide(status, typeof rest[0] === "string" ? rest[1] : rest[0]);
      return writeHead.call(this, status, ...rest);
    };
    const write = res.write;
    res.write = function (chunk, encoding, callback) {
      if (!res.headersSent) decide(res.statusCode);
      if (chunks && chunk != null) chunks.push(toBuffer(chunk, encoding));
      return write.call(this, chunk, encoding, callback);
    };
    const end = res.end;
    res.end = function (chunk, encoding, callback) {
      if (!res.headersSent) decide(res.statusCode);
      if (chunks && chunk != null && typeof chunk !== "function") chunks.push(toBuffer(chunk, encoding));
      return end.call(this, chunk, encoding, callback);
    };
    res.once("close", () => {
      if (!meta || !chunks || !res.writableFinished) return finished(null);
      try {
        finished(makeEntry(meta, Buffer.concat(chunks), now()));
      } catch {
        finished(null); // an encoding we cannot read back: do not keep it
      }
    });
  }

  function serve(entry, req, res) {
    res.statusCode = entry.status;
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("Age", String(Math.max(0, Math.floor((now() - entry.storedAt) / 1000))));
    res.setHeader("X-Cache", "HIT");
    if (entry.status === 200 && notModified(req.headers, entry)) {
      res.statusCode = 304;
      res.removeHeader("Content-Type");
      return res.end();
    }
    const encoding = pickEncoding(req.headers["accept-encoding"]);
    const body = encodedBody(entry, encoding);
    if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", String(body.length));
    res.end(req.method === "HEAD" ? undefined : body);
  }

  return {
    handle,
    /**
     * Forgets the pages a change may have touched: called after anything readers see has changed.
     * `tags`: the cache tags it expired (undefined: it may have touched any page). `reapply`, when
     * Next.js has just applied an expiry: applies it again once the requests from before are done
     * (above), and forgets those pages again.
     * @param {() => void} [reapply]
     * @param {string[]} [tags]
     */
    purge(reapply, tags) {
      forget(tags);
      if (!reapply) return;
      if (olderPagesAnywhere(generation)) expiries.push({ at: generation, reapply, tags });
      const at = Date.now();
      if (computations.runningSince(at)) changedDuringComputations = at;
    },
    /**
     * The answer kept for url, as a request for it would be served (body uncompressed), without
     * a request; undefined when none is kept. For the server's own use (server.mjs).
     */
    peek(url) {
      const entry = lookup(url);
      return entry && { status: entry.status, body: entry.identity };
    },
    stats: () => ({ ...counters, entries: entries.size, bytes, atNext: [...atNext.values()].reduce((a, b) => a + b, 0), inBackground: backgroundRenders.size }),
  };
}

/**
 * @typedef {{ status: number, headers: [string, string | string[]][], etag?: string, lastModified?: string,
 *   identity: Buffer, gzip?: Buffer, br?: Buffer, bytes: number, storedAt: number, expires: number,
 *   perRequest: boolean, tags?: Set<string> | null }} Entry
 */

const installed = Symbol.for("dellboys.page-cache");

/** Makes cache the one purged after changes (server.mjs): Next.js's code reaches it through globalThis. */
export function installPageCache(cache) {
  globalThis[installed] = cache;
}

/** Purges the installed page cache, if this process has one (not under `next dev`). */
export function purgeInstalledPageCache(reapply, tags) {
  globalThis[installed]?.purge(reapply, tags);
}

/** Adds delta to counts[key], dropping keys that reach 0. */
function count(counts, key, delta) {
  const n = (counts.get(key) ?? 0) + delta;
  if (n === 0) counts.delete(key);
  else counts.set(key, n);
}

/**
 * The tags heard for a page, if they are those of the page's own entry: Next.js tags an entry
 * with its path (`_N_T_/politics`; the front page `_N_T_/`). Others (a route's shared shell, whose
 * tags say nothing of the page's own data) are not trusted: null, unknown.
 * @param {string} url
 * @param {Set<string> | null} tags
 */
function ownTags(url, tags) {
  return tags !== null && tags.has(`_N_T_${pathOf(url)}`) ? tags : null;
}

/** The path of a request's URL: what Next.js renders and caches a page under (RSC requests too). */
export const pathOf = (url) => String(url ?? "/").split("?")[0];

/**
 * A request Next.js may answer with a render it shares with other requests: any GET/HEAD but its
 * static files. A router prefetch of a reader's page is one too: Next.js renders a static page's
 * prefetch under the page's own cache key, and a request arriving meanwhile joins that render.
 * (CI: a staff page's prefetch of "/" began before a change, and the next request for the front
 * page was answered by its render, from before the change.) Not a prefetch of a staff page:
 * those are rendered per request, shared with nobody, and Next.js has kept some open for minutes.
 */
function isPageRequest(req) {
  if ((req.method !== "GET" && req.method !== "HEAD") || isStaticFile(req)) return false;
  return !req.headers["next-router-prefetch"] || !isStaffPath(pathOf(req.url));
}

/**
 * A page request that waits for older ones for its page after a change: all but the router's
 * prefetches, which the browser may keep open for seconds and which nobody reads at once.
 */
function waitsForOlderRenders(req) {
  return isPageRequest(req) && !req.headers["next-router-prefetch"];
}

/** The build's own files: nothing is computed for them. */
const isStaticFile = (req) => (req.url ?? "").startsWith("/_next/static/");

/** A plain page view a shared cache may answer. */
export function isCacheableRequest(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  if (url.startsWith("/_next/") || url.startsWith("/api/") || /[?&]_rsc=/.test(url)) return false;
  for (const name of Object.keys(req.headers)) if (BYPASS_HEADER.test(name)) return false;
  return true;
}

/**
 * Whether a response may be kept, and for how long: public (s-maxage or public max-age), not
 * private/no-store/no-cache, no cookie set, a status worth keeping (one of `statuses`).
 * @returns {{ status: number, headers: Record<string, unknown>, ttlSeconds: number } | null}
 */
export function shareable(status, headers, maxAgeSeconds, statuses = CACHEABLE_STATUS) {
  if (!statuses.has(status)) return null;
  const cacheControl = String(headers["cache-control"] ?? "").toLowerCase();
  if (/(^|[,\s])(private|no-store|no-cache)\b/.test(cacheControl)) return null;
  const sMaxAge = /s-maxage=(\d+)/.exec(cacheControl);
  const maxAge = /(?:^|[,\s])max-age=(\d+)/.exec(cacheControl);
  const seconds = sMaxAge ? Number(sMaxAge[1]) : /\bpublic\b/.test(cacheControl) && maxAge ? Number(maxAge[1]) : 0;
  if (seconds <= 0) return null;
  return storable(status, headers, Math.min(seconds, maxAgeSeconds));
}

/** A page rendered per request that is the same for every reader: kept for the cache's lifetime unless it failed. */
function renderedForEveryone(status, headers, maxAgeSeconds) {
  const meta = status === 200 ? storable(status, headers, maxAgeSeconds) : null;
  // The tags heard for it are those of its static shell, not of what it shows: never trusted.
  return meta && { ...meta, perRequest: true };
}

/** What both kinds need to be kept: no cookie set, a body this cache can read back. */
function storable(status, headers, ttlSeconds) {
  if (headers["set-cookie"] !== undefined) return null;
  const encoding = String(headers["content-encoding"] ?? "identity").toLowerCase();
  if (!["identity", "gzip", "deflate"].includes(encoding)) return null;
  return { status, headers: { ...headers }, ttlSeconds };
}

function makeEntry(meta, body, storedAt) {
  const encoding = String(meta.headers["content-encoding"] ?? "identity").toLowerCase();
  const identity = uncompressed(body, encoding);
  const headers = Object.entries(meta.headers)
    .filter(([name]) => !NOT_STORED.has(name))
    // Next.js 16.4 repeats some headers (Link, Location) with identical values: send each once.
    .map(([name, value]) => [name, Array.isArray(value) ? [...new Set(value)] : value]);
  const entry = {
    status: meta.status,
    headers,
    etag: typeof meta.headers.etag === "string" ? meta.headers.etag : undefined,
    lastModified: typeof meta.headers["last-modified"] === "string" ? meta.headers["last-modified"] : undefined,
    identity,
    gzip: encoding === "gzip" ? body : undefined,
    bytes: identity.length + (encoding === "gzip" ? body.length : 0),
    storedAt,
    expires: storedAt + meta.ttlSeconds * 1000,
    perRequest: meta.perRequest === true,
  };
  if (!headers.some(([name]) => name === "vary")) headers.push(["vary", "Accept-Encoding"]);
  return entry;
}

/** The body in the encoding asked for, compressed once per entry and kept. */
function encodedBody(entry, encoding) {
  if (encoding === "identity") return entry.identity;
  if (!entry[encoding]) {
    entry[encoding] =
      encoding === "br"
        ? brotliCompressSync(entry.identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6, [zlib.BROTLI_PARAM_SIZE_HINT]: entry.identity.length } })
        : gzipSync(entry.identity, { level: 6 });
    entry.bytes += entry[encoding].length;
  }
  return entry[encoding];
}

/** br, then gzip, then nothing, as the client accepts them (a q=0 refuses). Small bodies too. */
export function pickEncoding(acceptEncoding) {
  const accepted = new Map();
  for (const part of String(acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    accepted.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const ok = (name) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : "identity";
}

/** RFC 9110 §13.2.2: If-None-Match decides when present; otherwise If-Modified-Since. */
function notModified(headers, entry) {
  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch) {
    if (!entry.etag) return false;
    const weak = (tag) => tag.trim().replace(/^W\//, "");
    return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || weak(tag) === weak(entry.etag));
  }
  const since = Date.parse(headers["if-modified-since"] ?? "");
  const lastModified = Date.parse(entry.lastModified ?? "");
  return !Number.isNaN(since) && !Number.isNaN(lastModified) && lastModified <= since;
}
