import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, request, test, type Browser, type Page } from "@playwright/test";
import { base32Decode, hotp, timeStep, totpAt } from "../../src/server/totp";
import { createTestDatabase, withClient, type TestDatabase } from "../../tests/test-database";
import { startFakeGitHub, type FakeGitHub } from "../fake-github";
import { expectAccessible } from "../helpers";
import { startLauncher, type Launched } from "../launcher";
import { PASSWORD, staff } from "./staff";

// TWO_STEP_REQUIRED_ROLES: on a server of its own where editors must sign in with two steps, the
// demo editor can do nothing but set it up (pages send them to their profile, actions and the
// API refuse), and everything opens once it is on. An author, not required, signs in as before.
// The server also signs staff in with "GitHub" (a stand-in, e2e/fake-github.ts): a member with
// two-step sign-in is asked for their code after it too.

const PORT = Number(process.env.E2E_TWO_STEP_PORT ?? 3400);
// The site's address by default (SITE_URL unset): where GitHub sends the browser back, and where
// Auth.js's own redirects go (Next.js names 127.0.0.1 "localhost").
const BASE = `http://localhost:${PORT}`;
const REQUIRED = "Your role requires two-step sign-in: set it up on your profile first.";
const TOKEN_REFUSED = "This API token's owner has a role that requires two-step sign-in: the token works again once they set it up on their profile.";

let server: Launched | undefined;
let database: TestDatabase | undefined;
let github: FakeGitHub | undefined;
let dataDir = "";
/** The demo editor's two-step key, once the first test has set it up. */
let editorSecret: Buffer | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "news-two-step-"));
  database = await createTestDatabase("news_two_step");
  github = await startFakeGitHub();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    LOG_REQUESTS: "0",
    TWO_STEP_REQUIRED_ROLES: "EDITOR",
    AUTH_GITHUB_ID: "fake-client",
    AUTH_GITHUB_SECRET: "fake-secret",
    AUTH_GITHUB_URL: github.url,
  };
  delete env.REDIS_URL;
  server = await startLauncher("start", env, { ready: /Ready in/ });
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
  await github?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signInAt(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: BASE })).newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  return page;
}

/** An API token of the member with this email, made straight in the database (as before a requirement). */
async function tokenOf(email: string, name: string): Promise<string> {
  const token = `dbn_${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  await withClient(database!.url, (db) =>
    db.query(`INSERT INTO "ApiToken" (id, name, prefix, "tokenHash", scope, "userId") SELECT $1, $2, $3, $4, 'WRITE', id FROM "User" WHERE email = $5`, [
      `token-${randomBytes(6).toString("hex")}`,
      name,
      token.slice(0, 10),
      hash,
      email,
    ]),
  );
  return token;
}

test("a role that requires two-step sign-in can only set it up until it is on; other roles are not asked", async ({ browser }) => {
  // The editor's API token, made before editors had to have two-step sign-in: refused until they
  // set it up, and the admins' list of tokens says why.
  const token = await tokenOf(staff.editor, "Editor's wire desk script");
  const script = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const refused = await script.get("/api/v1/users");
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(TOKEN_REFUSED);
  const admin = await signInAt(browser, staff.admin);
  await admin.waitForURL((url) => url.pathname === "/dashboard");
  await admin.goto("/dashboard/tokens");
  const row = admin.getByRole("row", { name: /Editor's wire desk script/ });
  await expect(row).toContainText(/Refused until .+ sets up two-step sign-in, which their role requires\./);

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
  editorSecret = secret;
  await panel.getByLabel("Code from the app").fill(totpAt(secret, new Date()));
  await panel.getByRole("button", { name: "Turn on" }).click();
  await panel.getByRole("button", { name: "I have kept them" }).click();
  await expect(panel).toContainText("Your role requires it: it stays on.");
  await expect(panel.getByRole("button", { name: "Turn off two-step sign-in" })).toHaveCount(0);
  await expect(editor.getByRole("alert").filter({ hasText: "Set up two-step sign-in to go on." })).toHaveCount(0);
  await editor.goto("/dashboard/curation");
  await expect(editor).toHaveURL(/\/dashboard\/curation$/);
  expect((await editor.request.get("/api/v1/users")).status()).toBe(200);
  expect((await script.get("/api/v1/users")).status(), "the token works again").toBe(200);
  await admin.reload();
  await expect(row).not.toContainText("Refused");
  await script.dispose();

  // An author signs in with the password alone, as before.
  const author = await signInAt(browser, staff.author);
  await author.waitForURL((url) => url.pathname === "/dashboard");
  await expect(author.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
});

/** A fresh browser signed in (or not) through "GitHub" as the account with this email. */
async function viaGitHub(browser: Browser, email: string, { verified = true } = {}): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: BASE })).newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.waitForURL((url) => url.href.startsWith(github!.url));
  await page.getByLabel("GitHub account email").fill(email);
  await page.getByLabel("Verified").setChecked(verified);
  await page.getByRole("button", { name: "Authorize" }).click();
  return page;
}

test("GitHub signs staff in by a verified address; with two-step sign-in on, the code is asked for after it; other accounts are refused", async ({ browser }) => {
  expect(editorSecret, "the first test sets up the editor's two-step sign-in").toBeDefined();
  // The editor has it on: GitHub is the first step, the code the second (a wrong one first).
  const editor = await viaGitHub(browser, staff.editor);
  await editor.waitForURL((url) => url.pathname === "/signin");
  await expect(editor.getByRole("status").filter({ hasText: "One more step: your account has two-step sign-in." })).toBeVisible();
  const code = editor.getByLabel("Code");
  await expect(code).toBeFocused();
  await expect(editor.getByRole("button", { name: "Sign in with GitHub" }), "no other way in at the code step").toHaveCount(0);
  // The ticket leaves the address bar (and the history) once the page is up.
  await expect(editor).toHaveURL(`${BASE}/signin`);
  await code.fill("000000");
  await editor.getByRole("button", { name: "Verify" }).click();
  await expect(code).toHaveAccessibleDescription(/That code is not right/);
  await code.fill(hotp(editorSecret!, timeStep(new Date()) + 1));
  await editor.getByRole("button", { name: "Verify" }).click();
  await editor.waitForURL((url) => url.pathname === "/dashboard");
  await editor.goto("/dashboard/profile");
  await expect(editor.getByRole("region", { name: "Recent sign-ins" }).getByRole("listitem").first()).toContainText("GitHub and app code");

  // The author has it off: GitHub alone signs them in, by a verified address that is not the
  // account's primary one.
  const author = await viaGitHub(browser, `author.at.home@example.com, ${staff.author}`);
  await author.waitForURL((url) => url.pathname === "/dashboard");
  await expect(author.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
  await expect(author.getByText(/ · author$/)).toBeVisible();

  // An account that is not a staff member's: refused, with a message.
  const stranger = await viaGitHub(browser, "stranger@example.com");
  await stranger.waitForURL((url) => url.pathname === "/signin");
  await expect(stranger.getByRole("alert").filter({ hasText: "not a staff member's here" })).toBeVisible();
  await expect(stranger.getByLabel("Password")).toBeVisible();
  await expectAccessible(stranger);
  // A GitHub account that has the author's address but never confirmed it: refused too.
  const impostor = await viaGitHub(browser, staff.author, { verified: false });
  await impostor.waitForURL((url) => url.pathname === "/signin");
  await expect(impostor.getByRole("alert").filter({ hasText: "not a staff member's here" })).toBeVisible();
});
