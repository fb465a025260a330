import { expect, test } from "@playwright/test";
import { expectAccessibleInBothThemes, expectNoHorizontalScroll, HIDDEN_TOKENS, SEED_ARTICLE, SEED_HEADLINE } from "./helpers";

test.describe("section, tag and author pages", () => {
  test("a section page lists its stories, newest first, from the navigation", async ({ page }, testInfo) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Politics" }).click();
    await expect(page).toHaveURL(/\/politics$/);
    await expect(page.locator("h1:visible")).toHaveText("Politics");
    const dates = await page.locator("main article:visible time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")!));
    expect(dates.length).toBeGreaterThanOrEqual(4);
    expect([...dates].sort().reverse()).toEqual(dates);
    await expect(page.getByRole("link", { name: SEED_HEADLINE })).toBeVisible();
    const html = await page.content();
    for (const token of HIDDEN_TOKENS) expect(html).not.toContain(token);
    await expectNoHorizontalScroll(page);
    await expectAccessibleInBothThemes(page);
    await page.screenshot({ path: testInfo.outputPath("section.png"), fullPage: true });
  });

  test("a tag page is reached from an article's tags and lists that article", async ({ page }) => {
    await page.goto(SEED_ARTICLE);
    await page.getByRole("navigation", { name: "Tags" }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/tag\/[a-z0-9-]+$/);
    await expect(page.locator("h1:visible")).toHaveCount(1);
    await expect(page.getByRole("link", { name: SEED_HEADLINE })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessibleInBothThemes(page);
  });

  test("an author page shows the bio and their stories, reached from the byline", async ({ page }, testInfo) => {
    await page.goto(SEED_ARTICLE);
    await page.locator('main a[href^="/author/"]').first().click();
    await expect(page).toHaveURL(/\/author\/[a-z0-9-]+$/);
    await expect(page.locator("h1:visible")).toHaveCount(1);
    await expect(page.locator("header p.text-lg")).not.toBeEmpty();
    await expect(page.getByRole("link", { name: SEED_HEADLINE })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessibleInBothThemes(page);
    await page.screenshot({ path: testInfo.outputPath("author.png"), fullPage: true });
  });

  test("page URLs are stable and bounded: out of range is 404, /page/1 goes to the first page", async ({ request }) => {
    const get = (path: string) => request.get(path, { maxRedirects: 0 });
    expect((await get("/politics")).status()).toBe(200);
    expect((await get("/politics/page/99")).status()).toBe(404);
    expect((await get("/politics/page/0")).status()).toBe(404);
    expect((await get("/politics/page/two")).status()).toBe(404);
    const first = await get("/politics/page/1");
    expect(first.status()).toBe(308);
    expect(first.headers().location).toBe("/politics");
    expect((await get("/no-such-section")).status()).toBe(404);
    expect((await get("/tag/no-such-tag")).status()).toBe(404);
    expect((await get("/author/no-such-person")).status()).toBe(404);
    // Staff with no public story have no public page (the admin wrote nothing).
    expect((await get("/author/admin")).status()).toBe(404);
  });
});

test.describe("article extras", () => {
  test("related stories and editors' picks, never the article itself; share links without scripts", async ({ page }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(SEED_ARTICLE);
    const related = page.getByRole("region", { name: "Related stories" });
    await expect(related.getByRole("link").first()).toBeVisible();
    const relatedHrefs = await related.locator("h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(relatedHrefs.length).toBeGreaterThan(0);
    expect(relatedHrefs).not.toContain(SEED_ARTICLE);
    await expect(page.getByRole("region", { name: "Editors’ picks" })).toBeVisible();
    const share = page.getByRole("navigation", { name: "Share this story" });
    await expect(share.getByRole("link", { name: /Email/ })).toHaveAttribute("href", /^mailto:/);
    await expect(share.getByRole("link", { name: /Facebook/ })).toHaveAttribute("href", /sessions-offered-to-quit/);
    // Nothing loaded from any other origin.
    const origin = new URL(page.url()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:"))).toEqual([]);
  });

  test("a corrected article shows its corrections box", async ({ page }) => {
    await page.goto("/business/kestrel-air-posts-first-profit-since-2019");
    const box = page.getByRole("complementary", { name: "Corrections" });
    await expect(box).toBeVisible();
    await expect(box.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  });

  test("the print stylesheet keeps the story and drops navigation and sharing", async ({ page }) => {
    await page.goto(SEED_ARTICLE);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("h1:visible")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Share this story" })).toBeHidden();
    await expect(page.locator("footer")).toBeHidden();
  });

  test("a page printed in the dark theme is dark text on white paper", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/local/dellbridge-bypass-approved-after-six-hour-meeting");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    // Every headline, subheading, paragraph and byline: dark (each channel below 100 of 255).
    const colours = await page.locator("main").evaluate((main) =>
      [...main.querySelectorAll("h1, h2, h3, p, figcaption, address, time")]
        .filter((e) => e.checkVisibility() && e.textContent!.trim())
        .map((e) => ({ text: e.textContent!.trim().slice(0, 40), colour: getComputedStyle(e).color })),
    );
    expect(colours.length).toBeGreaterThan(5);
    const pale = colours.filter(({ colour }) => (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).some((c) => Number(c) >= 100));
    expect(pale, "text too pale for white paper").toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
  });

  test("a reader's visit is counted without a write per view (beacon answers 204)", async ({ page }) => {
    const beacon = page.waitForResponse((r) => r.url().endsWith("/api/v1/views"));
    await page.goto(SEED_ARTICLE);
    expect((await beacon).status()).toBe(204);
  });

  test("a malformed view beacon is refused as every API route refuses bad input", async ({ request }) => {
    const post = (data: string) => request.post("/api/v1/views", { data, headers: { "Content-Type": "text/plain" } });
    const notJson = await post("id=abc");
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error).toEqual({ code: "bad_request", message: "The request body must be JSON." });
    const badId = await post(JSON.stringify({ id: "../../etc" }));
    expect(badId.status()).toBe(422);
    expect((await badId.json()).error).toEqual({ code: "invalid", message: "Some fields are not valid.", fields: { id: "Give the article's id." } });
    const tooBig = await post(JSON.stringify({ id: "x".repeat(2_000_000) }));
    expect(tooBig.status()).toBe(413);
  });
});

test.describe("front page sections", () => {
  test("has a block per section and a most-read list", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Most read" }).getByRole("listitem")).toHaveCount(5);
    for (const name of ["Politics", "World", "Business", "Sport"]) {
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${name}`) })).toBeVisible();
    }
  });

  test("is usable by keyboard: the skip link comes first and moves focus to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });
});

test.describe("narrow phones", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const path of ["/", "/politics/sessions-offered-to-quit-amid-rift-with-trump", "/politics", "/search?q=dellbridge"]) {
    test(`no horizontal scrolling at 320 px on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoHorizontalScroll(page);
    });
  }
});
