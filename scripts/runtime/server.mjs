// The production server `npm start` runs (through scripts/launcher.ts): Next.js behind the
// shared page cache of page-cache.mjs. Plain JavaScript: Node runs it as it is, without a build.
//
//   PORT                 where to listen (3000)
//   HOSTNAME             the interface to listen on (all)
//   PAGE_CACHE_MB        memory for cached responses (64; 0 turns the cache off)
//   PAGE_CACHE_SECONDS   the longest an entry is served without asking Next.js again (10)
import http from "node:http";
import path from "node:path";
import next from "next";
import { createPageCache } from "./page-cache.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const cacheMegabytes = Number(process.env.PAGE_CACHE_MB ?? 64);
const started = performance.now();

const app = next({ dev: false, dir: root, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const cache =
  cacheMegabytes > 0
    ? createPageCache({ maxBytes: cacheMegabytes * 1024 * 1024, maxAgeSeconds: Number(process.env.PAGE_CACHE_SECONDS ?? 10) })
    : null;
// src/server/page-cache.ts purges through this after every publishing change.
globalThis[Symbol.for("dellboys.page-cache")] = cache;

const server = http.createServer((req, res) => {
  const handled = cache ? cache.handle(req, res, handle) : handle(req, res);
  Promise.resolve(handled).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  });
});
// Longer than a load balancer's idle timeout (commonly 60 s), so it never reuses a closed socket.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`▲ Next.js on http://${hostname ?? "localhost"}:${port}`);
  console.log(`✓ Ready in ${Math.round(performance.now() - started)}ms (page cache ${cache ? `${cacheMegabytes} MB` : "off"})`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections?.();
    Promise.resolve(app.close?.()).finally(() => process.exit(0));
  });
}
