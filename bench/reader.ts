/**
 * Reader-page benchmark (a script, not a test): requests per second and p50/p99 latency with
 * autocannon at 50 connections for the article page, the front page, a section page, search, the
 * sitemap index and the RSS feed, beside a static file served by the same server (the ceiling);
 * HTML and JavaScript bytes (gzipped). TARGETS=article,front limits the run to those targets.
 *
 *   npx tsx bench/reader.ts                 # builds if needed, starts `npm start` on a fresh embedded DB
 *   BENCH_URL=http://localhost:3000 npx tsx bench/reader.ts   # against a server already running
 *
 * Each figure is the median of RUNS runs of DURATION seconds after a warm-up. Every target is
 * loaded twice: as the issue asks (no Accept-Encoding: every response whole) and as a browser asks
 * (Accept-Encoding: br, gzip). PAGE_CACHE_MB=0 runs the server without its page cache
 * (scripts/runtime/page-cache.mjs), to see what Next.js alone does.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadMedian } from "./lib/measure.ts";
import { root, startServer } from "./lib/server.ts";

const RUNS = Number(process.env.RUNS ?? 3);
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = 50;

const targets = {
  "static file (/theme-init.js)": "/theme-init.js",
  "article page (cached)": "/politics/sessions-offered-to-quit-amid-rift-with-trump",
  "front page (cached)": "/",
  "section page (cached)": "/politics",
  "search (one query, kept 10 s)": "/search?q=council",
  "sitemap index (cached)": "/sitemap.xml",
  "RSS feed (cached)": "/feed.xml",
};

const only = process.env.TARGETS?.split(",");
const chosen = Object.fromEntries(Object.entries(targets).filter(([name], i) => i === 0 || !only || only.some((o) => name.startsWith(o))));


const encodings = { "no Accept-Encoding": {}, "Accept-Encoding: br, gzip": { "accept-encoding": "br, gzip" } } as const;

async function pageWeight(base: string, pathName: string) {
  const html = await (await fetch(base + pathName)).text();
  // Scripts a modern browser downloads: not the nomodule polyfills for old browsers.
  const scripts = [...html.matchAll(/<script([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(m[1]!))
    .map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1])
    .filter((src): src is string => Boolean(src));
  let js = 0;
  for (const src of new Set(scripts)) js += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return { htmlGzip: gzipSync(html).length, jsGzip: js, scripts: new Set(scripts).size };
}

const server = await startServer();
try {
  const rows: Record<string, Record<string, { rps: number; p50: number; p99: number; failed: number }>> = {};
  console.log(`autocannon, ${CONNECTIONS} connections, median of ${RUNS} × ${DURATION}s, page cache ${process.env.PAGE_CACHE_MB === "0" ? "off" : "on"}`);
  for (const [encoding, headers] of Object.entries(encodings)) {
    const byTarget: Record<string, { rps: number; p50: number; p99: number; failed: number }> = (rows[encoding] = {});
    for (const [name, p] of Object.entries(chosen)) {
      byTarget[name] = await loadMedian(server.url + p, { connections: CONNECTIONS, duration: DURATION, runs: RUNS, warmup: 3, headers });
    }
    const ceiling = byTarget["static file (/theme-init.js)"]!.rps;
    console.log(`\n${encoding}\n\n| target | req/s | vs static | p50 ms | p99 ms | failed (non-2xx, errors, timeouts) |\n|---|---|---|---|---|---|`);
    for (const [name, r] of Object.entries(byTarget)) {
      console.log(`| ${name} | ${Math.round(r.rps)} | ${Math.round((r.rps / ceiling) * 100)} % | ${r.p50} | ${r.p99} | ${r.failed} |`);
    }
  }
  const weights: Record<string, Awaited<ReturnType<typeof pageWeight>>> = {};
  for (const [name, p] of Object.entries(chosen)) if (!/\.(js|xml)$/.test(p)) weights[name] = await pageWeight(server.url, p);
  console.log("\n| page | HTML gzip KB | JS gzip KB | scripts |\n|---|---|---|---|");
  for (const [name, w] of Object.entries(weights)) {
    console.log(`| ${name} | ${(w.htmlGzip / 1024).toFixed(1)} | ${(w.jsGzip / 1024).toFixed(1)} | ${w.scripts} |`);
  }
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const file = path.join(root, "bench/results", `reader-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ connections: CONNECTIONS, runs: RUNS, duration: DURATION, pageCache: process.env.PAGE_CACHE_MB !== "0", rows, weights }, null, 2));
  console.log(`\nraw figures: ${path.relative(root, file)}`);
} finally {
  server.cleanup();
}
