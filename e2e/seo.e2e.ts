import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SEED_ARTICLE, SEED_HEADLINE } from "./helpers";

/**
 * What search engines and social sites read: titles, descriptions, canonical URLs, robots, Open
 * Graph and Twitter tags, feed autodiscovery, JSON-LD structured data and the generated images.
 * URLs in metadata are absolute, built from the site URL setting (not necessarily the address the
 * tests reach the server at), so they are compared by path and fetched by path.
 */


const SITE_NAME = "The Dell Boys";
// From the seed article (scripts/seed/content/seed-article.ts).
const SEED_SECTION = { slug: "politics", name: "Politics" };
const SEED_TAGS = [
  { slug: "us-politics", name: "US Politics" },
  { slug: "justice", name: "Justice" },
];
const SEED_AUTHOR = "tobias-renwick";
const SEED_PUBLISHED = "2017-06-06T18:30:00.000Z";

type Json = Record<string, unknown>;

async function metaContents(page: Page, attribute: "name" | "property", key: string): Promise<string[]> {
  return page
    .locator(`meta[${attribute}="${key}"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute("content") ?? ""));
}

async function metaContent(page: Page, attribute: "name" | "property", key: string): Promise<string> {
  const values = await metaContents(page, attribute, key);
  expect(values, `exactly one <meta ${attribute}="${key}">`).toHaveLength(1);
  return values[0]!;
}

async function canonical(page: Page): Promise<URL> {
  const hrefs = await page
    .locator('link[rel="canonical"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
  expect(hrefs).toHaveLength(1);
  expect(hrefs[0]).toMatch(/^https?:\/\//);
  return new URL(hrefs[0]!);
}

async function feedLinks(page: Page, type: string): Promise<{ href: string; title: string }[]> {
  return page
    .locator(`link[rel="alternate"][type="${type}"]`)
    .evaluateAll((els) =>
      els.map((e) => ({ href: e.getAttribute("href") ?? "", title: e.getAttribute("title") ?? "" })),
    );
}

async function jsonLd(page: Page): Promise<Json[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Json);
}

function ofType(blocks: Json[], type: string): Json {
  const found = blocks.filter((b) => b["@type"] === type);
  expect(found, `one ${type} block`).toHaveLength(1);
  expect(found[0]!["@context"]).toBe("https://schema.org");
  return found[0]!;
}

/** An absolute URL on the site (same origin as the canonical URL), returned as a URL. */
function siteUrl(value: unknown, origin: string): URL {
  expect(typeof value).toBe("string");
  expect(value as string).toMatch(/^https?:\/\//);
  const url = new URL(value as string);
  expect(url.origin).toBe(origin);
  return url;
}

/** Fetches an image by path (an absolute URL in metadata names the site URL, maybe not this server). */
async function expectPng(request: APIRequestContext, url: string, size?: { width: number; height: number }) {
  const { pathname, search } = new URL(url, "http://server.invalid");
  const response = await request.get(pathname + search);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const body = await response.body();
  expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
  // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
  if (size) expect({ width: body.readUInt32BE(16), height: body.readUInt32BE(20) }).toEqual(size);
}

/** The metadata every reader page has; returns the canonical URL. */
async function expectCommonMetadata(
  page: Page,
  request: APIRequestContext,
  expected: { path: string; title: string | RegExp; ogType: "website" | "article"; feed?: string },
): Promise<URL> {
  await expect(page).toHaveTitle(expected.title);
  expect((await metaContent(page, "name", "description")).length).toBeGreaterThan(10);

  const url = await canonical(page);
  expect(url.pathname).toBe(expected.path);
  expect(url.search).toBe("");

  expect(new URL(await metaContent(page, "property", "og:url")).href).toBe(url.href);
  expect(await metaContent(page, "property", "og:site_name")).toBe(SITE_NAME);
  expect(await metaContent(page, "property", "og:type")).toBe(expected.ogType);
  expect(await metaContent(page, "property", "og:locale")).toMatch(/^[a-z]{2,3}_[A-Z]{2}$/);
  expect((await metaContent(page, "property", "og:title")).length).toBeGreaterThan(0);
  expect((await metaContent(page, "property", "og:description")).length).toBeGreaterThan(0);
  const ogImage = await metaContent(page, "property", "og:image");
  siteUrl(ogImage, url.origin);
  expect(await metaContent(page, "property", "og:image:width")).toBe("1200");
  expect(await metaContent(page, "property", "og:image:height")).toBe("630");
  await expectPng(request, ogImage, { width: 1200, height: 630 });

  expect(await metaContent(page, "name", "twitter:card")).toBe("summary_large_image");
  expect(await metaContent(page, "name", "twitter:image")).toBe(ogImage);

  // Feed autodiscovery: the site's feeds on every page, plus this page's own first.
  const feedPaths = {
    "application/rss+xml": "/feed.xml",
    "application/atom+xml": "/feed.atom",
    "application/feed+json": "/feed.json",
  };
  for (const [type, sitePath] of Object.entries(feedPaths)) {
    const links = await feedLinks(page, type);
    const paths = links.map((l) => siteUrl(l.href, url.origin).pathname);
    expect(paths, type).toEqual(expected.feed ? [`${expected.feed}${sitePath}`, sitePath] : [sitePath]);
    for (const l of links) expect(l.title).toContain(SITE_NAME);
  }
  return url;
}

function expectBreadcrumbs(blocks: Json[], origin: string, trail: { name: string; path: string }[]) {
  const list = ofType(blocks, "BreadcrumbList");
  const items = list.itemListElement as Json[];
  expect(items.map((i) => i["@type"])).toEqual(trail.map(() => "ListItem"));
  expect(items.map((i) => i.position)).toEqual(trail.map((_, n) => n + 1));
  expect(items.map((i) => i.name)).toEqual(trail.map((t) => t.name));
  expect(items.map((i) => siteUrl(i.item, origin).pathname)).toEqual(trail.map((t) => t.path));
}

test.describe("search engine and social metadata", () => {
  test("front page: site title, WebSite with a working SearchAction, Organization with a logo", async ({
    page,
    request,
  }) => {
    expect((await page.goto("/"))?.status()).toBe(200);
    const url = await expectCommonMetadata(page, request, {
      path: "/",
      title: new RegExp(`^${SITE_NAME} – .+`),
      ogType: "website",
    });
    expect(await metaContents(page, "name", "robots")).toEqual([]);

    const blocks = await jsonLd(page);
    const site = ofType(blocks, "WebSite");
    expect(site.name).toBe(SITE_NAME);
    expect(siteUrl(site.url, url.origin).pathname).toBe("/");
    expect(typeof site.inLanguage).toBe("string");
    const action = site.potentialAction as Json;
    expect(action["@type"]).toBe("SearchAction");
    expect(action["query-input"]).toBe("required name=search_term_string");
    const target = action.target as Json;
    expect(target["@type"]).toBe("EntryPoint");
    const template = target.urlTemplate as string;
    expect(template).toBe(`${url.origin}/search?q={search_term_string}`);
    const search = await request.get(
      template.replace(url.origin, "").replace("{search_term_string}", "sessions"),
    );
    expect(search.status()).toBe(200);

    const org = ofType(blocks, "Organization");
    expect(org.name).toBe(SITE_NAME);
    expect(siteUrl(org.url, url.origin).pathname).toBe("/");
    const logo = org.logo as Json;
    expect(logo["@type"]).toBe("ImageObject");
    expect(logo.width).toBe(600);
    expect(logo.height).toBe(60);
    await expectPng(request, siteUrl(logo.url, url.origin).href, { width: 600, height: 60 });
  });

  test("article: title, article:* tags, NewsArticle and breadcrumbs", async ({ page, request }) => {
    expect((await page.goto(SEED_ARTICLE))?.status()).toBe(200);
    const url = await expectCommonMetadata(page, request, {
      path: SEED_ARTICLE,
      title: new RegExp(`^.+ \\| ${SITE_NAME}$`),
      ogType: "article",
    });
    expect(await metaContents(page, "name", "robots")).toEqual([]);

    // The article's own card, not the section's or the site's.
    const ogImage = new URL(await metaContent(page, "property", "og:image"));
    expect(ogImage.pathname).toMatch(new RegExp(`^${SEED_ARTICLE}/opengraph-image`));

    expect(await metaContent(page, "property", "article:published_time")).toBe(SEED_PUBLISHED);
    const modified = await metaContent(page, "property", "article:modified_time");
    expect(Date.parse(modified)).toBeGreaterThanOrEqual(Date.parse(SEED_PUBLISHED));
    expect(await metaContent(page, "property", "article:section")).toBe(SEED_SECTION.name);
    const authors = await metaContents(page, "property", "article:author");
    expect(authors.map((a) => siteUrl(a, url.origin).pathname)).toEqual([`/author/${SEED_AUTHOR}`]);
    expect(await metaContents(page, "property", "article:tag")).toEqual(SEED_TAGS.map((t) => t.name));

    const blocks = await jsonLd(page);
    const article = ofType(blocks, "NewsArticle");
    expect(article.headline).toBe(SEED_HEADLINE);
    expect((article.headline as string).length).toBeLessThanOrEqual(110);
    expect((article.description as string).length).toBeGreaterThan(10);
    expect(siteUrl(article.url, url.origin).href).toBe(url.href);
    expect(article.mainEntityOfPage).toEqual({ "@type": "WebPage", "@id": url.href });
    const images = article.image as string[];
    expect(images.length).toBeGreaterThanOrEqual(1);
    for (const image of images) {
      const response = await request.get(siteUrl(image, url.origin).pathname);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^image\//);
    }
    expect(article.datePublished).toBe(SEED_PUBLISHED);
    expect(Date.parse(article.dateModified as string)).toBeGreaterThanOrEqual(Date.parse(SEED_PUBLISHED));
    const author = article.author as Json[];
    expect(author).toHaveLength(1);
    expect(author[0]!["@type"]).toBe("Person");
    expect(author[0]!.name).toBe(
      await page.locator(`main a[href="/author/${SEED_AUTHOR}"]`).first().innerText(),
    );
    expect(siteUrl(author[0]!.url, url.origin).pathname).toBe(`/author/${SEED_AUTHOR}`);
    const publisher = article.publisher as Json;
    expect(publisher["@type"]).toBe("Organization");
    expect(publisher.name).toBe(SITE_NAME);
    const logo = publisher.logo as Json;
    expect(logo["@type"]).toBe("ImageObject");
    await expectPng(request, siteUrl(logo.url, url.origin).href, { width: 600, height: 60 });
    expect(article.articleSection).toBe(SEED_SECTION.name);
    expect(article.keywords).toEqual(SEED_TAGS.map((t) => t.name));
    expect(typeof article.inLanguage).toBe("string");
    for (const correction of (article.correction as Json[] | undefined) ?? []) {
      expect(correction["@type"]).toBe("CorrectionComment");
      expect(typeof correction.text).toBe("string");
      expect(Date.parse(correction.datePublished as string)).not.toBeNaN();
    }

    expectBreadcrumbs(blocks, url.origin, [
      { name: "Home", path: "/" },
      { name: SEED_SECTION.name, path: `/${SEED_SECTION.slug}` },
      { name: SEED_HEADLINE, path: SEED_ARTICLE },
    ]);
  });

  test("section page: canonical, section feeds, section card, breadcrumbs", async ({ page, request }) => {
    const path = `/${SEED_SECTION.slug}`;
    expect((await page.goto(path))?.status()).toBe(200);
    const url = await expectCommonMetadata(page, request, {
      path,
      title: `${SEED_SECTION.name} | ${SITE_NAME}`,
      ogType: "website",
      feed: path,
    });
    expect(new URL(await metaContent(page, "property", "og:image")).pathname).toMatch(
      new RegExp(`^${path}/opengraph-image`),
    );
    const blocks = await jsonLd(page);
    expectBreadcrumbs(blocks, url.origin, [
      { name: "Home", path: "/" },
      { name: SEED_SECTION.name, path },
    ]);
    const collection = ofType(blocks, "CollectionPage");
    expect(collection.name).toBe(SEED_SECTION.name);
    expect(siteUrl(collection.url, url.origin).pathname).toBe(path);
  });

  test("tag page: canonical, tag feeds, breadcrumbs", async ({ page, request }) => {
    const tag = SEED_TAGS[1]!;
    const path = `/tag/${tag.slug}`;
    expect((await page.goto(path))?.status()).toBe(200);
    const url = await expectCommonMetadata(page, request, {
      path,
      title: `${tag.name} | ${SITE_NAME}`,
      ogType: "website",
      feed: path,
    });
    expectBreadcrumbs(await jsonLd(page), url.origin, [
      { name: "Home", path: "/" },
      { name: tag.name, path },
    ]);
  });

  test("author page: canonical, author feeds, ProfilePage with the author as a Person", async ({
    page,
    request,
  }) => {
    const path = `/author/${SEED_AUTHOR}`;
    expect((await page.goto(path))?.status()).toBe(200);
    const name = (await page.locator("h1:visible").innerText()).trim();
    const url = await expectCommonMetadata(page, request, {
      path,
      title: `${name} | ${SITE_NAME}`,
      ogType: "website",
      feed: path,
    });
    const blocks = await jsonLd(page);
    const profile = ofType(blocks, "ProfilePage");
    expect(siteUrl(profile.url, url.origin).pathname).toBe(path);
    const person = profile.mainEntity as Json;
    expect(person["@type"]).toBe("Person");
    expect(person.name).toBe(name);
    expect(siteUrl(person.url, url.origin).pathname).toBe(path);
    expect(person.description).toBe(await metaContent(page, "name", "description"));
    expectBreadcrumbs(blocks, url.origin, [
      { name: "Home", path: "/" },
      { name, path },
    ]);
  });

  test("search results: not indexed but followed, canonical /search", async ({ page, request }) => {
    expect((await page.goto("/search?q=x"))?.status()).toBe(200);
    await expectCommonMetadata(page, request, {
      path: "/search",
      title: `Search | ${SITE_NAME}`,
      ogType: "website",
    });
    expect(await metaContent(page, "name", "robots")).toBe("noindex, follow");
  });
});

test.describe("generated images and icons", () => {
  test("an article that is not public has no card, and its page is still 404 on the first request", async ({
    page,
    request,
  }) => {
    await page.goto(SEED_ARTICLE);
    const card = new URL(await metaContent(page, "property", "og:image"));
    const cardName = card.pathname.split("/").at(-1)!;
    const missing = `/politics/no-such-story-${Date.now()}`;
    expect((await request.get(missing)).status()).toBe(404);
    expect((await request.get(`${missing}/${cardName}`)).status()).toBe(404);
    // Wrong section: the page redirects; the card does not exist there.
    expect((await request.get(`/world/${SEED_ARTICLE.split("/").at(-1)}/${cardName}`)).status()).toBe(404);
    // A draft, a scheduled and an archived story of the demo content (scripts/seed/content/unpublished.ts).
    for (const path of [
      "/local/draft-council-budget-leak",
      "/politics/scheduled-guide-to-the-budget-vote",
      "/business/archived-ferry-fares-report",
    ]) {
      expect((await request.get(`${path}/${cardName}`)).status(), path).toBe(404);
    }
  });

  test("the site card, the icon and favicon.ico are served", async ({ request }) => {
    await expectPng(request, "/opengraph-image", { width: 1200, height: 630 });
    await expectPng(request, "/icon");
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)$/);
  });
});
