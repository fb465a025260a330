import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { testScope } from "./tests/test-scope.ts";

// The tests build into a directory of their own (scripts/runtime/dist-dir.mjs): building into
// `.next` replaced the files under an `npm start` of the same checkout, whose pages then failed.
// The server and the workers inherit it.
process.env.NEXT_DIST_DIR ??= ".next-e2e";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// Debian's Chromium (see README); PLAYWRIGHT_CHROMIUM=bundled uses Playwright's own download.
// Headless runs use its old headless shell where it is installed, as Playwright does with its own
// download: the same Blink, without the full browser's work around it. reader.e2e.ts on both
// viewports took 92 s with it against 144-150 s (2026-12-06, alternating); the whole e2e run, 12.2
// against 16.9 min. A headed or debugging run needs the full browser. Only the runner sees the
// command line (workers load this file again, with their own arguments): it decides, and its
// workers inherit the choice as CHROMIUM_PATH.
const headed = process.argv.some((arg) => ["--headed", "--debug", "--ui"].includes(arg)) || Boolean(process.env.PWDEBUG);
const debianShell = "/usr/bin/chromium-headless-shell";
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM === "bundled"
    ? undefined
    : (process.env.CHROMIUM_PATH ??= !headed && existsSync(debianShell) ? debianShell : "/usr/bin/chromium");

// TEST_SCOPE=database (tests/test-scope.ts): the specs whose outcome the database can change.
// Left out: the phone viewport, and on desktop the specs that check only pages' layout,
// accessibility and markup (reader.e2e.ts, seo.e2e.ts, and the tests tagged @markup elsewhere:
// the dashboard's and search's accessibility, the staff pages' script policy), which read with the
// same queries as the specs kept.
const scope = testScope();
// The stored-XSS battery checks that what staff write comes out escaped, on pages and in every
// output: markup, which the database hands back as it was given.
const markupOnly = scope === "database" ? ["**/reader.e2e.ts", "**/seo.e2e.ts", "**/security/xss.e2e.ts"] : [];

// On CI's two cores, two workers drive browsers at the site; a third runs the cluster spec beside
// them, for it mostly waits (for a page to go stale, for a scheduled time) on sites of its own.
// Each project that drives the site keeps to two.
const browsers = 2;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.ts",
  fullyParallel: true,
  workers: process.env.CI ? browsers + 1 : undefined,
  grepInvert: scope === "database" ? /@markup/ : undefined,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Each test's first visits render pages and images on a two-core machine that also runs the
  // browser: 30 s was exceeded once in CI by a plain front-page visit and full-page screenshot
  // (34 s, while its neighbours took 17-27 s). Speed is measured in bench/, not here.
  timeout: 60_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    {
      // Starts `npm run cluster` (two instances, Redis, a load balancer) on its own database and
      // its own copy of the build, so nothing it does shows on the site under test, and the
      // reverse. Its tests run one at a time and mostly wait (for a page to go stale, for a
      // scheduled time): on the third worker, from the start, beside the reader specs. First in
      // this list, so that it has that worker from the start rather than being left for last.
      name: "cluster",
      testMatch: "cluster/**/*.e2e.ts",
    },
    {
      name: "desktop",
      workers: browsers,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
      testIgnore: ["**/newsroom/**", "**/cluster/**", "**/security/**", ...markupOnly],
    },
    {
      name: "mobile",
      workers: browsers,
      use: { ...devices["Pixel 7"], viewport: { width: 375, height: 740 } },
      // Machine-facing responses are the same for every viewport: checked once, on desktop.
      // The failed-page spec starts a server of its own: once (it looks at 375 px inside).
      testIgnore:
        scope === "database"
          ? ["**/*"]
          : ["**/feeds.e2e.ts", "**/seo.e2e.ts", "**/sitemaps.e2e.ts", "**/server.e2e.ts", "**/error-pages.e2e.ts", "**/newsroom/**", "**/cluster/**", "**/security/**"],
    },
    {
      // Staff publish, unpublish and curate here: run after the reader specs, which count on the
      // demo content as seeded. Phone widths are covered inside the specs.
      name: "newsroom",
      workers: browsers,
      testMatch: "newsroom/**/*.e2e.ts",
      testIgnore: ["**/permission-matrix.e2e.ts", "**/related-rails.e2e.ts", "**/prefetch-race.e2e.ts"],
      dependencies: ["desktop", "mobile"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
    },
    {
      // Publishes and deletes a hundred articles: after everything that looks at the front page.
      name: "permission-matrix",
      testMatch: "newsroom/permission-matrix.e2e.ts",
      dependencies: ["newsroom"],
    },
    {
      // Stored XSS: publishes, curates the front page and sets the banner, then undoes it all.
      // After the permission matrix, whose seventy articles would push these out of the feeds.
      name: "security",
      testMatch: "security/**/*.e2e.ts",
      testIgnore: markupOnly,
      dependencies: ["permission-matrix"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
    },
    {
      // Checks that a change leaves unrelated article pages cached, and the picks race with a
      // prefetch: alone, after everything that changes what every page shows (sections, banner,
      // picks), one after the other.
      name: "quiet",
      testMatch: ["newsroom/related-rails.e2e.ts", "newsroom/prefetch-race.e2e.ts"],
      workers: 1,
      dependencies: ["security"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
    },
  ],
  webServer: {
    command: "tsx --conditions=react-server scripts/e2e-server.ts",
    url: `${baseURL}/`,
    env: { PORT: String(port) },
    timeout: 600_000,
    reuseExistingServer: false,
    // Stopped with SIGTERM, so that scripts/e2e-server.ts drops its database and removes its
    // DATA_DIR (Playwright's default, SIGKILL, left 45 MB in the temporary directory per run and,
    // on PostgreSQL, a database).
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
