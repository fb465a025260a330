/**
 * Lighthouse (12.x, mobile profile: Moto G Power emulation, simulated slow 4G) on the front page,
 * an article, a section and search, with Debian's Chromium (CHROMIUM_PATH). Prints each category's
 * score, the median of RUNS (3) runs. Lighthouse is fetched by npx on first use (not a dependency
 * of the project: 200 packages no test needs). BASELINE_URL: another build's server, run
 * alternately with this one, each figure shown as baseline → this.
 *
 *   npx tsx bench/lighthouse.ts
 *   BASELINE_URL=http://127.0.0.1:3600 BENCH_URL=http://127.0.0.1:3500 RUNS=5 npx tsx bench/lighthouse.ts
 */
import { execFileSync } from "node:child_process";
import { browserPages, median, startServer } from "./lib/server.ts";

const RUNS = Number(process.env.RUNS ?? 3);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const categories = ["performance", "accessibility", "best-practices", "seo"] as const;

type Report = {
  categories: Record<(typeof categories)[number], { score: number }>;
  audits: Record<string, { numericValue?: number; score: number | null; title: string }>;
  environment: { benchmarkIndex: number };
};

/** One Lighthouse run on url. Lighthouse sometimes fails to record a run's trace (NO_NAVSTART here): such a run is repeated, three times at most. */
function lighthouse(url: string): Report {
  for (let failures = 0; ; ) {
    try {
      const json = execFileSync(
        "npx",
        ["--yes", "lighthouse@12.8.2", url, "--quiet", "--output=json", "--output-path=stdout", `--chrome-path=${chromium}`,
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu", `--only-categories=${categories.join(",")}`],
        { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHROME_PATH: chromium }, stdio: ["ignore", "pipe", "pipe"] },
      );
      return JSON.parse(json.toString()) as Report;
    } catch (error) {
      if (++failures > 3) throw error;
      console.error(`lighthouse failed on ${url}, run again: ${String((error as { stderr?: Buffer }).stderr ?? error).trim().split("\n").at(-1)}`);
    }
  }
}

const score = (reports: Report[], c: (typeof categories)[number]) => median(reports.map((r) => Math.round(r.categories[c].score * 100)));
const audit = (reports: Report[], id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
const timings = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time"];

// BASELINE_URL: another server (another build) run alternately with this one, and shown beside it.
const baseline = process.env.BASELINE_URL;
const server = await startServer();
try {
  console.log(baseline ? `Each cell: baseline (${baseline}) → this build.\n` : "");
  console.log("| page | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS |\n|---|---|---|---|---|---|---|---|---|");
  const benchmarkIndexes: number[] = [];
  for (const [name, path] of browserPages()) {
    const reports: Report[] = [];
    const baselineReports: Report[] = [];
    for (let run = 0; run < RUNS; run++) {
      if (baseline) baselineReports.push(lighthouse(baseline + path));
      reports.push(lighthouse(server.url + path));
    }
    benchmarkIndexes.push(...[...reports, ...baselineReports].map((r) => r.environment.benchmarkIndex));
    const both = (figure: (rs: Report[]) => number | string) => (baseline ? `${figure(baselineReports)} → ${figure(reports)}` : String(figure(reports)));
    console.log(
      `| ${name} | ${categories.map((c) => both((rs) => score(rs, c))).join(" | ")} | ${timings.map((id) => both((rs) => Math.round(audit(rs, id)))).join(" | ")} | ${both((rs) => audit(rs, "cumulative-layout-shift").toFixed(3))} |`,
    );
    // What cost points, from the last run: every audit that did not pass.
    const last = reports.at(-1)!;
    const failing = Object.entries(last.audits).filter(([, a]) => a.score !== null && a.score < 0.9).map(([id]) => id);
    if (failing.length) console.log(`|   not passing: ${failing.join(", ")} | | | | | | | | |`);
  }
  // Lighthouse's own measure of this machine's CPU (higher is faster): the same build scores
  // differently on machines, or moments, whose index differs.
  console.log(`\nbenchmarkIndex (median of every run): ${Math.round(median(benchmarkIndexes))}`);
} finally {
  server.cleanup();
}
