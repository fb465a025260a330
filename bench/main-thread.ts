/**
 * The browser's main thread while a reader page starts: Debian's Chromium (CHROMIUM_PATH) at a
 * phone's width with its CPU slowed 4 times (Lighthouse's mobile factor), a fresh profile per run
 * (no HTTP or code cache, as a first visit). From its trace, for the tasks that start after first
 * contentful paint and before load + 3 s:
 *   - blocking: what Lighthouse sums as total blocking time (each task's time beyond 50 ms);
 *   - longest task;
 *   - busy: all their time.
 * Median of RUNS (7) per page. Steadier than Lighthouse's score, which folds in a simulated
 * network; made to compare builds: BASELINE_URL (another server, e.g. the previous commit's build
 * on another port) alternates with this one run by run, and each figure gets a ratio.
 *
 *   npx tsx bench/main-thread.ts
 *   BASELINE_URL=http://127.0.0.1:3600 BENCH_URL=http://127.0.0.1:3500 npx tsx bench/main-thread.ts
 */
import { chromium, type Browser } from "@playwright/test";
import { browserPages, median, startServer } from "./lib/server.ts";

const RUNS = Number(process.env.RUNS ?? 7);
const CPU_SLOWDOWN = 4;

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number };
type Figures = { blocking: number; longest: number; busy: number };

async function measure(browser: Browser, url: string): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,loading", transferMode: "ReportEvents" });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(3000);
    await cdp.send("Tracing.end");
    await complete;
    const fcp = events.find((e) => e.name === "firstContentfulPaint");
    if (!fcp) throw new Error(`no first contentful paint in the trace of ${url}`);
    // The renderer's main thread is the one that painted.
    const tasks = events.filter((e) => e.name === "RunTask" && e.ph === "X" && e.pid === fcp.pid && e.tid === fcp.tid && e.ts > fcp.ts).map((e) => (e.dur ?? 0) / 1000);
    return {
      blocking: tasks.reduce((sum, ms) => sum + Math.max(0, ms - 50), 0),
      longest: Math.max(0, ...tasks),
      busy: tasks.reduce((sum, ms) => sum + ms, 0),
    };
  } finally {
    await context.close();
  }
}

const server = await startServer();
const baseline = process.env.BASELINE_URL;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const columns = baseline ? ["blocking ms (baseline → this)", "longest task ms", "busy ms"] : ["blocking ms", "longest task ms", "busy ms"];
  console.log(`Main thread after first paint, CPU ${CPU_SLOWDOWN}× slower, median of ${RUNS}${baseline ? `; baseline ${baseline}` : ""}\n`);
  console.log(`| page | ${columns.join(" | ")} |\n|---|${columns.map(() => "---").join("|")}|`);
  for (const [name, path] of browserPages()) {
    const mine: Figures[] = [];
    const theirs: Figures[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternating, so that what the machine does meanwhile falls on both alike.
      if (baseline) theirs.push(await measure(browser, baseline + path));
      mine.push(await measure(browser, server.url + path));
    }
    const cell = (key: keyof Figures) => {
      const now = median(mine.map((f) => f[key]));
      if (!baseline) return Math.round(now).toLocaleString("en");
      const before = median(theirs.map((f) => f[key]));
      return `${Math.round(before).toLocaleString("en")} → ${Math.round(now).toLocaleString("en")} (${before ? (now / before).toFixed(2) : "–"}×)`;
    };
    console.log(`| ${name} | ${cell("blocking")} | ${cell("longest")} | ${cell("busy")} |`);
  }
} finally {
  await browser.close();
  await server.cleanup();
}
