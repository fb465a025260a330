import { expect, test, type APIRequestContext } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { HIDDEN_TOKENS } from "./helpers";

// Sitemaps and robots.txt against the built app with the demo content. Demo articles are published
// at fixed times before 2026-11-27 (scheduled ones go live hours after seeding), so what must be
// listed is computed from scripts/seed/content.ts and the clock at test time.

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
const XML_TYPE = "application/xml; charset=utf-8";
const HOUR = 3_600_000;
// Sitemaps are cached for minutes; the server starts with the test run, so nothing is older.
const CACHE_SLACK = 15 * 60_000;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => ["sitemap", "url", "image:image"].includes(name),
});

interface UrlEntry {
  loc: string;
  lastmod?: string;
  "image:image"?: { "image:loc": string; "image:caption"?: string }[];
  "news:news"?: {
    "news:publication": { "news:name": string; "news:language": string };
    "news:publication_date": string;
    "news:title": string;
  };
}

async function demo() {
  const content = await import("../scripts/seed/content.ts");
  const now = Date.now();
  const isPublic = (a: (typeof content.demoArticles)[number]) =>
    a.status === "PUBLISHED" && a.publishedAt !== null && Date.parse(a.publishedAt) <= now;
  const published = content.demoArticles.filter(isPublic);
  return {
    ...content,
    now,
    published,
    hidden: content.demoArticles.filter((a) => !isPublic(a)),
    path: (a: { section: string; slug: string }) => `/${a.section}/${a.slug}`,
  };
}

/** A sitemap: 200, XML content type, well-formed, no hidden content; its parsed document and body. */
async function fetchXml(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toBe(XML_TYPE);
  const body = await response.text();
  expect(XMLValidator.validate(body), path).toBe(true);
  for (const token of HIDDEN_TOKENS) expect(body, `${path} shows ${token}`).not.toContain(token);
  const { hidden } = await demo();
  for (const article of hidden)
    expect(body, `${path} lists ${article.status} ${article.slug}`).not.toContain(article.slug);
  return { doc: parser.parse(body), body, response };
}

/** A URL from a sitemap, requested on the server under test (the site URL setting may differ). */
const local = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

const w3c = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");

test.describe("robots.txt", () => {
  test("allows the site, keeps crawlers out of staff pages, the API and search, names both sitemaps", async ({
    request,
  }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
    const text = await response.text();
    const lines = text.split("\n").map((l) => l.trim());
    expect(lines).toContain("User-Agent: *");
    expect(lines).toContain("Allow: /");
    for (const path of ["/dashboard$", "/dashboard/", "/api/", "/search$", "/search?", "/signin$", "/preview/", "/invite/"])
      expect(lines).toContain(`Disallow: ${path}`);
    const sitemaps = lines.filter((l) => l.startsWith("Sitemap: ")).map((l) => l.slice("Sitemap: ".length));
    expect(sitemaps).toHaveLength(2);
    for (const url of sitemaps) expect(url).toMatch(/^https?:\/\/[^/]+\//);
    expect(sitemaps.map(local)).toEqual(["/sitemap.xml", "/sitemaps/news.xml"]);
    // The same site URL as the sitemaps themselves use.
    const { doc } = await fetchXml(request, "/sitemap.xml");
    expect(new URL(doc.sitemapindex.sitemap[0].loc).origin).toBe(new URL(sitemaps[0]!).origin);
    for (const url of sitemaps) expect((await request.get(local(url))).status()).toBe(200);
  });
});

test.describe("sitemaps", () => {
  test("the index lists every month with public articles, and sections, tags, authors and news", async ({
    request,
  }) => {
    const { published } = await demo();
    const { doc } = await fetchXml(request, "/sitemap.xml");
    expect(doc.sitemapindex["@xmlns"]).toBe(SITEMAP_NS);
    const entries: { loc: string; lastmod?: string }[] = doc.sitemapindex.sitemap;
    const paths = entries.map((e) => local(e.loc));
    // Newest month first; other specs may publish stories of their own, so demo months are a subset.
    const months = [...new Set(published.map((a) => a.publishedAt!.slice(0, 7)))];
    const articleSitemaps = paths.slice(0, -4);
    for (const m of months) expect(articleSitemaps).toContain(`/sitemaps/articles-${m}.xml`);
    for (const p of articleSitemaps)
      expect(p).toMatch(/^\/sitemaps\/articles-\d{4}-\d\d(-[2-9]|-[1-9]\d+)?\.xml$/);
    expect([...articleSitemaps].sort().reverse()).toEqual(articleSitemaps);
    expect(paths.slice(-4)).toEqual([
      "/sitemaps/sections.xml",
      "/sitemaps/tags.xml",
      "/sitemaps/authors.xml",
      "/sitemaps/news.xml",
    ]);
    for (const entry of entries.slice(0, articleSitemaps.length)) {
      expect(entry.lastmod, entry.loc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  test("every sitemap parses, lists the public pages, and every URL in it answers 200", async ({
    request,
  }) => {
    test.setTimeout(180_000);
    const { published, demoSections, path } = await demo();
    const { doc: index } = await fetchXml(request, "/sitemap.xml");
    const origin = new URL(index.sitemapindex.sitemap[0].loc).origin;

    const urls = new Map<string, string>(); // URL → the sitemap that lists it
    const lastmods = new Map<string, string | undefined>();
    for (const { loc } of index.sitemapindex.sitemap as { loc: string }[]) {
      urls.set(loc, "/sitemap.xml");
      const name = local(loc);
      const { doc } = await fetchXml(request, name);
      expect(doc.urlset["@xmlns"], name).toBe(SITEMAP_NS);
      expect(doc.urlset[name.endsWith("/news.xml") ? "@xmlns:news" : "@xmlns:image"], name).toBe(
        name.endsWith("/news.xml") ? NEWS_NS : IMAGE_NS,
      );
      for (const entry of (doc.urlset.url ?? []) as UrlEntry[]) {
        urls.set(entry.loc, name);
        if (!name.endsWith("/news.xml")) lastmods.set(local(entry.loc), entry.lastmod);
        for (const image of entry["image:image"] ?? []) urls.set(image["image:loc"], name);
      }
    }

    // Absolute URLs on one site; nothing from elsewhere.
    for (const url of urls.keys()) expect(new URL(url).origin, url).toBe(origin);
    // Every public demo article, with its lastmod (the later of publication and content update);
    // every section; the tags and authors of public articles.
    const lastmod = (a: (typeof published)[number]) =>
      a.updatedAt && Date.parse(a.updatedAt) > Date.parse(a.publishedAt!) ? a.updatedAt : a.publishedAt!;
    for (const a of published) expect(lastmods.get(path(a)), path(a)).toBe(w3c(lastmod(a)));
    for (const s of demoSections) expect(lastmods.has(`/${s.slug}`), s.slug).toBe(true);
    for (const tag of new Set(published.flatMap((a) => a.tags)))
      expect(lastmods.has(`/tag/${tag}`), tag).toBe(true);
    for (const author of new Set(published.flatMap((a) => a.authors)))
      expect(lastmods.has(`/author/${author}`), author).toBe(true);
    // Staff with no public story have no page, so no entry (the admin wrote nothing).
    expect(lastmods.has("/author/admin")).toBe(false);
    // Hero images are listed.
    expect([...urls.keys()].some((u) => new URL(u).pathname.startsWith("/media/"))).toBe(true);

    // Request them all (articles, sections, tags, authors, images, the sitemaps), a few at a time.
    const all = [...urls.keys()];
    expect(all.length).toBeGreaterThan(80);
    const failures: string[] = [];
    for (let i = 0; i < all.length; i += 8) {
      await Promise.all(
        all.slice(i, i + 8).map(async (url) => {
          const response = await request.get(local(url), { maxRedirects: 0 });
          if (response.status() !== 200) failures.push(`${response.status()} ${url} (in ${urls.get(url)})`);
        }),
      );
    }
    expect(failures).toEqual([]);
  });

  test("the news sitemap lists the public articles of the last 48 hours only", async ({ request }) => {
    const { published, path } = await demo();
    const { doc } = await fetchXml(request, "/sitemaps/news.xml");
    expect(doc.urlset["@xmlns:news"]).toBe(NEWS_NS);
    const now = Date.now();
    const entries: UrlEntry[] = doc.urlset.url ?? [];
    const byPath = new Map(published.map((a) => [path(a), a]));
    for (const entry of entries) {
      const news = entry["news:news"]!;
      expect(news["news:publication"]).toEqual({ "news:name": "The Dell Boys", "news:language": "en" });
      // Demo articles (other specs may publish their own; those are checked by the window only).
      const article = byPath.get(local(entry.loc));
      if (article) {
        expect(news["news:title"]).toBe(article.headline);
        expect(news["news:publication_date"]).toBe(w3c(article.publishedAt!));
      }
      const at = Date.parse(news["news:publication_date"]);
      expect(at).toBeLessThanOrEqual(now);
      expect(at, entry.loc).toBeGreaterThan(now - 48 * HOUR - CACHE_SLACK);
    }
    // Everything safely inside the window is there, newest first.
    const expected = published
      .filter((a) => Date.parse(a.publishedAt!) > now - 48 * HOUR + CACHE_SLACK)
      .map(path);
    const listed = entries.map((e) => local(e.loc));
    for (const p of expected) expect(listed).toContain(p);
    const dates = entries.map((e) => e["news:news"]!["news:publication_date"]);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  test("conditional GET answers 304 when nothing changed", async ({ request }) => {
    for (const path of [
      "/sitemap.xml",
      "/sitemaps/sections.xml",
      "/sitemaps/news.xml",
      "/sitemaps/articles-2026-11.xml",
    ]) {
      const first = await request.get(path);
      expect(first.status(), path).toBe(200);
      const etag = first.headers()["etag"];
      const lastModified = first.headers()["last-modified"];
      expect(etag, path).toMatch(/^"[^"]+"$/);
      expect(first.headers()["cache-control"], path).toMatch(/public/);
      const byEtag = await request.get(path, { headers: { "If-None-Match": etag! } });
      expect(byEtag.status(), path).toBe(304);
      expect(byEtag.headers()["etag"]).toBe(etag);
      expect((await byEtag.body()).length).toBe(0);
      if (lastModified) {
        expect(
          (await request.get(path, { headers: { "If-Modified-Since": lastModified } })).status(),
          path,
        ).toBe(304);
      }
      expect(
        (await request.get(path, { headers: { "If-None-Match": '"something-else"' } })).status(),
        path,
      ).toBe(200);
    }
  });

  test("unknown sitemaps, malformed months and months without public articles are 404", async ({
    request,
  }) => {
    for (const name of [
      "nope.xml",
      "articles.xml",
      "articles-2026-13.xml",
      "articles-0000-01.xml",
      "articles-1000-01.xml",
      "articles-2026-1.xml",
      "articles-2001-01.xml",
      "articles-2026-11-1.xml",
      "articles-2026-11-2.xml",
      "sections",
      "news.xml.gz",
    ]) {
      expect((await request.get(`/sitemaps/${name}`)).status(), name).toBe(404);
    }
  });
});
