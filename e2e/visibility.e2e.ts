import { expect, test } from "@playwright/test";
import { demoArticles } from "../scripts/seed/content.ts";

// The demo articles that must never be shown (see scripts/seed/content/unpublished.ts).
const hidden = demoArticles.filter((a) => a.status !== "PUBLISHED");

test("unpublished demo articles answer 404 (never public) or 410 (withdrawn) on their first request", async ({ request }) => {
  const front = await (await request.get("/")).text();
  expect(hidden.length).toBeGreaterThanOrEqual(7);
  for (const article of hidden) {
    const response = await request.get(`/${article.section}/${article.slug}`, { maxRedirects: 0 });
    // Archived articles were public once: they are gone, not missing.
    expect(response.status(), `${article.status} ${article.slug}`).toBe(article.status === "ARCHIVED" ? 410 : 404);
    expect(front).not.toContain(article.slug);
  }
});

test("a withdrawn article's page says so in the site's design, with a search box", async ({ page }) => {
  const archived = hidden.find((a) => a.status === "ARCHIVED")!;
  const response = await page.goto(`/${archived.section}/${archived.slug}`);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This story is no longer available");
  await expect(page.getByRole("searchbox")).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});

test("paths are canonical: upper case redirects permanently to lower case", async ({ request }) => {
  const response = await request.get("/Politics/Sessions-Offered-To-Quit-Amid-Rift-With-Trump", { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(new URL(response.headers().location!, "http://x").pathname).toBe("/politics/sessions-offered-to-quit-amid-rift-with-trump");
  // Feeds, sitemaps and robots.txt too (they skip the proxy's other work).
  for (const [given, canonical] of [["/Feed.xml", "/feed.xml"], ["/Politics/Feed.Atom", "/politics/feed.atom"], ["/Sitemap.xml", "/sitemap.xml"], ["/ROBOTS.TXT", "/robots.txt"]] as const) {
    const moved = await request.get(given, { maxRedirects: 0 });
    expect(moved.status(), given).toBe(301);
    expect(new URL(moved.headers().location!, "http://x").pathname, given).toBe(canonical);
    expect((await request.get(canonical)).status(), canonical).toBe(200);
  }
  // Percent-escapes are not letters to lower: "é" stays %C3%A9, in one hop and no more.
  const escaped = await request.get("/Tag/Caf%C3%A9", { maxRedirects: 0 });
  expect(escaped.status()).toBe(301);
  expect(new URL(escaped.headers().location!, "http://x").pathname).toBe("/tag/caf%C3%A9");
  expect((await request.get("/tag/caf%C3%A9", { maxRedirects: 0 })).status()).toBe(404);
  const slash = await request.get("/politics/", { maxRedirects: 0 });
  expect([301, 308]).toContain(slash.status());
  expect(new URL(slash.headers().location!, "http://x").pathname).toBe("/politics");
});

test("an article's earlier URL answers 301 to its current one, in one hop", async ({ request }) => {
  const response = await request.get("/politics/sessions-offered-to-quit", { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  const location = new URL(response.headers().location!, "http://x").pathname;
  expect(location).toBe("/politics/sessions-offered-to-quit-amid-rift-with-trump");
  expect((await request.get(location, { maxRedirects: 0 })).status()).toBe(200);
});
