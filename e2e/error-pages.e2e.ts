import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { cuttableProxy, throughPort } from "../tests/cuttable-proxy";
import { createTestDatabase, withClient, type TestDatabase } from "../tests/test-database";
import { requestFullExpiry } from "../scripts/runtime/expiry-protocol.mjs";
import { expectAccessible, SEED_ARTICLE, SEED_HEADLINE } from "./helpers";
import { startLauncher, type Launched } from "./launcher";
import { signIn } from "./newsroom/staff";

// A reader page that fails to render (the database unreachable, its page in no cache): Next.js
// answers 500 with an empty document its scripts fill (scripts/runtime/error-document.mjs); the
// server completes it, and says 503 when the database was what failed. And a
// dashboard page whose reads fail. On a server of its own, whose database connections go through a
// proxy this spec cuts.

const PORT = Number(process.env.E2E_ERRORS_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
/** The title of the 500 page (src/components/site/error-content.tsx). */
const SERVER_ERROR_TITLE = "Something went wrong";

let server: Launched | undefined;
let database: TestDatabase | undefined;
let databaseProxy: Awaited<ReturnType<typeof cuttableProxy>> | undefined;
let dataDir = "";
const secret = randomBytes(32).toString("base64url");

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "news-errors-"));
  database = await createTestDatabase("news_errors");
  const url = new URL(database.url);
  databaseProxy = await cuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    DATABASE_URL: throughPort(database.url, databaseProxy.port),
    AUTH_SECRET: secret,
    LOG_REQUESTS: "0",
  };
  delete env.REDIS_URL;
  // Its errors are this spec's doing: kept out of the test output unless the server does not start.
  server = await startLauncher("start", env, { ready: /Ready in/, quietErrors: true });
});

test.afterAll(async () => {
  await server?.stop();
  await databaseProxy?.close();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("a page that fails to render is written out whole: titled, styled, with its message, without JavaScript", async ({ browser, playwright }) => {
  const reader = await playwright.request.newContext({ baseURL: BASE });
  // The 500 page is read while the database answers (the site's chrome around it reads it); Next.js
  // answers its path with 500 whatever the page holds.
  const errorPage = await reader.get("/500");
  expect(errorPage.status()).toBe(500);
  expect(await errorPage.text()).toContain("Something went wrong on our side");

  databaseProxy!.cut();
  try {
    // Uncompressed, to check its length against the page (Next.js's was that of its empty document).
    const response = await reader.get(SEED_ARTICLE, { headers: { "accept-encoding": "identity" } });
    // For want of the database: temporary, said as the API says it.
    expect(response.status()).toBe(503);
    expect(response.headers()["retry-after"]).toBe("5");
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html><html id="__next_error__" lang="en"/);
    expect(html.match(/<title>[^<]*<\/title>/g)).toEqual([`<title>${SERVER_ERROR_TITLE}</title>`]);
    expect(html).toMatch(/<h1[^>]*>Something went wrong on our side<\/h1>/);
    expect(html).toContain('rel="stylesheet"');
    // Never indexed, said once.
    expect(html.match(/<meta name="robots"[^>]*>/g)).toHaveLength(1);
    expect(response.headers()["content-length"]).toBe(String(Buffer.byteLength(html)));
    expect(response.headers()["cache-control"]).toMatch(/no-store/);

    const noScript = await browser.newContext({ baseURL: BASE, javaScriptEnabled: false });
    try {
      const plain = await noScript.newPage();
      expect((await plain.goto(SEED_ARTICLE))?.status()).toBe(503);
      await expect(plain).toHaveTitle(SERVER_ERROR_TITLE);
      await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Something went wrong on our side");
      await expect(plain.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Politics" })).toBeVisible();
      await expect(plain.getByRole("searchbox")).toBeVisible();
      expect(await plain.getByRole("heading", { level: 1 }).evaluate((h) => getComputedStyle(h).fontFamily)).toMatch(/serif/i);
      // "Try again" asks for the page that failed: the empty address is the document's own.
      await expect(plain.getByRole("link", { name: "Try again" })).toHaveAttribute("href", "");
      databaseProxy!.mend();
      await plain.getByRole("link", { name: "Try again" }).click();
      await expect(plain.getByRole("heading", { level: 1 })).toHaveText(SEED_HEADLINE);
      expect(new URL(plain.url()).pathname).toBe(SEED_ARTICLE);
    } finally {
      await noScript.close();
    }
  } finally {
    databaseProxy!.mend();
    await reader.dispose();
  }
});

test("a page that fails for another reason than the database's absence is a 500, written out whole too", async ({ playwright }) => {
  const reader = await playwright.request.newContext({ baseURL: BASE });
  // The database answers, but not as the code expects (a table gone): a fault, not an outage.
  const articles = (name: string, to: string) => withClient(database!.url, (client) => client.query(`ALTER TABLE "${name}" RENAME TO "${to}"`));
  await articles("Article", "Article_away");
  try {
    const response = await reader.get("/science/satellite-built-by-dellbridge-sixth-formers-reaches-orbit");
    expect(response.status()).toBe(500);
    expect(response.headers()["retry-after"]).toBeUndefined();
    const html = await response.text();
    expect(html.match(/<title>[^<]*<\/title>/g)).toEqual([`<title>${SERVER_ERROR_TITLE}</title>`]);
    expect(html).toMatch(/<h1[^>]*>Something went wrong on our side<\/h1>/);
  } finally {
    await articles("Article_away", "Article");
    await reader.dispose();
  }
});

test("when the site's chrome cannot be rendered either: the build's copy of the 500 page, then the global error page in the site's design", async ({ browser, playwright }, testInfo) => {
  const reader = await playwright.request.newContext({ baseURL: BASE });
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 375, height: 740 } });
  // Everything expired just before the outage (as at an instance's start): the 500 page is in no
  // cache, and the root layout's reads (site settings, sections) are not cached either.
  expect((await requestFullExpiry(PORT, secret)).ok).toBe(true);
  databaseProxy!.cut();
  try {
    expect((await reader.get("/500")).headers()["x-cache"]).not.toBe("HIT");
    const response = await reader.get(SEED_ARTICLE, { headers: { "accept-encoding": "identity" } });
    expect(response.status()).toBe(503);
    const html = await response.text();
    expect(html.match(/<title>[^<]*<\/title>/g)).toEqual([`<title>${SERVER_ERROR_TITLE}</title>`]);
    expect(html).toMatch(/<h1[^>]*>Something went wrong on our side<\/h1>/);
    expect(html).toContain('rel="stylesheet"');
    expect(html).toContain('href="/politics"');
    expect(html.match(/<meta name="robots"[^>]*>/g)).toHaveLength(1);

    // With JavaScript, React draws the root layout's error page (app/global-error.tsx) over it:
    // titled, in the site's design and the reader's theme, and "Try again" works.
    await context.addInitScript(() => localStorage.setItem("theme", "dark"));
    const page = await context.newPage();
    expect((await page.goto(SEED_ARTICLE))?.status()).toBe(503);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Something went wrong on our side");
    await expect(page).toHaveTitle(SERVER_ERROR_TITLE);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    // Polled: React swaps the page as sent for its own error page, and a heading read in between is
    // detached (CI saw an empty font family).
    await expect.poll(() => page.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe("rgb(255, 255, 255)");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).evaluate((h) => getComputedStyle(h).fontFamily)).toMatch(/serif/i);
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath("global-error-375-dark.png"), fullPage: true });
    databaseProxy!.mend();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_HEADLINE);
  } finally {
    databaseProxy!.mend();
    await context.close();
    // The 500 page and the chrome's reads cached again, for the tests after.
    expect((await reader.get("/500")).status()).toBe(500);
    await reader.dispose();
  }
});

test("with JavaScript the failed page keeps its title and theme, tries again, and its links lead to the next page alone", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 375, height: 740 } });
  try {
    await context.addInitScript(() => localStorage.setItem("theme", "dark"));
    const page = await context.newPage();
    // Old stories (not among those rendered ahead), no one has asked for since the server started:
    // rendered on this request.
    const failing = "/world/estvia-central-bank-raises-rates-fourth-time";
    databaseProxy!.cut();
    expect((await page.goto(failing))?.status()).toBe(503);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Something went wrong on our side");
    // React draws the document afresh from its payload: the title and the stored theme stay.
    await expect(page).toHaveTitle(SERVER_ERROR_TITLE);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath("failed-page-375-dark.png"), fullPage: true });

    // The database is back: "Try again" renders the page.
    databaseProxy!.mend();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/central bank raises rates/);
    await expect(page.getByText("Something went wrong on our side")).toHaveCount(0);
    expect(new URL(page.url()).pathname).toBe(failing);

    // Failed again, then a link: the next page alone (a client navigation kept the message above it).
    databaseProxy!.cut();
    const another = "/culture/five-books-to-read-this-autumn";
    expect((await page.goto(another))?.status()).toBe(503);
    databaseProxy!.mend();
    await page.getByRole("link", { name: "Go to the front page" }).click();
    await expect(page).toHaveURL(`${BASE}/`);
    await expect(page.getByText("Something went wrong on our side")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  } finally {
    databaseProxy!.mend();
    await context.close();
  }
});

test("a dashboard page that fails keeps the dashboard around its message, and shows once its reads work again", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 900 } });
  // One read of one page fails (the audit log's table gone for a moment); the dashboard's own work.
  const auditTable = (name: string, to: string) => withClient(database!.url, (client) => client.query(`ALTER TABLE "${name}" RENAME TO "${to}"`));
  let renamed = false;
  try {
    const page = await context.newPage();
    await signIn(page, "admin");
    await auditTable("AuditLog", "AuditLog_away");
    renamed = true;
    // Streamed (its frame waits for the session inside a Suspense boundary): the status is sent
    // before the page fails, and the message comes in its place.
    await page.goto("/dashboard/audit");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page could not be shown");
    await expect(page).toHaveTitle("Something went wrong · Dashboard");
    // The dashboard's navigation is still there.
    await expect(page.getByRole("link", { name: "Audit log" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath("dashboard-error.png") });
    await auditTable("AuditLog_away", "AuditLog");
    renamed = false;
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Audit log/i);
    await expect(page.getByText("This page could not be shown")).toHaveCount(0);
  } finally {
    if (renamed) await auditTable("AuditLog_away", "AuditLog");
    await context.close();
  }
});

test("“New article” with the database unreachable says so beside the button, and opens a draft once it is back", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await signIn(page, "author");
    await page.goto("/dashboard");
    const button = page.getByRole("button", { name: "New article" });
    await expect(button).toBeEnabled();
    databaseProxy!.cut();
    await button.click();
    await expect(page.getByRole("alert").filter({ hasText: "database" })).toHaveText("The database is busy or unreachable. Nothing was changed; try again in a few seconds.");
    // Still the list, not an error page, and the button can be pressed again.
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles");
    databaseProxy!.mend();
    await button.click();
    await expect(page).toHaveURL(/\/dashboard\/articles\/[^/]+$/);
    await expect(page.getByLabel("Headline", { exact: true })).toHaveValue("Untitled draft");
  } finally {
    databaseProxy!.mend();
    await context.close();
  }
});
