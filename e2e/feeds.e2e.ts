import { expect, test, type APIRequestContext } from "@playwright/test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { HIDDEN_TOKENS } from "./helpers";

// The twelve feeds of the demo site: whole site, a section, a tag and an author, in each format.
// Machine-readable responses do not depend on the viewport, so only the desktop project runs them.

const SCOPES = ["", "/politics", "/tag/parliament", "/author/tobias-renwick"];
const FORMATS = [
  { ext: "xml", type: "application/rss+xml; charset=utf-8", kind: "rss" },
  { ext: "atom", type: "application/atom+xml; charset=utf-8", kind: "atom" },
  { ext: "json", type: "application/feed+json; charset=utf-8", kind: "json" },
] as const;
const FEEDS = SCOPES.flatMap((scope) =>
  FORMATS.map((format) => ({ path: `${scope}/feed.${format.ext}`, ...format })),
);

interface ParsedFeed {
  self: string | null;
  home: string | null;
  items: {
    id: string | null;
    url: string | null;
    title: string | null;
    image: { url: string; type: string | null; length: number | null } | null;
  }[];
}

/** The feed as a reader sees it: the feed parser for RSS and Atom, JSON Feed checked by hand. */
function read(kind: "rss" | "atom" | "json", body: string): ParsedFeed {
  if (kind === "json") {
    const doc = JSON.parse(body);
    expect(doc.version).toBe("https://jsonfeed.org/version/1.1");
    expect(typeof doc.title).toBe("string");
    expect(Array.isArray(doc.items)).toBe(true);
    for (const item of doc.items) {
      for (const field of [
        "id",
        "url",
        "title",
        "content_html",
        "summary",
        "date_published",
        "date_modified",
      ]) {
        expect(typeof item[field], `${field} of ${item.url}`).toBe("string");
      }
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
      expect(Array.isArray(item.authors) && Array.isArray(item.tags)).toBe(true);
    }
    return {
      self: doc.feed_url,
      home: doc.home_page_url,
      items: doc.items.map((i: { id: string; url: string; title: string; image?: string }) => ({
        id: i.id,
        url: i.url,
        title: i.title,
        image: i.image ? { url: i.image, type: null, length: null } : null,
      })),
    };
  }
  // Strictly well-formed first: the feed parser is lenient by design and would hide mistakes.
  expect(XMLValidator.validate(body)).toBe(true);
  const feed = parseFeed(body);
  expect(feed.meta.type).toBe(kind);
  return {
    self: feed.self,
    home: feed.url,
    items: feed.items.map((i) => {
      const media = i.media[0];
      return {
        id: i.id,
        url: i.url,
        title: i.title,
        image: media ? { url: media.url, type: media.mimeType, length: media.length } : null,
      };
    }),
  };
}

/** Absolute URLs in feeds carry the configured site URL; this server may sit elsewhere. */
const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

async function fetchFeed(request: APIRequestContext, feed: (typeof FEEDS)[number]) {
  const response = await request.get(feed.path, { maxRedirects: 0 });
  expect(response.status(), feed.path).toBe(200);
  expect(response.headers()["content-type"], feed.path).toBe(feed.type);
  const body = await response.text();
  return { response, body, parsed: read(feed.kind, body) };
}

test.describe("feeds", () => {
  for (const feed of FEEDS) {
    test(`${feed.path} is a valid ${feed.kind} feed of public stories`, async ({ request }) => {
      const { response, body, parsed } = await fetchFeed(request, feed);
      expect(pathOf(parsed.self!)).toBe(feed.path);
      expect(parsed.items.length).toBeGreaterThan(0);
      expect(parsed.items.length).toBeLessThanOrEqual(50);
      for (const item of parsed.items) {
        expect(item.id, item.url ?? "").toMatch(/^tag:[^,]+,\d{4}-\d{2}-\d{2}:article:[a-z0-9]+$/);
        expect(item.title).toBeTruthy();
        expect(new URL(item.url!).origin).toBe(new URL(parsed.self!).origin);
      }
      for (const token of HIDDEN_TOKENS) expect(body, `${token} in ${feed.path}`).not.toContain(token);
      expect(response.headers()["cache-control"]).toMatch(/public/);
      expect(response.headers()["etag"]).toBeTruthy();
      expect(response.headers()["last-modified"]).toBeTruthy();
    });
  }

  test("every item links to a page that answers 200, and every hero image is what its enclosure says", async ({
    request,
  }) => {
    test.setTimeout(120_000); // some fifty pages and forty images, each rendered on its first request
    const pages = new Set<string>();
    const images = new Map<string, { type: string | null; length: number | null }>();
    for (const feed of FEEDS) {
      const { parsed } = await fetchFeed(request, feed);
      for (const item of parsed.items) {
        pages.add(pathOf(item.url!));
        if (item.image && feed.kind === "rss") images.set(pathOf(item.image.url), item.image);
      }
    }
    expect(pages.size).toBeGreaterThan(10);
    for (const path of pages) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
    }
    expect(images.size).toBeGreaterThan(0);
    for (const [path, image] of images) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"], path).toBe(image.type);
      expect((await response.body()).length, path).toBe(image.length);
    }
  });

  test("a scope readers cannot see answers 404 in every format", async ({ request }) => {
    for (const path of [
      "/no-such-section/feed.xml",
      "/tag/no-such-tag/feed.atom",
      "/author/no-such-author/feed.json",
      `/tag/${"x".repeat(300)}/feed.xml`,
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
    }
  });

  test("conditional requests: If-None-Match and If-Modified-Since answer 304, a stale ETag 200", async ({
    request,
  }) => {
    for (const path of ["/feed.xml", "/politics/feed.atom", "/tag/parliament/feed.json"]) {
      const first = await request.get(path);
      expect(first.status()).toBe(200);
      const etag = first.headers()["etag"]!;
      const lastModified = first.headers()["last-modified"]!;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(Number.isNaN(Date.parse(lastModified))).toBe(false);

      const byEtag = await request.get(path, { headers: { "If-None-Match": etag } });
      expect(byEtag.status(), path).toBe(304);
      expect((await byEtag.body()).length).toBe(0);
      expect(byEtag.headers()["etag"]).toBe(etag);

      const byDate = await request.get(path, { headers: { "If-Modified-Since": lastModified } });
      expect(byDate.status(), path).toBe(304);

      const stale = await request.get(path, { headers: { "If-None-Match": '"stale"' } });
      expect(stale.status(), path).toBe(200);
      expect(stale.headers()["etag"]).toBe(etag);
    }
  });
});
