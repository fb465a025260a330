import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  IMAGE_NS,
  NEWS_NS,
  SITEMAP_MAX_URLS,
  SITEMAP_NS,
  articleSitemapPath,
  newsLanguage,
  newsUrlsetXml,
  parseSitemapName,
  sitemapIndexXml,
  sitemapParts,
  urlsetXml,
} from "@/lib/sitemap-xml";
import { escapeXml, w3cDatetime } from "@/lib/xml";

// Attributes kept (namespaces), text never coerced to numbers, one-element lists still lists.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ["sitemap", "url", "image:image"].includes(name),
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

const HOSTILE = `Tom & Jerry's <b>"best"</b> ]]> &amp; \u0000\u0001\u0008\u000b\u000c\u001f\ufffe\uffff\ud800 x\ud83d\ude00y\ttab\nline`;
// What should survive: the text with characters XML 1.0 cannot carry removed (the emoji's pair stays).
const HOSTILE_CLEAN = `Tom & Jerry's <b>"best"</b> ]]> &amp;  x\ud83d\ude00y\ttab\nline`;

describe("escapeXml", () => {
  it("escapes the five predefined entities", () => {
    expect(escapeXml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&apos;");
    expect(escapeXml("a &amp; b")).toBe("a &amp;amp; b");
  });

  it("drops characters not allowed in XML 1.0 and keeps tab, newline, CR and astral characters", () => {
    expect(escapeXml("a\u0000b\u0007c\u001fd\ufffee\uffff")).toBe("abcde");
    expect(escapeXml("lone \ud800 high, lone \udc00 low")).toBe("lone  high, lone  low");
    expect(escapeXml("\t\n\r 😀 é \ud7ff \ue000 \ufffd")).toBe("\t\n\r 😀 é \ud7ff \ue000 \ufffd");
  });
});

describe("w3cDatetime", () => {
  it("gives UTC to the second", () => {
    expect(w3cDatetime("2026-11-27T09:30:15.123Z")).toBe("2026-11-27T09:30:15Z");
    expect(w3cDatetime(new Date(Date.UTC(2019, 0, 31, 23, 59, 59)))).toBe("2019-01-31T23:59:59Z");
    expect(w3cDatetime("2026-11-27T10:30:00+01:00")).toBe("2026-11-27T09:30:00Z");
  });

  it("refuses what is not a date", () => {
    expect(() => w3cDatetime("yesterday")).toThrow();
  });
});

describe("sitemapIndexXml", () => {
  it("lists sitemaps with loc and optional lastmod in the sitemaps.org namespace", () => {
    const xml = sitemapIndexXml([
      { loc: "https://news.example/sitemaps/articles-2026-11.xml", lastmod: "2026-11-27T09:30:00.000Z" },
      { loc: "https://news.example/sitemaps/tags.xml", lastmod: null },
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const doc = parse(xml);
    expect(doc.sitemapindex["@xmlns"]).toBe(SITEMAP_NS);
    expect(doc.sitemapindex.sitemap).toEqual([
      { loc: "https://news.example/sitemaps/articles-2026-11.xml", lastmod: "2026-11-27T09:30:00Z" },
      { loc: "https://news.example/sitemaps/tags.xml" },
    ]);
  });

  it("is a valid empty index with no sitemaps", () => {
    expect(parse(sitemapIndexXml([])).sitemapindex["@xmlns"]).toBe(SITEMAP_NS);
  });
});

describe("urlsetXml", () => {
  it("declares the image namespace and writes image entries", () => {
    const doc = parse(
      urlsetXml([
        {
          loc: "https://news.example/politics/a-story",
          lastmod: new Date("2026-11-20T08:00:00Z"),
          images: [{ loc: "https://news.example/media/2026/hero.jpg", caption: "The council chamber" }],
        },
        { loc: "https://news.example/politics", lastmod: null },
      ]),
    );
    expect(doc.urlset["@xmlns"]).toBe(SITEMAP_NS);
    expect(doc.urlset["@xmlns:image"]).toBe(IMAGE_NS);
    expect(doc.urlset.url).toEqual([
      {
        loc: "https://news.example/politics/a-story",
        lastmod: "2026-11-20T08:00:00Z",
        "image:image": [
          { "image:loc": "https://news.example/media/2026/hero.jpg", "image:caption": "The council chamber" },
        ],
      },
      { loc: "https://news.example/politics" },
    ]);
  });

  it("escapes hostile text in URLs, captions and titles, and stays well-formed", () => {
    const xml = urlsetXml([
      {
        loc: "https://news.example/x?a=1&b=<2>",
        images: [
          { loc: "https://news.example/media/a'b\".jpg", caption: HOSTILE, title: "</image:title><evil/>" },
        ],
      },
    ]);
    expect(xml).not.toContain("<evil");
    expect(xml).not.toContain("\u0000");
    expect(xml).toContain("https://news.example/x?a=1&amp;b=&lt;2&gt;");
    const [url] = parse(xml).urlset.url;
    expect(url.loc).toBe("https://news.example/x?a=1&b=<2>");
    expect(url["image:image"][0]["image:loc"]).toBe("https://news.example/media/a'b\".jpg");
    expect(url["image:image"][0]["image:caption"]).toBe(HOSTILE_CLEAN);
    expect(url["image:image"][0]["image:title"]).toBe("</image:title><evil/>");
  });

  it("leaves out empty captions and titles", () => {
    const xml = urlsetXml([
      { loc: "https://news.example/a", images: [{ loc: "https://news.example/i.png", caption: "" }] },
    ]);
    expect(xml).not.toContain("image:caption");
    expect(xml).not.toContain("image:title");
  });
});

describe("newsUrlsetXml", () => {
  it("writes Google News entries: publication name and language, publication date, title", () => {
    const doc = parse(
      newsUrlsetXml({ name: "The Dell Boys", language: "en-GB" }, [
        {
          loc: "https://news.example/local/a",
          title: "Bypass approved",
          publishedAt: "2026-11-27T07:15:00.000Z",
        },
      ]),
    );
    expect(doc.urlset["@xmlns"]).toBe(SITEMAP_NS);
    expect(doc.urlset["@xmlns:news"]).toBe(NEWS_NS);
    expect(doc.urlset.url).toEqual([
      {
        loc: "https://news.example/local/a",
        "news:news": {
          "news:publication": { "news:name": "The Dell Boys", "news:language": "en" },
          "news:publication_date": "2026-11-27T07:15:00Z",
          "news:title": "Bypass approved",
        },
      },
    ]);
  });

  it("escapes hostile site names and headlines", () => {
    const xml = newsUrlsetXml({ name: "Dell & Sons <News>", language: "en" }, [
      { loc: "https://news.example/a", title: HOSTILE, publishedAt: new Date("2026-11-27T07:15:00Z") },
      {
        loc: "https://news.example/b",
        title: "]]></news:title></news:news></url><url><loc>https://evil.example/</loc>",
        publishedAt: "2026-11-27T07:00:00Z",
      },
    ]);
    const urls = parse(xml).urlset.url;
    expect(urls).toHaveLength(2);
    expect(urls[0]["news:news"]["news:publication"]["news:name"]).toBe("Dell & Sons <News>");
    expect(urls[0]["news:news"]["news:title"]).toBe(HOSTILE_CLEAN);
    expect(urls[1]["news:news"]["news:title"]).toContain("https://evil.example/");
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual([
      "https://news.example/a",
      "https://news.example/b",
    ]);
  });

  it("is a valid empty urlset when nothing is new", () => {
    expect(parse(newsUrlsetXml({ name: "X", language: "en" }, [])).urlset["@xmlns:news"]).toBe(NEWS_NS);
  });
});

describe("newsLanguage", () => {
  it("gives an ISO 639 code, with Google's two Chinese exceptions", () => {
    expect(newsLanguage("en")).toBe("en");
    expect(newsLanguage("en-GB")).toBe("en");
    expect(newsLanguage("pt_BR")).toBe("pt");
    expect(newsLanguage(" FR ")).toBe("fr");
    expect(newsLanguage("zh-CN")).toBe("zh-cn");
    expect(newsLanguage("zh-Hant-TW")).toBe("zh-tw");
    expect(newsLanguage("")).toBe("en");
  });
});

describe("sitemap file names", () => {
  it("parses the names we serve", () => {
    expect(parseSitemapName("articles-2026-11.xml")).toEqual({ kind: "articles", month: "2026-11", part: 1 });
    expect(parseSitemapName("articles-2019-01-2.xml")).toEqual({
      kind: "articles",
      month: "2019-01",
      part: 2,
    });
    expect(parseSitemapName("sections.xml")).toEqual({ kind: "sections" });
    expect(parseSitemapName("tags.xml")).toEqual({ kind: "tags" });
    expect(parseSitemapName("authors.xml")).toEqual({ kind: "authors" });
    expect(parseSitemapName("news.xml")).toEqual({ kind: "news" });
  });

  it("refuses everything else, and part 1 under a second name", () => {
    for (const name of [
      "articles-2026-13.xml",
      "articles-2026-00.xml",
      "articles-0000-01.xml",
      "articles-0999-12.xml",
      "articles-2026-1.xml",
      "articles-26-11.xml",
      "articles-2026-11-1.xml",
      "articles-2026-11-0.xml",
      "articles-2026-11-02.xml",
      "articles-2026-11.xml.gz",
      "articles-2026-11.XML",
      "Sections.xml",
      "sections",
      "pages.xml",
      "news.xml/",
      "../sitemap.xml",
      "",
    ]) {
      expect(parseSitemapName(name), name).toBeNull();
    }
  });

  it("builds the names it parses", () => {
    expect(articleSitemapPath("2026-11")).toBe("/sitemaps/articles-2026-11.xml");
    expect(articleSitemapPath("2026-11", 1)).toBe("/sitemaps/articles-2026-11.xml");
    expect(articleSitemapPath("2026-11", 3)).toBe("/sitemaps/articles-2026-11-3.xml");
    for (const part of [1, 2, 17]) {
      const name = articleSitemapPath("2026-11", part).split("/").pop()!;
      expect(parseSitemapName(name)).toEqual({ kind: "articles", month: "2026-11", part });
    }
  });

  it("splits a month only beyond the per-file limit", () => {
    expect(sitemapParts(0)).toBe(1);
    expect(sitemapParts(1)).toBe(1);
    expect(sitemapParts(SITEMAP_MAX_URLS)).toBe(1);
    expect(sitemapParts(SITEMAP_MAX_URLS + 1)).toBe(2);
    expect(sitemapParts(3 * SITEMAP_MAX_URLS)).toBe(3);
    expect(SITEMAP_MAX_URLS).toBeLessThanOrEqual(50_000);
  });
});
