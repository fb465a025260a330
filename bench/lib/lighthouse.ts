/** One Lighthouse run (12.x, mobile profile) with Debian's Chromium, for lighthouse.ts and lighthouse-controls.ts. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { median } from "./server.ts";

const run = promisify(execFile);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const categories = ["performance", "accessibility", "best-practices", "seo"] as const;

export type Report = {
  categories: Record<(typeof categories)[number], { score: number }>;
  audits: Record<string, { numericValue?: number; score: number | null; title: string }>;
  environment: { benchmarkIndex: number };
};

/** One Lighthouse run on url. Lighthouse sometimes fails to record a run's trace (NO_NAVSTART here): such a run is repeated, three times at most. */
export async function lighthouse(url: string): Promise<Report> {
  for (let failures = 0; ; ) {
    try {
      // Asynchronous: the caller may serve what Lighthouse loads (lighthouse-controls.ts's proxy).
      const { stdout } = await run(
        "npx",
        ["--yes", "lighthouse@12.8.2", url, "--quiet", "--output=json", "--output-path=stdout", `--chrome-path=${chromium}`,
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu", `--only-categories=${categories.join(",")}`],
        { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHROME_PATH: chromium } },
      );
      return JSON.parse(stdout) as Report;
    } catch (error) {
      if (++failures > 3) throw error;
      console.error(`lighthouse failed on ${url}, run again: ${String((error as { stderr?: string }).stderr || error).trim().split("\n").at(-1)}`);
    }
  }
}

/** A category's score (0–100), the median of the reports. */
export const score = (reports: Report[], c: (typeof categories)[number]) => median(reports.map((r) => Math.round(r.categories[c].score * 100)));
/** An audit's measured value, the median of the reports. */
export const audit = (reports: Report[], id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
