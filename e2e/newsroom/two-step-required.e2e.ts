import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { base32Decode, totpAt } from "../../src/server/totp";
import { createTestDatabase, type TestDatabase } from "../../tests/test-database";
import { startLauncher, type Launched } from "../launcher";
import { PASSWORD, staff } from "./staff";

// TWO_STEP_REQUIRED_ROLES: on a server of its own where editors must sign in with two steps, the
// demo editor can do nothing but set it up (pages send them to their profile, actions and the
// API refuse), and everything opens once it is on. An author, not required, signs in as before.

const PORT = Number(process.env.E2E_TWO_STEP_PORT ?? 3400);
const BASE = `http://127.0.0.1:${PORT}`;
const REQUIRED = "Your role requires two-step sign-in: set it up on your profile first.";

let server: Launched | undefined;
let database: TestDatabase | undefined;
let dataDir = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "news-two-step-"));
  database = await createTestDatabase("news_two_step");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    LOG_REQUESTS: "0",
    TWO_STEP_REQUIRED_ROLES: "EDITOR",
  };
  delete env.REDIS_URL;
  server = await startLauncher("start", env, { ready: /Ready in/ });
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signInAt(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: BASE })).newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

test("a role that requires two-step sign-in can only set it up until it is on; other roles are not asked", async ({ browser }) => {
  const editor = await signInAt(browser, staff.editor);
  await editor.waitForURL((url) => url.pathname === "/dashboard/profile" && url.searchParams.get("twoStep") === "required");
  await expect(editor.getByRole("alert").filter({ hasText: "Set up two-step sign-in to go on." })).toBeVisible();
  // Every other page sends them back; the API and other actions refuse.
  await editor.goto("/dashboard/curation");
  await expect(editor).toHaveURL(/\/dashboard\/profile\?twoStep=required$/);
  const api = await editor.request.get("/api/v1/users");
  expect(api.status()).toBe(403);
  expect(((await api.json()) as { error: { message: string } }).error.message).toBe(REQUIRED);
  await editor.getByRole("button", { name: "Save profile" }).click();
  await expect(editor.getByRole("alert").filter({ hasText: REQUIRED })).toBeVisible();

  // Set up: then the dashboard opens, and it cannot be turned off.
  const panel = editor.getByRole("region", { name: "Two-step sign-in" });
  await panel.getByRole("button", { name: "Set up two-step sign-in" }).click();
  const secret = base32Decode((await panel.getByTestId("two-step-secret").textContent())!)!;
  await panel.getByLabel("Code from the app").fill(totpAt(secret, new Date()));
  await panel.getByRole("button", { name: "Turn on" }).click();
  await panel.getByRole("button", { name: "I have kept them" }).click();
  await expect(panel).toContainText("Your role requires it: it stays on.");
  await expect(panel.getByRole("button", { name: "Turn off two-step sign-in" })).toHaveCount(0);
  await expect(editor.getByRole("alert").filter({ hasText: "Set up two-step sign-in to go on." })).toHaveCount(0);
  await editor.goto("/dashboard/curation");
  await expect(editor).toHaveURL(/\/dashboard\/curation$/);
  expect((await editor.request.get("/api/v1/users")).status()).toBe(200);

  // An author signs in with the password alone, as before.
  const author = await signInAt(browser, staff.author);
  await author.waitForURL((url) => url.pathname === "/dashboard");
  await expect(author.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
});
