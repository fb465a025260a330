/**
 * Lighthouse (12.x, mobile profile: Moto G Power emulation, simulated slow 4G) on the front page,
 * an article, a section and search, with Debian's Chromium (CHROMIUM_PATH). Prints each category's
 * score, the median of RUNS (3) runs. Lighthouse is fetched by npx on first use (not a dependency
 * of the project: 200 packages no test needs).
 *
 *   npx tsx bench/lighthouse.ts
 */
import { execFileSync } from "node:child_process";
import { median, startServer } from "./lib/server.ts";

const RUNS = Number(process.env.RUNS ?? 3);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const pages = {
  front: "/",
  article: "/politics/sessions-offered-to-quit-amid-rift-with-trump",
  section: "/politics",
  search: "/search?q=council",
};
const categories = ["performance", "accessibility", "best-practices", "seo"] as const;

type Report = { categories: Record<(typeof categories)[number], { score: number }>; audits: Record<string, { numericValue?: number; score: number | null; title: string }> };

const server = await startServer();
try {
  console.log("| page | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS |\n|---|---|---|---|---|---|---|---|---|");
  // PAGES=search,article runs only those.
  const only = process.env.PAGES?.split(",");
  for (const [name, path] of Object.entries(pages).filter(([name]) => !only || only.includes(name))) {
    const reports: Report[] = [];
    // Lighthouse sometimes fails to record a run's trace (NO_NAVSTART here): such a run is repeated, three times at most.
    for (let failures = 0; reports.length < RUNS; ) {
      try {
        const json = execFileSync(
          "npx",
          ["--yes", "lighthouse@12.8.2", server.url + path, "--quiet", "--output=json", "--output-path=stdout", `--chrome-path=${chromium}`,
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu", `--only-categories=${categories.join(",")}`],
          { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHROME_PATH: chromium }, stdio: ["ignore", "pipe", "pipe"] },
        );
        reports.push(JSON.parse(json.toString()) as Report);
      } catch (error) {
        if (++failures > 3) throw error;
        console.error(`lighthouse failed on ${path}, run again: ${String((error as { stderr?: Buffer }).stderr ?? error).trim().split("\n").at(-1)}`);
      }
    }
    const score = (c: (typeof categories)[number]) => median(reports.map((r) => Math.round(r.categories[c].score * 100)));
    const audit = (id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
    console.log(`| ${name} | ${categories.map(score).join(" | ")} | ${Math.round(audit("first-contentful-paint"))} | ${Math.round(audit("largest-contentful-paint"))} | ${Math.round(audit("total-blocking-time"))} | ${audit("cumulative-layout-shift").toFixed(3)} |`);
    // What cost points, from the last run: every audit that did not pass.
    const last = reports.at(-1)!;
    const failing = Object.entries(last.audits).filter(([, a]) => a.score !== null && a.score < 0.9).map(([id]) => id);
    if (failing.length) console.log(`|   not passing: ${failing.join(", ")} | | | | | | | | |`);
  }
} finally {
  server.cleanup();
}
