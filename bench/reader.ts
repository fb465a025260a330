/**
 * Reader-page benchmark (a script, not a test): requests per second and p50/p99 latency with
 * autocannon at 50 connections for the article page, the front page, a section page, search, the
 * sitemap index and the RSS feed, beside a static file served by the same server (the ceiling: the
 * smallest script the article page loads, 0.4 KB, from /_next/static, which Next.js serves as it
 * serves public/); HTML and JavaScript bytes (gzipped). TARGETS=article,front limits the run to
 * those targets.
 *
 *   npx tsx bench/reader.ts                 # builds if needed, starts `npm start` on a fresh embedded DB
 *   BENCH_URL=http://localhost:3000 npx tsx bench/reader.ts   # against a server already running
 *
 * Each figure is the median of RUNS runs of DURATION seconds after a warm-up. Every target is
 * loaded twice: as the issue asks (no Accept-Encoding: every response whole) and as a browser asks
 * (Accept-Encoding: br, gzip). PAGE_CACHE_MB=0 runs the server without its page cache
 * (scripts/runtime/page-cache.mjs), to see what Next.js alone does.
 *
 * Autocannon reads every body but does not decode it into a string (bench/lib/autocannon.ts): as it
 * ships, that decoding was most of the work for the byte-heavy pages. They (front page, feed) also
 * get a ceiling of their own size: their own body, fetched from a first server and written under
 * public/bench-copy/ (Next.js lists public/ when it starts, so the server is then started again),
 * served as a static file by the same server (front.txt: a name the proxy skips). Not with
 * BENCH_URL (no restart there).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { bodiesKept } from "./lib/autocannon.ts";
import { loadMedian, type LoadFigures } from "./lib/measure.ts";
import { root, startServer } from "./lib/server.ts";
import { pageScriptSources } from "../scripts/runtime/deferred-scripts.mjs";

const RUNS = Number(process.env.RUNS ?? 3);
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = 50;

const CEILING = "static file (smallest script)";
const targets = {
  // Read off the article page at start.
  [CEILING]: "",
  "article page (cached)": "/politics/sessions-offered-to-quit-amid-rift-with-trump",
  "front page (cached)": "/",
  "section page (cached)": "/politics",
  "search (one query, kept 10 s)": "/search?q=council",
  "sitemap index (cached)": "/sitemap.xml",
  "RSS feed (cached)": "/feed.xml",
  // The article's hero as the optimizer serves it (its copy on disk): the path is read off the
  // article page at start.
  "optimized image (640 px, on disk)": "",
};

const only = process.env.TARGETS?.split(",");
let chosen: Record<string, string> = Object.fromEntries(
  Object.entries(targets).filter(([name], i) => i === 0 || !only || only.some((o) => name.startsWith(o))),
);

/** Byte-heavy targets and the name of their same-size static copy. */
const copies: Record<string, string> = { "front page (cached)": "front.txt", "RSS feed (cached)": "feed.xml" };
const copyDir = path.join(root, "public/bench-copy");
const copyName = (name: string) => `  static copy of the ${name.replace(/ \(cached\)$/, "")}`;

/** Writes each chosen byte-heavy target's body as a static file; returns the new targets. */
async function writeCopies(base: string): Promise<Record<string, string>> {
  mkdirSync(copyDir, { recursive: true });
  const added: Record<string, string> = {};
  for (const [name, file] of Object.entries(copies)) {
    if (!chosen[name]) continue;
    writeFileSync(path.join(copyDir, file), Buffer.from(await (await fetch(base + chosen[name])).arrayBuffer()));
    added[copyName(name)] = `/bench-copy/${file}`;
  }
  return added;
}

const encodings = { "no Accept-Encoding": {}, "Accept-Encoding: br, gzip": { "accept-encoding": "br, gzip" } } as const;

async function pageWeight(base: string, pathName: string) {
  const html = await (await fetch(base + pathName)).text();
  // Scripts a modern browser downloads: not the nomodule polyfills for old browsers.
  const scripts = pageScriptSources(html);
  let js = 0;
  for (const src of new Set(scripts)) js += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return { htmlGzip: gzipSync(html).length, jsGzip: js, scripts: new Set(scripts).size };
}

/** The smallest script the article page loads, for the ceiling. */
async function ceilingTarget(base: string, html: string): Promise<string> {
  const sources = [...new Set(pageScriptSources(html).filter((src) => src.startsWith("/_next/static/")))];
  const sizes = await Promise.all(sources.map(async (src) => ({ src, bytes: (await (await fetch(base + src)).arrayBuffer()).byteLength })));
  const smallest = sizes.sort((a, b) => a.bytes - b.bytes)[0];
  if (!smallest) throw new Error("no script on the article page");
  return smallest.src;
}

/** The first optimizer URL on the article page, for the image target. */
function imageTarget(html: string): string {
  const src = /<img[^>]* src="(\/_next\/image\?[^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error("no optimized image on the article page");
  return src.replace(/&amp;/g, "&").replace(/&w=\d+/, "&w=640");
}

let server = await startServer();
try {
  // The ceiling's and the image's paths are read off the article page.
  const html = await (await fetch(server.url + targets["article page (cached)"])).text();
  chosen[CEILING] = await ceilingTarget(server.url, html);
  const imageName = "optimized image (640 px, on disk)";
  if (imageName in chosen) chosen[imageName] = imageTarget(html);
  if (!process.env.BENCH_URL && Object.keys(copies).some((name) => chosen[name])) {
    // Insert each copy right after its page, then restart so that Next.js lists the new files.
    const added = await writeCopies(server.url);
    chosen = Object.fromEntries(
      Object.entries(chosen).flatMap(([name, p]) => (added[copyName(name)] ? [[name, p], [copyName(name), added[copyName(name)]!]] : [[name, p]])),
    );
    await server.cleanup();
    server = await startServer();
  }
  const rows: Record<string, Record<string, LoadFigures>> = {};
  console.log(
    `autocannon, ${CONNECTIONS} connections, median of ${RUNS} × ${DURATION}s, page cache ${process.env.PAGE_CACHE_MB === "0" ? "off" : "on"}, ` +
      `bodies ${bodiesKept ? "kept as strings (autocannon as it ships)" : "read, not kept (bench/lib/autocannon.ts)"}`,
  );
  for (const [encoding, headers] of Object.entries(encodings)) {
    const byTarget: Record<string, LoadFigures> = (rows[encoding] = {});
    for (const [name, p] of Object.entries(chosen)) {
      byTarget[name] = await loadMedian(server.url + p, { connections: CONNECTIONS, duration: DURATION, runs: RUNS, warmup: 3, headers });
    }
    const ceiling = byTarget[CEILING]!.rps;
    console.log(
      `\n${encoding}\n\n| target | KB per answer | req/s | vs static | vs its same-size copy | p50 ms | p99 ms | failed (non-2xx, errors, timeouts) |\n|---|---|---|---|---|---|---|---|`,
    );
    for (const [name, r] of Object.entries(byTarget)) {
      const copy = byTarget[copyName(name)];
      const vsCopy = copy ? `${Math.round((r.rps / copy.rps) * 100)} %` : "";
      console.log(`| ${name} | ${(r.bytesPerAnswer / 1024).toFixed(1)} | ${Math.round(r.rps)} | ${Math.round((r.rps / ceiling) * 100)} % | ${vsCopy} | ${r.p50} | ${r.p99} | ${r.failed} |`);
    }
  }
  const weights: Record<string, Awaited<ReturnType<typeof pageWeight>>> = {};
  for (const [name, p] of Object.entries(chosen)) if (!/\.(js|xml|txt)$/.test(p) && !p.startsWith("/_next/image")) weights[name] = await pageWeight(server.url, p);
  console.log("\n| page | HTML gzip KB | JS gzip KB | scripts |\n|---|---|---|---|");
  for (const [name, w] of Object.entries(weights)) {
    console.log(`| ${name} | ${(w.htmlGzip / 1024).toFixed(1)} | ${(w.jsGzip / 1024).toFixed(1)} | ${w.scripts} |`);
  }
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const file = path.join(root, "bench/results", `reader-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ connections: CONNECTIONS, runs: RUNS, duration: DURATION, pageCache: process.env.PAGE_CACHE_MB !== "0", bodiesKept, rows, weights }, null, 2));
  console.log(`\nraw figures: ${path.relative(root, file)}`);
} finally {
  rmSync(copyDir, { recursive: true, force: true });
  await server.cleanup();
}
