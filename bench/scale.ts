/**
 * Scale-out benchmark (a script, not a test): do reader pages stay flat as the archive grows?
 *
 *   npx tsx bench/scale.ts                        # levels 1k, 10k, 100k on PostgreSQL, then the cold-cache runs
 *   npx tsx bench/scale.ts --build                # also times `npm run build` at the smallest and largest level
 *   LEVELS=200,500 SKIP_PGLITE=1 RUNS=1 DURATION=2 COLD_URLS=200 npx tsx bench/scale.ts   # a smoke run
 *
 * 1. Archive: a database of its own on the local PostgreSQL (SCALE_DB, dropped and re-created),
 *    migrated and seeded by the launcher like any new site, then grown level by level to each of
 *    LEVELS generated articles with plain SQL (bench/lib/archive.ts: copies of the demo articles'
 *    real bodies, spread over six years; one section deliberately the deepest).
 * 2. Per level, the existing production build on BENCH_PORT (3700) against that database with the
 *    page cache off (PAGE_CACHE_MB=0: the cost of Next.js and the database, not of our cache) for
 *    the front page, the deepest section and its last page, a search matching many articles and
 *    one matching five, the sitemap index and the largest monthly sitemap:
 *    - load: autocannon, CONNECTIONS (10) connections, median of RUNS (3) × DURATION (5) s after a
 *      warm-up. Next.js's own 'use cache' entries live for minutes, so this is what readers get
 *      between two publications, and it hides the queries;
 *    - render: RENDERS (5) single requests, each right after all reader cache tags were expired
 *      (through /api/internal/expire, as a publication would), median: the database and render
 *      cost a page pays whenever anything is published. This is the figure that grows if a query
 *      is O(archive).
 *    Summary: both medians per level and the ratio largest level / smallest level.
 * 3. Cold cache: the page cache on at COLD_PAGE_CACHE_MB (8) with entries kept up to an hour (so
 *    that its size, not its 10 s default lifetime, is the limit), COLD_URLS (5,000) distinct
 *    generated articles requested once each by COLD_CONNECTIONS (10) workers ("first visits":
 *    nothing cached anywhere), then all again in reverse order ("revisits": the page cache
 *    answers the last pages that fit in it, Next.js's own cache the rest). On
 *    PostgreSQL at the largest level, then on PGlite (the embedded default) with PGLITE_ARTICLES
 *    (the largest level) generated articles; SKIP_PGLITE=1 leaves PGlite out.
 * 4. --build: `npm run build` timed BUILD_RUNS (2) times, from a clean .next, with DATABASE_URL on
 *    the archive at the smallest and at the largest level (the build reads the database:
 *    generateStaticParams of articles, sections, tags and authors). The repository's .next is
 *    moved aside meanwhile and put back afterwards: do not pass --build while anyone else uses
 *    this checkout's build. Off by default: each build takes minutes.
 *
 * Every server runs from a private copy of the build (scripts/lib/private-build.ts), so the
 * thousands of pages rendered here land in neither the shared .next nor the next run's "cold"
 * requests. Progress goes to stderr; the Markdown report to stdout; raw figures to bench/results/.
 * Other settings: SCALE_PG_URL (the PostgreSQL server, postgresql://postgres@127.0.0.1:5432/postgres),
 * SEARCH_MANY ("council"), KEEP_DB=1 (keep the database afterwards), LOG_REQUESTS (0).
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "../scripts/lib/embedded-db.ts";
import { distDir } from "../scripts/runtime/dist-dir.mjs";
import { internalToken } from "../scripts/runtime/expiry-protocol.mjs";
import { cacheTags } from "../src/lib/cache-tags.ts";
import {
  archiveShape,
  dropDatabase,
  growArchive,
  recreateDatabase,
  sampleArticlePaths,
  type ArchiveShape,
} from "./lib/archive.ts";
import { withClient } from "../tests/test-database.ts";
import { fmt, loadMedian, markdownTable, sweep, type LoadFigures, type SweepFigures } from "./lib/measure.ts";
import { privateBuild } from "../scripts/lib/private-build.ts";
import { median, requireBuild, root, runLauncher, startServer } from "./lib/server.ts";

const args = new Set(process.argv.slice(2));
/** "1000,10k,100_000" → [1000, 10000, 100000]; anything else NaN (rejected below). */
const count = (value: string) => {
  const match = /^\s*([\d_]+)(k?)\s*$/i.exec(value);
  return match ? Number(match[1]!.replaceAll("_", "")) * (match[2] ? 1000 : 1) : NaN;
};
const levels = (process.env.LEVELS ?? "1000,10000,100000").split(",").map(count).sort((a, b) => a - b);
const config = {
  levels,
  runs: Number(process.env.RUNS ?? 3),
  duration: Number(process.env.DURATION ?? 5),
  connections: Number(process.env.CONNECTIONS ?? 10),
  renders: Number(process.env.RENDERS ?? 5),
  coldUrls: Number(process.env.COLD_URLS ?? 5_000),
  coldCacheMb: process.env.COLD_PAGE_CACHE_MB ?? "8",
  coldConnections: Number(process.env.COLD_CONNECTIONS ?? 10),
  pgServer: process.env.SCALE_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  database: process.env.SCALE_DB ?? "dellboys_scale",
  skipPglite: process.env.SKIP_PGLITE === "1" || args.has("--skip-pglite"),
  pgliteArticles: count(process.env.PGLITE_ARTICLES ?? String(levels.at(-1))),
  build: args.has("--build"),
  buildRuns: Number(process.env.BUILD_RUNS ?? 2),
  searchMany: process.env.SEARCH_MANY ?? "council",
  keepDb: process.env.KEEP_DB === "1",
};
if (levels.some((l) => !Number.isInteger(l) || l < 50)) throw new Error(`LEVELS: whole numbers of at least 50 (10k allowed), not ${process.env.LEVELS}`);
if (!Number.isInteger(config.pgliteArticles)) throw new Error(`PGLITE_ARTICLES: a whole number, not ${process.env.PGLITE_ARTICLES}`);
if (process.env.BENCH_URL) throw new Error("bench/scale.ts starts its own servers on its own databases: unset BENCH_URL");
process.env.BENCH_PORT ??= "3700";
requireBuild();

const log = (line: string) => console.error(`[scale] ${line}`);
const out = (text = "") => console.log(text);
/** Browsers ask for compression; so do crawlers fetching sitemaps. */
const headers = { "accept-encoding": "br, gzip" };
const secret = randomBytes(32).toString("base64url");
// Demo images and the launcher's files for the PostgreSQL runs (the seed writes media here).
const dataDir = mkdtempSync(path.join(tmpdir(), "news-scale-"));

type Role = "front" | "section" | "lastPage" | "searchMany" | "searchFew" | "sitemapIndex" | "sitemapMonth";
const roleNames: Record<Role, string> = {
  front: "front page",
  section: "deepest section",
  lastPage: "deepest section, last page",
  searchMany: "search, many matches",
  searchFew: "search, few matches",
  sitemapIndex: "sitemap index",
  sitemapMonth: "largest monthly sitemap",
};

function targets(shape: ArchiveShape): Record<Role, string> {
  const { slug, lastPage } = shape.deepestSection;
  return {
    front: "/",
    section: `/${slug}`,
    // Listing pages have path-based page URLs (/politics/page/2); page 1 has no suffix.
    lastPage: lastPage > 1 ? `/${slug}/page/${lastPage}` : `/${slug}`,
    searchMany: `/search?q=${encodeURIComponent(shape.search.many.q)}`,
    searchFew: `/search?q=${encodeURIComponent(shape.search.few.q)}`,
    sitemapIndex: "/sitemap.xml",
    sitemapMonth: `/sitemaps/articles-${shape.largestMonth.month}.xml`,
  };
}

interface TargetFigures extends LoadFigures {
  path: string;
  /** Median ms of a request right after every reader cache tag was expired. */
  render: number;
  /** x-nextjs-cache values seen on those requests (MISS expected for pages). */
  renderCache: string;
}

interface LevelResult {
  level: number;
  shape: ArchiveShape;
  targets: Record<Role, TargetFigures>;
  buildMs?: number[];
}

/** Has the server expire every reader cache tag, as the publishing service does after a change. */
async function expireReaderCaches(base: string): Promise<void> {
  const response = await fetch(`${base}/api/internal/expire`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-internal-token": internalToken(secret) },
    // Every shared tag (not the per-article ones: each article page keeps its own entry).
    body: JSON.stringify({ tags: Object.values(cacheTags).filter((tag) => typeof tag === "string"), paths: "all" }),
  });
  if (response.status !== 204) throw new Error(`expiring the caches answered ${response.status}, not 204`);
}

async function renderMedian(base: string, target: string): Promise<{ ms: number; cache: string }> {
  const times: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < config.renders; i++) {
    await expireReaderCaches(base);
    const started = performance.now();
    const response = await fetch(base + target, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    seen.add(response.headers.get("x-nextjs-cache") ?? "–");
  }
  return { ms: median(times), cache: [...seen].join("/") };
}

/** Every target must answer 200 before it is measured: a 404 measured fast is no result. */
async function checkTargets(base: string, paths: Record<Role, string>): Promise<void> {
  for (const [role, p] of Object.entries(paths)) {
    const response = await fetch(base + p, { headers, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${roleNames[role as Role]} ${p} answered ${response.status}, not 200`);
  }
}

/** A production server from a private copy of the build; stopped (and the copy removed) after fn. */
async function withServer<T>(env: Record<string, string>, fn: (base: string) => Promise<T>): Promise<T> {
  const build = await privateBuild(log);
  try {
    const server = await startServer("start", { AUTH_SECRET: secret, LOG_REQUESTS: process.env.LOG_REQUESTS ?? "0", ...env }, { root: build.root });
    try {
      return await fn(server.url);
    } finally {
      await server.cleanup();
    }
  } finally {
    build.remove();
  }
}

async function measureLevel(databaseUrl: string, shape: ArchiveShape): Promise<Record<Role, TargetFigures>> {
  const paths = targets(shape);
  return withServer({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PAGE_CACHE_MB: "0" }, async (base) => {
    await checkTargets(base, paths);
    const figures = {} as Record<Role, TargetFigures>;
    for (const [role, p] of Object.entries(paths) as [Role, string][]) {
      log(`  ${roleNames[role]} ${p}`);
      const render = await renderMedian(base, p);
      const load = await loadMedian(base + p, { connections: config.connections, duration: config.duration, runs: config.runs, warmup: 2, headers });
      figures[role] = { path: p, ...load, render: render.ms, renderCache: render.cache };
    }
    return figures;
  });
}

/**
 * `npm run build` (the launcher's build: migrations, then next build) against databaseUrl, from a
 * clean .next each time; the repository's own .next is moved aside and always put back.
 */
async function timeBuilds(databaseUrl: string): Promise<number[]> {
  const nextDir = distDir(root);
  const saved = `${nextDir}-scale-saved`;
  if (existsSync(saved)) throw new Error(`${saved} exists (left by an interrupted --build run?): put it back as .next first`);
  renameSync(nextDir, saved);
  const restore = () => {
    rmSync(nextDir, { recursive: true, force: true });
    if (existsSync(saved)) renameSync(saved, nextDir);
  };
  const onSignal = () => {
    restore();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  try {
    const times: number[] = [];
    for (let i = 0; i < config.buildRuns; i++) {
      rmSync(nextDir, { recursive: true, force: true });
      log(`  npm run build ${i + 1}/${config.buildRuns}`);
      times.push(await runLauncher("build", { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, AUTH_SECRET: secret }, { quiet: true }));
    }
    return times;
  } finally {
    process.off("SIGINT", onSignal);
    restore();
  }
}

interface ColdResult {
  database: string;
  articles: number;
  firstVisits: SweepFigures;
  revisits: SweepFigures;
}

async function coldCache(database: string, articles: number, env: Record<string, string>, paths: string[]): Promise<ColdResult> {
  log(`cold cache on ${database}: ${paths.length} distinct articles, page cache ${config.coldCacheMb} MB`);
  const cacheEnv = { PAGE_CACHE_MB: config.coldCacheMb, PAGE_CACHE_SECONDS: process.env.PAGE_CACHE_SECONDS ?? "3600" };
  return withServer({ ...env, ...cacheEnv }, async (base) => {
    // The server's own pages once (layout, settings, editors' picks: shared by every article).
    await (await fetch(base + "/", { headers })).arrayBuffer();
    const options = { concurrency: config.coldConnections, headers, countHeaders: ["x-cache", "x-nextjs-cache"] };
    const firstVisits = await sweep(base, paths, options);
    log(`  first visits: ${fmt(firstVisits.rps, 1)} req/s`);
    // In reverse: the most recent pages are what an LRU cache still holds, so the hit ratio is
    // the share of the URLs that fit (the same order would evict each page just before its turn).
    const revisits = await sweep(base, [...paths].reverse(), options);
    log(`  revisits: ${fmt(revisits.rps, 1)} req/s`);
    return { database, articles, firstVisits, revisits };
  });
}

/** The embedded default: a PGlite folder seeded by the launcher, grown through its socket. */
async function pgliteColdCache(): Promise<ColdResult> {
  const folder = mkdtempSync(path.join(tmpdir(), "news-scale-pglite-"));
  try {
    log(`PGlite in ${folder}: seeding`);
    await runLauncher("seed", { DATABASE_URL: "", DATA_DIR: folder }, { quiet: true });
    const db = await startEmbeddedDatabase(folder, 8);
    let paths: string[];
    try {
      paths = await withClient(db.url, async (client) => {
        await growArchive(client, config.pgliteArticles, log);
        return sampleArticlePaths(client, config.coldUrls);
      });
    } finally {
      await db.stop();
    }
    return await coldCache("PGlite", config.pgliteArticles, { DATABASE_URL: "", DATA_DIR: folder }, paths);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ---- report ----

const ms = (n: number) => fmt(n, n < 10 ? 1 : 0);
const ratio = (last: number, first: number) => (first > 0 && Number.isFinite(last) ? `${(last / first).toFixed(2)}×` : "–");

function printLevel(r: LevelResult): void {
  const s = r.shape;
  out(`\n### ${fmt(r.level)} generated articles (${fmt(s.publicArticles)} public)\n`);
  out(
    `Deepest section /${s.deepestSection.slug}: ${fmt(s.deepestSection.articles)} articles, ${fmt(s.deepestSection.lastPage)} pages; ` +
      `largest month ${s.largestMonth.month}: ${fmt(s.largestMonth.articles)} articles; ` +
      `search "${s.search.many.q}": ${fmt(s.search.many.matches)} matches, "${s.search.few.q}": ${fmt(s.search.few.matches)}.\n`,
  );
  out(
    markdownTable(
      ["target", "path", "req/s", "p50 ms", "p99 ms", "failed", "render ms (caches expired)", "x-nextjs-cache on render"],
      (Object.keys(roleNames) as Role[]).map((role) => {
        const t = r.targets[role];
        return [roleNames[role], `\`${t.path}\``, fmt(t.rps), ms(t.p50), ms(t.p99), t.failed, ms(t.render), t.renderCache];
      }),
    ),
  );
}

function printSummary(results: LevelResult[]): void {
  const first = results[0]!;
  const last = results.at(-1)!;
  const levels = results.map((r) => fmt(r.level));
  for (const [title, pick] of [
    ["Median latency under load (p50 ms, autocannon)", (t: TargetFigures) => t.p50],
    ["Render after a publication (median ms, caches expired)", (t: TargetFigures) => t.render],
  ] as const) {
    out(`\n### ${title}\n`);
    out(
      markdownTable(
        ["target", ...levels, `${levels.at(-1)} / ${levels[0]}`],
        (Object.keys(roleNames) as Role[]).map((role) => [
          roleNames[role],
          ...results.map((r) => ms(pick(r.targets[role]))),
          ratio(pick(last.targets[role]), pick(first.targets[role])),
        ]),
      ),
    );
  }
  const builds = results.filter((r) => r.buildMs);
  if (builds.length) {
    out("\n### `npm run build` (clean .next, median)\n");
    out(markdownTable(["generated articles", "runs (s)", "median s"], builds.map((r) => [fmt(r.level), r.buildMs!.map((t) => fmt(t / 1000, 1)).join(", "), fmt(median(r.buildMs!) / 1000, 1)])));
  }
}

const share = (counts: Record<string, number>, key: string, total: number) => `${(((counts[key] ?? 0) / total) * 100).toFixed(1)} %`;
const tally = (counts: Record<string, number>) => Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}: ${fmt(v)}`).join(", ");

function printCold(r: ColdResult): void {
  out(`\n### Cold cache on ${r.database}: ${fmt(r.firstVisits.requests)} distinct articles of ${fmt(r.articles)}, page cache ${config.coldCacheMb} MB\n`);
  const rows = (["firstVisits", "revisits"] as const).map((pass) => {
    const f = r[pass];
    return [
      pass === "firstVisits" ? "first visits" : "revisits",
      fmt(f.requests),
      fmt(f.rps, 1),
      ms(f.p50),
      ms(f.p99),
      share(f.headers["x-cache"]!, "HIT", f.requests),
      tally(f.headers["x-nextjs-cache"]!),
      tally(f.statuses),
    ];
  });
  out(markdownTable(["pass", "requests", "req/s", "p50 ms", "p99 ms", "page-cache hits", "x-nextjs-cache", "statuses"], rows));
}

// ---- run ----

const started = Date.now();
const levelResults: LevelResult[] = [];
const coldResults: ColdResult[] = [];
mkdirSync(path.join(root, "bench/results"), { recursive: true });
const file = path.join(root, "bench/results", `scale-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
/** Raw figures after every step: an interrupted run keeps what it measured. */
const save = () => writeFileSync(file, JSON.stringify({ config, levels: levelResults, cold: coldResults }, null, 2));

out(`## Reader pages by archive size (PostgreSQL, page cache off)\n`);
out(
  `Load: autocannon, ${config.connections} connections, median of ${config.runs} × ${config.duration} s after a 2 s warm-up, \`Accept-Encoding: br, gzip\`. ` +
    `Render: median of ${config.renders} single requests, each right after every reader cache tag was expired (what the first reader pays after any publication).`,
);
let databaseUrl: string | undefined;
try {
  log(`PostgreSQL database ${config.database}: re-created, migrated and seeded`);
  databaseUrl = await recreateDatabase(config.pgServer, config.database);
  await runLauncher("seed", { DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, { quiet: true });
  for (const level of config.levels) {
    log(`level ${fmt(level)}: generating`);
    const shape = await withClient(databaseUrl, async (client) => {
      await growArchive(client, level, log);
      return archiveShape(client, config.searchMany);
    });
    const result: LevelResult = { level, shape, targets: {} as Record<Role, TargetFigures> };
    if (config.build && (level === config.levels[0] || level === config.levels.at(-1))) {
      log(`level ${fmt(level)}: timing npm run build`);
      result.buildMs = await timeBuilds(databaseUrl);
    }
    log(`level ${fmt(level)}: measuring`);
    result.targets = await measureLevel(databaseUrl, shape);
    levelResults.push(result);
    printLevel(result);
    save();
  }
  printSummary(levelResults);

  out(`\n## Cold cache: distinct article URLs, page cache ${config.coldCacheMb} MB\n`);
  out(`${config.coldConnections} concurrent requests; every URL once ("first visits"), then all again in reverse order ("revisits": the page cache's hits are the pages that fit in it, the rest come from Next.js's own cache).`);
  const paths = await withClient(databaseUrl, (client) => sampleArticlePaths(client, config.coldUrls));
  coldResults.push(await coldCache("PostgreSQL", config.levels.at(-1)!, { DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, paths));
  printCold(coldResults.at(-1)!);
  save();
  if (config.skipPglite) out("\nPGlite: skipped (SKIP_PGLITE=1).");
  else {
    coldResults.push(await pgliteColdCache());
    printCold(coldResults.at(-1)!);
    save();
  }
} finally {
  if (databaseUrl && !config.keepDb) await dropDatabase(config.pgServer, config.database).catch((e: Error) => log(`could not drop ${config.database}: ${e.message}`));
  rmSync(dataDir, { recursive: true, force: true });
}
out(`\nTotal time: ${fmt((Date.now() - started) / 60_000, 1)} min. Raw figures: ${path.relative(root, file)}`);
