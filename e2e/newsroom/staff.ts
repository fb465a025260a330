import { expect, type APIRequestContext, type Browser, type Page, type PlaywrightWorkerArgs } from "@playwright/test";

/** Demo staff (scripts/lib/seed.ts): one per role, all with the demo password. */
export const PASSWORD = "dellboys-demo-2026";
export const staff = {
  admin: "admin@dellboys.example",
  editor: "editor@dellboys.example",
  author: "author@dellboys.example",
  contributor: "contributor@dellboys.example",
} as const;
export type Role = keyof typeof staff;

export async function signIn(page: Page, role: Role, next = "/dashboard") {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(staff[role]);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next, { timeout: 20_000 });
}

/** A signed-in browser context of its own (for two people at once). */
export async function staffPage(browser: Browser, role: Role, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, role);
  return page;
}

/**
 * An API client signed in as `role` through Auth.js's own endpoints; it sends our Origin on every
 * request unless `sendOrigin` is false (to test the Origin check itself).
 */
export async function apiSession(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, role: Role, { sendOrigin = true } = {}): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: sendOrigin ? { Origin: new URL(baseURL).origin } : {} });
  const csrf = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.post("/api/auth/callback/credentials", { form: { email: staff[role], password: PASSWORD, csrfToken: csrf.csrfToken }, maxRedirects: 0 });
  expect((await context.get("/api/v1/media")).status(), `${role} signed in`).toBe(200);
  return context;
}

/** Same-origin headers for cookie-authenticated API writes (browsers send Origin themselves). */
export const sameOrigin = (baseURL: string) => ({ Origin: new URL(baseURL).origin });

export async function apiJson<T = unknown>(request: APIRequestContext, method: string, path: string, baseURL: string, data?: unknown, headers: Record<string, string> = {}) {
  const response = await request.fetch(path, { method, data, headers: { ...sameOrigin(baseURL), ...headers } });
  const body = (await response.json().catch(() => null)) as { data?: T; error?: { code: string; message: string; fields?: Record<string, string> } } | null;
  return { status: response.status(), body, headers: response.headers() };
}

export async function expectNoStore(headers: Record<string, string>) {
  expect(headers["cache-control"] ?? "").toMatch(/no-store/);
}

/** A unique headline per test run. */
export const uniqueHeadline = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * A new draft made from the article list, with its headline (and a first paragraph, when given),
 * once autosave has saved it; the page stays on its editor. Its id.
 */
export async function newDraft(page: Page, headline: string, paragraph?: string) {
  await page.getByRole("button", { name: "New article" }).click();
  await page.waitForURL(/\/dashboard\/articles\/[^/]+$/);
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  if (paragraph) {
    await page.getByRole("textbox", { name: "Body" }).click();
    await page.keyboard.type(paragraph);
  }
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  return page.url().split("/").pop()!;
}
