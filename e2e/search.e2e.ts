import { expect, test, type Page } from "@playwright/test";
import { expectAccessibleInBothThemes, expectNoHorizontalScroll, HIDDEN_TOKENS } from "./helpers";

// A demo article (scripts/seed/content/science.ts) whose headline word also appears in one
// story of another section (local.ts: the bypass crosses the orchid's marsh).
const WORD = "orchid";
const HEADLINE = "Rare orchid returns to Dell Marshes after 70 years";
const OTHER_SECTION = { slug: "local", name: "Local" };

const searchForm = (page: Page) => page.getByRole("search", { name: "Articles" });
const resultItems = (page: Page) => page.locator("main ol > li");

test.describe("search", () => {
  test("/search shows the form, a prompt and no results", async ({ page }) => {
    const response = await page.goto("/search");
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("h1")).toHaveText("Search");
    const form = searchForm(page);
    await expect(form.getByRole("searchbox", { name: "Search for" })).toBeVisible();
    await expect(form.getByRole("combobox", { name: "Section" })).toBeVisible();
    expect(await form.getByRole("combobox", { name: "Section" }).locator("option").count()).toBeGreaterThan(
      1,
    );
    await expect(form.getByRole("button", { name: "Search" })).toBeVisible();
    await expect(page.getByText("Type a word or a phrase")).toBeVisible();
    await expect(resultItems(page)).toHaveCount(0);
    await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute("content", /noindex/);
    await expectNoHorizontalScroll(page);
  });

  test("finds a demo article by a word of its headline, first, with the match marked", async ({
    page,
  }, testInfo) => {
    await page.goto("/search");
    await searchForm(page).getByRole("searchbox", { name: "Search for" }).fill(WORD);
    await searchForm(page).getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${WORD}`));
    await expect(
      page.getByRole("heading", { level: 2, name: new RegExp(`^\\d+ results? for “${WORD}”$`) }),
    ).toBeVisible();
    const first = resultItems(page).first();
    await expect(first.getByRole("link", { name: HEADLINE })).toBeVisible();
    await expect(first.locator("mark").first()).toHaveText(new RegExp(WORD, "i"));
    await expect(first.getByText("Science", { exact: true })).toBeVisible();
    await expect(first.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    // The form keeps the query for refining it.
    await expect(searchForm(page).getByRole("searchbox", { name: "Search for" })).toHaveValue(WORD);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: testInfo.outputPath("search-results.png"), fullPage: true });
  });

  test("finds a writer's stories by their byline, shows it, and offers the writer's page", async ({ page }) => {
    await page.goto("/search?q=wendell+ashgrove");
    const hit = resultItems(page).filter({ has: page.getByRole("link", { name: HEADLINE }) });
    await expect(hit).toHaveCount(1);
    await expect(hit.getByText(/· Wendell Ashgrove$/)).toBeVisible();
    await expect(resultItems(page).getByText(/· .*Wendell Ashgrove/)).toHaveCount(await resultItems(page).count());
    const pages = page.getByRole("list", { name: "Pages for this search" });
    await pages.getByRole("link", { name: "All stories by Wendell Ashgrove" }).click();
    await expect(page).toHaveURL(/\/author\/wendell-ashgrove$/);
  });

  test("a search for a tag's name offers the tag's page; a word of it does not", async ({ page }) => {
    await page.goto("/search?q=CLIMATE");
    const pages = page.getByRole("list", { name: "Pages for this search" });
    await expect(pages.getByRole("link")).toHaveCount(1);
    await expect(pages.getByRole("link", { name: "All stories tagged “Climate”" })).toHaveAttribute("href", "/tag/climate");
    await page.goto("/search?q=wendell");
    await expect(resultItems(page).first()).toBeVisible();
    await expect(page.getByRole("list", { name: "Pages for this search" })).toHaveCount(0);
  });

  test("results are in the page as sent: a reader without JavaScript gets them, and React takes the page over", async ({
    page,
    browser,
    baseURL,
  }) => {
    // Next.js streams search's results after its static shell, for a script of React's to move
    // into place; the server puts them there itself (scripts/runtime/streamed-boundaries.mjs).
    const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
    try {
      const plain = await noScript.newPage();
      await plain.goto("/search");
      await searchForm(plain).getByRole("searchbox", { name: "Search for" }).fill(WORD);
      await searchForm(plain).getByRole("button", { name: "Search" }).click();
      await expect(plain).toHaveURL(new RegExp(`/search\\?q=${WORD}`));
      await expect(resultItems(plain).first().getByRole("link", { name: HEADLINE })).toBeVisible();
      await expect(plain.getByText("Searching…")).toHaveCount(0);
      // The form keeps the search, to refine it: here by a section.
      await expect(searchForm(plain).getByRole("searchbox", { name: "Search for" })).toHaveValue(WORD);
      await searchForm(plain).getByRole("combobox", { name: "Section" }).selectOption(OTHER_SECTION.slug);
      await searchForm(plain).getByRole("button", { name: "Search" }).click();
      await expect(plain).toHaveURL(new RegExp(`q=${WORD}&section=${OTHER_SECTION.slug}`));
      await expect(plain.getByRole("heading", { level: 2, name: new RegExp(`for “${WORD}” in ${OTHER_SECTION.name}$`) })).toBeVisible();
      await expect(searchForm(plain).getByRole("searchbox", { name: "Search for" })).toHaveValue(WORD);
      await expect(searchForm(plain).getByRole("combobox", { name: "Section" })).toHaveValue(OTHER_SECTION.slug);
      expect(await plain.locator("#search-q").count(), "one search field").toBe(1);
      // The next page of a longer list, too.
      await plain.goto("/search?q=dellbridge");
      await expect(resultItems(plain)).toHaveCount(12);
      await plain.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: /older/i }).click();
      await expect(resultItems(plain).first()).toBeVisible();
    } finally {
      await noScript.close();
    }
    // Each result is sent twice: in the HTML and in the payload React hydrates from. Not a third
    // time, in a prefetch copy of the page Next.js embeds with Partial Prefetching (next.config.ts).
    const html = await (await page.request.get(`/search?q=${WORD}`)).text();
    expect(html.split(HEADLINE).length - 1, "the headline's copies in the page").toBe(2);
    // With JavaScript the same page hydrates without complaint, and its links navigate in the client.
    const problems: string[] = [];
    page.on("console", (message) => { if (message.type() === "error") problems.push(message.text()); });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`/search?q=${WORD}`);
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    await resultItems(page).first().getByRole("link", { name: HEADLINE }).click();
    await expect(page.locator("h1:visible")).toHaveText(HEADLINE);
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce), "a client navigation").toBe(true);
    expect(problems).toEqual([]);
  });

  test("the results page has no accessibility violations in light and dark themes", { tag: "@markup" }, async ({ page }) => {
    await page.goto(`/search?q=${WORD}`);
    await expect(resultItems(page).first().locator("mark").first()).toBeVisible();
    await expectAccessibleInBothThemes(page);
    // After the reload in the dark theme the results are still there.
    await expect(resultItems(page).first().locator("mark").first()).toBeVisible();
  });

  test("sorts newest first and back; a refined search and the next page keep the order", async ({ page }) => {
    await page.goto("/search?q=council");
    const sorting = page.getByRole("navigation", { name: "Sort results" });
    await expect(sorting.locator('[aria-current="true"]')).toHaveText("Best match");
    await sorting.getByRole("link", { name: "Newest" }).click();
    await expect(page).toHaveURL(/[?&]sort=newest/);
    await expect(sorting.locator('[aria-current="true"]')).toHaveText("Newest");
    await expect(resultItems(page).first()).toBeVisible();
    const dates = await resultItems(page).locator("time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime")!));
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    const next = page.getByRole("link", { name: /next/i });
    if (await next.count()) await expect(next.first()).toHaveAttribute("href", /sort=newest/);
    // Refining the query keeps the order.
    await searchForm(page).getByRole("searchbox", { name: "Search for" }).fill("council budget");
    await searchForm(page).getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=council\+budget.*sort=newest|sort=newest.*q=council\+budget/);
    await sorting.getByRole("link", { name: "Best match" }).click();
    await expect(page).not.toHaveURL(/sort=/);
    await expect(sorting.locator('[aria-current="true"]')).toHaveText("Best match");
  });

  test("filters by section", async ({ page }) => {
    await page.goto(`/search?q=${WORD}`);
    await expect(resultItems(page)).not.toHaveCount(0);
    const all = await resultItems(page).count();
    expect(all).toBeGreaterThanOrEqual(2);
    // The form as sent shows the query, so that choosing a section refines this search, also before
    // React has the page (its scripts come after first paint, scripts/runtime/deferred-scripts.mjs).
    await expect(searchForm(page).getByRole("searchbox", { name: "Search for" })).toHaveValue(WORD);
    await searchForm(page).getByRole("combobox", { name: "Section" }).selectOption(OTHER_SECTION.slug);
    await searchForm(page).getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`section=${OTHER_SECTION.slug}`));
    await expect(
      page.getByRole("heading", { level: 2, name: new RegExp(`for “${WORD}” in ${OTHER_SECTION.name}$`) }),
    ).toBeVisible();
    const inSection = await resultItems(page).count();
    expect(inSection).toBeGreaterThanOrEqual(1);
    expect(inSection).toBeLessThan(all);
    await expect(page.getByRole("link", { name: HEADLINE })).toHaveCount(0);
    for (const kicker of await resultItems(page).locator("article > p:first-child").allInnerTexts()) {
      expect(kicker.toLowerCase()).toBe(OTHER_SECTION.name.toLowerCase());
    }
  });

  test("pages through many results, keeping the query", async ({ page }) => {
    // The town's name is in more than a page (12) of demo stories.
    await page.goto("/search?q=dellbridge");
    // Results stream in after the static shell: wait for them before reading.
    await expect(resultItems(page).locator("h3 a")).toHaveCount(12);
    const firstPage = await resultItems(page).locator("h3 a").allInnerTexts();
    expect(firstPage).toHaveLength(12);
    await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: /older/i }).click();
    await expect(page).toHaveURL(/\/search\?q=dellbridge&page=2$/);
    await expect(
      page.getByRole("navigation", { name: "Pagination" }).locator('[aria-current="page"]'),
    ).toHaveText(/2/);
    await expect(resultItems(page).locator("h3 a").first()).toBeVisible();
    const secondPage = await resultItems(page).locator("h3 a").allInnerTexts();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((h) => firstPage.includes(h))).toEqual([]);
  });

  test("a search without results says so and suggests sections", async ({ page }) => {
    const q = "zzqqxxnothingmatches";
    await page.goto(`/search?q=${q}`);
    const region = page.getByRole("region", { name: `No results for “${q}”` });
    await expect(region).toBeVisible();
    await expect(resultItems(page)).toHaveCount(0);
    await expect(region.locator('a[href="/science"]')).toBeVisible();
    expect(await region.locator("a").count()).toBeGreaterThanOrEqual(8);
    await expectNoHorizontalScroll(page);
  });

  test("a long unbroken query does not widen the page", async ({ page }) => {
    await page.goto(`/search?q=${"unbrokenword".repeat(16)}`);
    await expect(page.getByRole("heading", { level: 2, name: /^No results for/ })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });

  test("drafts, articles in review, future-scheduled and archived articles are never found", async ({
    page,
  }) => {
    const { demoArticles } = await import("../scripts/seed/content.ts");
    const hidden = demoArticles.filter((a) => a.status !== "PUBLISHED");
    for (const token of HIDDEN_TOKENS) {
      await page.goto(`/search?q=${token}`);
      await expect(page.getByRole("heading", { level: 2, name: `No results for “${token}”` })).toBeVisible();
      await expect(resultItems(page)).toHaveCount(0);
      const html = await page.content();
      for (const article of hidden) expect(html, token).not.toContain(article.slug);
    }
  });

  test("a page number past the last page, or not a page number, is not found", async ({ page }) => {
    for (const url of ["/search?q=x&page=999", `/search?q=${WORD}&page=0`, `/search?q=${WORD}&page=abc`]) {
      const response = await page.goto(url);
      // Decided in src/proxy.ts before rendering: the page's shell would start a 200 before its
      // results (which read the URL) know there are none.
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: /can.t find that page/i }), url).toBeVisible();
      await expect(page.locator('meta[name="robots"][content*="noindex"]').first(), url).toBeAttached();
      await expect(resultItems(page), url).toHaveCount(0);
    }
  });
});
