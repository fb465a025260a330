import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { THEME_INIT_SCRIPT } from "../../scripts/runtime/theme-init.mjs";
import { apiJson, apiSession, signIn, staffPage } from "./staff";
import { SEED_ARTICLE, SEED_HEADLINE, settle } from "../helpers";

// Staff pages (dashboard, sign-in, invitations) are never cached, so their Content-Security-Policy
// carries a new nonce on every response and no 'unsafe-inline' for scripts
// (scripts/runtime/http-policy.mjs). Here: every staff page, signed in, loads and runs under it
// with nothing refused, and a script injected without the nonce does not run.

const REVEAL_TIMER = "requestAnimationFrame(function(){$RT=performance.now()});";
/** Inline scripts written without the nonce: React's reveal timer; our theme script, cached with the root layout. */
const CONSTANT_SCRIPTS = [REVEAL_TIMER, THEME_INIT_SCRIPT];
const hashSource = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

function scriptPolicy(csp: string): string {
  return csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
}

/** The nonce of a staff page's policy, after checking the policy allows no inline script without it. */
function nonceOf(csp: string): string {
  const scripts = scriptPolicy(csp);
  expect(scripts).not.toContain("unsafe-inline");
  expect(scripts).not.toContain("unsafe-eval");
  const nonce = /'nonce-([A-Za-z0-9+/=]{22,})'/.exec(scripts)?.[1];
  expect(nonce, scripts).toBeTruthy();
  return nonce!;
}

/**
 * Every inline <script> of the HTML carries the nonce, but for the constant ones, which the policy
 * allows by their hashes; the theme script is on every page.
 */
function expectEveryInlineScriptAllowed(html: string, csp: string, path: string) {
  const nonce = nonceOf(csp);
  let inline = 0;
  let theme = 0;
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bsrc=/.test(attributes!) || /type="application\/(ld\+)?json"/.test(attributes!)) continue;
    inline++;
    if (body === THEME_INIT_SCRIPT) theme++;
    if (CONSTANT_SCRIPTS.includes(body!)) expect(scriptPolicy(csp), `${path}: ${body!.slice(0, 60)}`).toContain(hashSource(body!));
    else expect(attributes, `${path}: inline script ${body!.slice(0, 60)}`).toContain(`nonce="${nonce}"`);
  }
  expect(inline, `${path} has inline scripts to check`).toBeGreaterThan(1);
  expect(theme, `${path} sets the theme before first paint`).toBe(1);
}

/** Records CSP violations and script errors from the first byte on. */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __violations: string[] }).__violations ??= [];
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);

test("sign-in and invitation pages: a new nonce each time, every inline script carries it, nothing refused", async ({ page, request }) => {
  for (const path of ["/signin", "/signin?next=%2Fdashboard%2Fmedia", "/invite/not-a-real-token"]) {
    const first = await request.get(path);
    const second = await request.get(path);
    const [a, b] = [nonceOf(first.headers()["content-security-policy"]!), nonceOf(second.headers()["content-security-policy"]!)];
    expect(a, path).not.toBe(b);
    expectEveryInlineScriptAllowed(await first.text(), first.headers()["content-security-policy"]!, path);
  }
  const problems = await watchViolations(page);
  await signIn(page, "editor"); // the sign-in form's script runs under the policy
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test("every dashboard page loads and runs under the nonce policy; an injected script without the nonce is refused", { tag: "@markup" }, async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const problems = await watchViolations(page);
  await signIn(page, "admin");
  // The demo's own story: the newest article may be another test's draft, deleted meanwhile.
  const articles = await apiJson<Array<{ id: string; path: string }>>(page.request, "GET", `/api/v1/articles?q=${encodeURIComponent(SEED_HEADLINE)}`, baseURL!);
  const id = articles.body!.data!.find((a) => a.path === SEED_ARTICLE)!.id;
  const paths = ["/dashboard", `/dashboard/articles/${id}`, `/dashboard/articles/${id}/preview`, "/dashboard/media", "/dashboard/curation", "/dashboard/taxonomy", "/dashboard/users", "/dashboard/profile", "/dashboard/audit", "/dashboard/tokens"];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expectEveryInlineScriptAllowed(await response!.text(), (await response!.allHeaders())["content-security-policy"]!, path);
    await settle(page);
    expect(await violations(page), path).toEqual([]);
  }
  expect(problems).toEqual([]);

  // Client JavaScript runs (the editor is a client component), and a script without the nonce does not.
  await page.goto(`/dashboard/articles/${id}`);
  await expect(page.getByLabel("Headline", { exact: true })).toBeEditable();
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect((await violations(page)).join("\n")).toContain("script-src");
});

test("an article id that does not exist: 404 with the site's not-found page, whose scripts run under the staff policy", async ({ page }) => {
  const problems = await watchViolations(page);
  await signIn(page, "editor");
  for (const path of ["/dashboard/articles/no-such-article", "/dashboard/articles/no-such-article/preview"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    expectEveryInlineScriptAllowed(await response!.text(), (await response!.allHeaders())["content-security-policy"]!, path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
    await settle(page);
    expect(await violations(page), path).toEqual([]);
  }
  // Its scripts run: the theme button is hydrated (it names the theme it switches to) and works;
  // it did nothing when they were refused.
  const theme = page.getByRole("button", { name: /^Switch to (dark|light) theme$/ });
  const next = (await theme.getAttribute("aria-label"))!.includes("dark") ? "dark" : "light";
  await theme.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", next);
  expect(problems).toEqual([]);
});

test("a reader cannot hand Next.js a nonce of their choosing", async ({ request }) => {
  const html = await (await request.get("/politics", { headers: { "Content-Security-Policy": "script-src 'nonce-chosenbyreader'" } })).text();
  expect(html).not.toContain("chosenbyreader");
  const signin = await request.get("/signin", { headers: { "Content-Security-Policy": "script-src 'nonce-chosenbyreader'" } });
  expect(await signin.text()).not.toContain("chosenbyreader");
  expect(signin.headers()["content-security-policy"]).not.toContain("chosenbyreader");
});

test("another writer's draft: 404 with the not-found page for a writer who may not open it, the editor for an editor", async ({ browser, playwright, baseURL }) => {
  const author = await apiSession(playwright, baseURL!, "author");
  const created = await apiJson<{ id: string }>(author, "POST", "/api/v1/articles", baseURL!, { headline: `Not for the contributor ${Date.now().toString(36)}` });
  expect(created.status).toBe(201);
  const id = created.body!.data!.id;
  const contributor = await staffPage(browser, "contributor", baseURL!);
  const editor = await staffPage(browser, "editor", baseURL!);
  try {
    for (const path of [`/dashboard/articles/${id}`, `/dashboard/articles/${id}/preview`]) {
      const refused = await contributor.goto(path);
      expect(refused?.status(), `contributor ${path}`).toBe(404);
      await expect(contributor.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
      expect((await editor.goto(path))?.status(), `editor ${path}`).toBe(200);
    }
    await editor.goto(`/dashboard/articles/${id}`);
    await expect(editor.getByRole("heading", { level: 1, name: "Edit article" })).toBeVisible();
    // A session cookie that is not a session (forged, or from another secret) learns nothing: sign in.
    await contributor.context().addCookies([{ name: "authjs.session-token", value: "forged", url: baseURL! }]);
    await contributor.goto(`/dashboard/articles/${id}`);
    await expect(contributor).toHaveURL(/\/signin/);
  } finally {
    await apiJson(author, "DELETE", `/api/v1/articles/${id}?version=1`, baseURL!);
    await Promise.all([contributor.context().close(), editor.context().close(), author.dispose()]);
  }
});
