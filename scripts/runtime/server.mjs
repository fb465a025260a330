// The production server `npm start` runs (through scripts/launcher.ts): Next.js behind the
// shared page cache of page-cache.mjs. Plain JavaScript: Node runs it as it is, without a build.
//
//   PORT                 where to listen (3000)
//   HOSTNAME             the interface to listen on (all)
//   PAGE_CACHE_MB        memory for cached responses (64; 0 turns the cache off)
//   PAGE_CACHE_SECONDS   the longest an entry is served without asking Next.js again (10)
//   LOG_REQUESTS         one JSON line per request on stdout (1; 0 turns it off)
//   SITE_URL             the public URL; https turns on HSTS
//   REDIS_URL            several instances: relay the cache-expiry broadcasts (expiry-relay.mjs)
//   GO_LIVE_SECONDS      how often scheduled articles whose time has come are published (5; go-live.mjs)
import http from "node:http";
import path from "node:path";
import next from "next";
import { requestFullExpiry } from "./expiry-protocol.mjs";
import { startExpiryRelay } from "./expiry-relay.mjs";
import { startGoLiveTimer } from "./go-live.mjs";
import { awaitDatabaseFailure, RETRY_AFTER_SECONDS } from "./database-failures.mjs";
import { distDir } from "./dist-dir.mjs";
import { builtErrorPage, completeRecoveryShell, errorDocumentFor, errorPageStatus, isRecoveryShell } from "./error-document.mjs";
import { allowedMethods, contentSecurityPolicy, isLoggedRequest, isStaffPath, loggedStatus, malformedPath, newNonce, requestId, requestLogLine, securityHeaders } from "./http-policy.mjs";
import { consoleAsJsonLines, logEvent } from "./log.mjs";
import { createLogSink } from "./log-sink.mjs";
import { crossSiteRefusal } from "./origin-policy.mjs";
import { createPageCache, installPageCache, pathOf } from "./page-cache.mjs";
import { dropBrokenOutput, watchParent } from "./parent-watch.mjs";
import { startRenderClock } from "./render-clock.mjs";
import { holdForScriptHashes } from "./script-hashes.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const cacheMegabytes = Number(process.env.PAGE_CACHE_MB ?? 64);
const logRequests = process.env.LOG_REQUESTS !== "0";
const requestLog = createLogSink();
dropBrokenOutput();
// stderr is JSON lines throughout: Next.js's own messages and stacks included (log.mjs).
consoleAsJsonLines();
const https = String(process.env.SITE_URL ?? "").startsWith("https://");
const started = performance.now();

const app = next({ dev: false, dir: root, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const cache =
  cacheMegabytes > 0
    ? createPageCache({
        maxBytes: cacheMegabytes * 1024 * 1024,
        maxAgeSeconds: Number(process.env.PAGE_CACHE_SECONDS ?? 10),
        // Search results list public articles only: the same page for every reader of a query.
        sharedWhenPrivate: (url) => url === "/search" || url.startsWith("/search?"),
        // Read for every missing or failed page, to complete Next.js's empty document (below).
        keptErrorStatus: errorPageStatus,
      })
    : null;
// src/server/page-cache.ts purges through this after every publishing change; the port lets
// src/server/invalidation-bus.ts apply a change a second time through a request of its own.
installPageCache(cache);
globalThis[Symbol.for("dellboys.server-port")] = port;

const server = http.createServer((req, res) => {
  // Each layer (the request log, the page cache, Next.js's router, renderer and stream piping)
  // listens for its response's "close": a streamed render reached 11, over Node's default of 10,
  // and every such response printed a "possible memory leak" warning. One response's listeners,
  // gone with it: no leak.
  res.setMaxListeners(20);
  const id = requestId(req.headers["x-request-id"]);
  req.headers["x-request-id"] = id;
  res.setHeader("X-Request-Id", id);
  // Before Next.js (and before the cache): set on every response, kept in cached ones. A staff
  // page's policy carries a new nonce, which Next.js reads from the request's policy header and
  // puts on every script it writes; nobody else may hand Next.js a nonce.
  const url = req.url ?? "/";
  const nonce = isStaffPath(url) ? newNonce() : undefined;
  delete req.headers["content-security-policy"];
  delete req.headers["content-security-policy-report-only"];
  for (const [name, value] of securityHeaders(url, { https, nonce })) {
    res.setHeader(name, value);
    if (nonce && name === "Content-Security-Policy") req.headers["content-security-policy"] = value;
  }
  const method = req.method;
  // A HEAD for a reader page is answered as its GET, whose body Node leaves out (a response to a
  // HEAD request has none): the same headers, so the same length and policy as the GET's. Next.js
  // would answer it without writing the page, so the length and policy of a page completed or
  // given its script hashes here (toNext, below) were those of what Next.js wrote.
  if (method === "HEAD" && !isStaffPath(url) && !url.startsWith("/api/")) req.method = "GET";
  if (logRequests) {
    const start = performance.now();
    res.once("close", () => {
      const status = loggedStatus(res);
      if (!isLoggedRequest(req.url, status)) return;
      const line = requestLogLine({ id, method, url: req.url, status, ms: performance.now() - start, cache: res.getHeader("x-cache") });
      requestLog.write(line);
    });
  }
  const malformed = malformedPath(url);
  if (malformed) return answerPlainly(req, res, 400, "bad_request", malformed);
  const allowed = allowedMethods(url);
  if (!allowed.includes(method ?? "GET")) {
    res.setHeader("Allow", allowed.join(", "));
    return answerPlainly(req, res, 405, "method_not_allowed", `This address does not accept ${method}.`);
  }
  const refusal = crossSiteRefusal({ method: req.method, header: (name) => headerValue(req, name) }, process.env.SITE_URL);
  if (refusal) return answerPlainly(req, res, 403, "forbidden", refusal);
  // Next.js's renders, background ones included, know when their request began (page-entry-cache.mjs);
  // the page cache starts that clock itself, as it enters Next.js.
  const handled = cache ? cache.handle(req, res, toNext) : startRenderClock(() => toNext(req, res));
  Promise.resolve(handled).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  });
});
/**
 * Next.js, with a reader page's HTML held until its inline scripts' hashes are known
 * (script-hashes.mjs), and a missing or failed page's empty document completed (error-document.mjs).
 */
function toNext(req, res) {
  if (!isStaffPath(req.url ?? "/")) {
    holdForScriptHashes(
      req,
      res,
      (scriptHashes) => contentSecurityPolicy({ frameable: true, https, scriptHashes }),
      (html, status) => {
        const source = isRecoveryShell(html) ? errorDocumentFor(status) : null;
        // Never for the error page itself: that would ask for it again.
        if (!source || source.path === pathOf(req.url)) return null;
        const read = errorPage(source).catch((error) => {
          logEvent("error", "no error page could be read; a page goes out as Next.js wrote it", { path: source.path, error: String(error) });
          return null;
        });
        // A render that failed for want of the database: temporary, as the API says it.
        const unavailable = status === 500 ? awaitDatabaseFailure(headerValue(req, "x-request-id")) : false;
        return Promise.all([read, unavailable]).then(([page, unavailable]) => ({
          html: page && completeRecoveryShell(html, page),
          ...(unavailable ? { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } } : {}),
        }));
      },
    );
  }
  return handle(req, res);
}

/**
 * An error page's HTML (error-document.mjs), as this server answers it: kept by the page cache
 * (read there without a request), else asked for (which keeps it); failing that (its render reads
 * the database, which may be what failed), the copy the build wrote; null if none could be had.
 * @param {{ path: string, status: number, built: string }} source
 */
async function errorPage(source) {
  const kept = cache?.peek(source.path);
  if (kept?.status === source.status) return kept.body.toString("utf8");
  const asked = await askErrorPage(source).catch((error) => {
    logEvent("error", "an error page could not be read; the build's copy goes out", { path: source.path, error: String(error) });
    return null;
  });
  return asked ?? (await builtErrorPage(source, distDir(root)));
}

/** An error page asked for over HTTP, as any reader would; null unless it came whole. */
async function askErrorPage(source) {
  // Not waited for long: the page then goes out with the build's copy.
  const response = await fetch(`http://127.0.0.1:${port}${source.path}`, { headers: { "accept-encoding": "identity" }, signal: AbortSignal.timeout(2_000) });
  const html = await response.text();
  if (response.status !== source.status || !/^text\/html\b/i.test(response.headers.get("content-type") ?? "") || isRecoveryShell(html)) {
    logEvent("error", "an error page could not be read; the build's copy goes out", { path: source.path, status: response.status });
    return null;
  }
  return html;
}

/** One value of a request header (Node joins repeated ones; Origin and Host are never repeated). */
function headerValue(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A refusal before Next.js: JSON in the API's error shape for /api/, a line of text elsewhere. */
function answerPlainly(req, res, status, code, message) {
  const api = (req.url ?? "").startsWith("/api/");
  res.writeHead(status, { "Content-Type": api ? "application/json" : "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  res.end(api ? JSON.stringify({ error: { code, message } }) : message);
}

// Longer than a load balancer's idle timeout (commonly 60 s), so it never reuses a closed socket.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
await new Promise((resolve, reject) => {
  server.once("error", reject); // a port in use ends the process with the reason, not a hang
  server.listen(port, hostname, resolve);
});
// Next.js keeps rendered pages on disk (.next), and they outlive a restart; the expiries it
// recorded in memory do not, nor can it know of changes other instances made meanwhile. So an
// instance starts by expiring everything once, before it says it is ready: each page is rendered
// afresh on its first request. (Found by CI: a page rendered with a banner that was removed just
// before a restart came back with the banner from disk.)
if (process.env.AUTH_SECRET) {
  const response = await requestFullExpiry(port, process.env.AUTH_SECRET).catch((error) => ({ ok: false, status: error.message }));
  if (!response.ok) logEvent("error", "startup expiry failed", { status: response.status });
}
// Subscribed before "Ready": an instance that serves also hears every change.
const relay = process.env.REDIS_URL && process.env.AUTH_SECRET
  ? await startExpiryRelay({ redisUrl: process.env.REDIS_URL, port, secret: process.env.AUTH_SECRET })
  : null;
const goLiveSeconds = Number(process.env.GO_LIVE_SECONDS ?? 5);
const goLive = process.env.AUTH_SECRET && goLiveSeconds > 0 ? startGoLiveTimer({ port, secret: process.env.AUTH_SECRET, seconds: goLiveSeconds }) : null;
console.log(`▲ Next.js on http://${hostname ?? "localhost"}:${port}`);
console.log(`✓ Ready in ${Math.round(performance.now() - started)}ms (page cache ${cache ? `${cacheMegabytes} MB` : "off"}${relay ? ", cache expiry shared through Redis" : ""})`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    void relay?.close();
    goLive?.close();
    server.close();
    server.closeAllConnections?.();
    Promise.resolve(app.close?.()).finally(() => process.exit(0));
  });
}
// Started by the launcher (or cluster.mjs): stop as on SIGTERM once it has gone (parent-watch.mjs).
if (process.env.EXIT_WITH_PARENT === "1") {
  watchParent(() => {
    logEvent("warn", "the process that started this server has exited: stopping");
    process.kill(process.pid, "SIGTERM");
    setTimeout(() => process.exit(1), 10_000).unref();
  });
}
