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
import { audit, categories, lighthouse, score, type Report } from "./lib/lighthouse.ts";
import { browserPages, median, startServer } from "./lib/server.ts";

const RUNS = Number(process.env.RUNS ?? 3);
// Time to interactive is not in the score; shown because loading scripts later can move it (deferred-scripts.mjs).
const timings = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "interactive"];

// BASELINE_URL: another server (another build) run alternately with this one, and shown beside it.
const baseline = process.env.BASELINE_URL;
const server = await startServer();
try {
  console.log(baseline ? `Each cell: baseline (${baseline}) → this build.\n` : "");
  console.log("| page | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | TTI ms | CLS |\n|---|---|---|---|---|---|---|---|---|---|");
  const benchmarkIndexes: number[] = [];
  for (const [name, path] of browserPages()) {
    const reports: Report[] = [];
    const baselineReports: Report[] = [];
    for (let run = 0; run < RUNS; run++) {
      if (baseline) baselineReports.push(await lighthouse(baseline + path));
      reports.push(await lighthouse(server.url + path));
    }
    benchmarkIndexes.push(...[...reports, ...baselineReports].map((r) => r.environment.benchmarkIndex));
    const both = (figure: (rs: Report[]) => number | string) => (baseline ? `${figure(baselineReports)} → ${figure(reports)}` : String(figure(reports)));
    console.log(
      `| ${name} | ${categories.map((c) => both((rs) => score(rs, c))).join(" | ")} | ${timings.map((id) => both((rs) => Math.round(audit(rs, id)))).join(" | ")} | ${both((rs) => audit(rs, "cumulative-layout-shift").toFixed(3))} |`,
    );
    // What cost points, from the last run: every audit that did not pass.
    const last = reports.at(-1)!;
    const failing = Object.entries(last.audits).filter(([, a]) => a.score !== null && a.score < 0.9).map(([id]) => id);
    if (failing.length) console.log(`|   not passing: ${failing.join(", ")} | | | | | | | | | |`);
  }
  // Lighthouse's own measure of this machine's CPU (higher is faster): the same build scores
  // differently on machines, or moments, whose index differs.
  console.log(`\nbenchmarkIndex (median of every run): ${Math.round(median(benchmarkIndexes))}`);
} finally {
  server.cleanup();
}
