import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { ArticleBody } from "@/lib/article-body";
import {
  articleFeedHtml,
  bodyToFeedHtml,
  escapeHtml,
  plainTextToFeedHtml,
  rfc822,
  toAtom,
  toJsonFeed,
  toRss,
  type Feed,
  type FeedItem,
} from "@/lib/feeds";
import { cdata, escapeXml, stripInvalidXmlChars, w3cDatetime as rfc3339 } from "@/lib/xml";

// Text an editor (or an attacker with an editor account) could type into any field: markup,
// a CDATA terminator, a script end tag, quotes, entities, and characters XML 1.0 forbids.
const FORBIDDEN = "\u0000\u0001\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFF\uD800";
const HOSTILE = `Tom & "Jerry" <b>it's</b> ]]> </script><script>alert(1)</script> &amp; ${FORBIDDEN}end 😀`;
/** What survives: the same text without the forbidden characters (the emoji's surrogate pair is fine). */
const CLEAN = `Tom & "Jerry" <b>it's</b> ]]> </script><script>alert(1)</script> &amp; end 😀`;
/**
 * What the parser reports for a plain-text field. It decodes HTML entities in titles and
 * descriptions once more after XML has (as feed readers do, because so many feeds double-escape),
 * so the literal text "&amp;" reads as "&"; the raw XML is checked separately.
 */
const PARSED = CLEAN.replace("&amp;", "&");

const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const body = (content: unknown[]) => ({ type: "doc", content }) as ArticleBody;

const BASE = "https://news.example/politics/a-story";

function item(over: Partial<FeedItem> = {}): FeedItem {
  return {
    id: "tag:news.example,2026-11-20:article:abc123",
    url: "https://news.example/politics/a-story",
    title: `Headline ${HOSTILE}`,
    summary: `Standfirst ${HOSTILE}`,
    contentHtml: `<p>Body ${escapeHtml(HOSTILE)}</p><p>raw ]]> in html</p>`,
    published: "2026-11-20T09:30:00.000Z",
    updated: "2026-11-21T10:00:00.000Z",
    authors: [
      { name: `Ann ${HOSTILE}`, url: "https://news.example/author/ann" },
      { name: "Bob", url: "https://news.example/author/bob" },
    ],
    section: { name: `Politics ${HOSTILE}`, url: "https://news.example/politics" },
    tags: [{ name: `Tag ${HOSTILE}`, url: "https://news.example/tag/t" }],
    image: {
      url: "https://news.example/media/2026/hero.jpg?a=1&b=2",
      mimeType: "image/jpeg",
      bytes: 123456,
      width: 1600,
      height: 900,
      alt: `Alt ${HOSTILE}`,
      caption: "Caption",
      credit: `Credit ${HOSTILE}`,
    },
    ...over,
  };
}

function feed(over: Partial<Feed> = {}): Feed {
  return {
    title: `Site ${HOSTILE}`,
    description: `Tagline ${HOSTILE}`,
    language: "en-GB",
    homePageUrl: "https://news.example/",
    feedUrls: {
      rss: "https://news.example/feed.xml",
      atom: "https://news.example/feed.atom",
      json: "https://news.example/feed.json",
    },
    publisher: { name: `Site ${HOSTILE}`, url: "https://news.example/" },
    updated: "2026-11-21T10:00:00.000Z",
    items: [
      item(),
      item({
        id: "tag:news.example,2026-11-19:article:def456",
        url: "https://news.example/world/b",
        title: "Second",
        published: "2026-11-19T08:00:00.000Z",
        updated: "2026-11-19T08:00:00.000Z",
        image: null,
        tags: [],
        authors: [],
      }),
    ],
    ...over,
  };
}

// Exact values as an XML parser reads them (one level of decoding, CDATA sections joined), to
// check that every field round-trips; the feed parser above is a feed reader's view.
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  processEntities: true,
  htmlEntities: true, // numeric character references such as &#39;
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ["item", "entry", "category", "dc:creator", "author", "link"].includes(name),
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML is untyped; the assertions check its shape
const readXml = (xml: string): any => xmlParser.parse(xml);

/** Strictly well-formed XML (the feed parser itself is lenient by design). */
function expectWellFormed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
}

describe("escaping", () => {
  it("strips every character XML 1.0 forbids and keeps tab, newline, CR, emoji and non-Latin text", () => {
    expect(stripInvalidXmlChars(`a${FORBIDDEN}b\t\n\r😀 Ωμέγα`)).toBe("ab\t\n\r😀 Ωμέγα");
    expect(stripInvalidXmlChars("\uDC00x\uD83D")).toBe("x");
  });

  it("escapes the five XML specials, with each language's form of the apostrophe", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(escapeHtml(`a${FORBIDDEN}b`)).toBe("ab");
  });

  it("keeps CDATA sections closed only where intended", () => {
    const section = cdata("a]]>b]]>");
    expect(section).toBe("<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]>");
    expectWellFormed(`<x>${section}</x>`);
  });
});

describe("dates", () => {
  it("formats RSS dates as RFC 822 and Atom/JSON dates as RFC 3339 in UTC", () => {
    expect(rfc822("2026-11-20T09:30:00.000Z")).toBe("Fri, 20 Nov 2026 09:30:00 GMT");
    expect(rfc822("2026-03-01T00:00:00+01:00")).toBe("Sat, 28 Feb 2026 23:00:00 GMT");
    expect(rfc3339("2026-11-20T09:30:00.123Z")).toBe("2026-11-20T09:30:00Z");
  });
});

describe("toRss", () => {
  const xml = toRss(feed());
  const parsed = parseFeed(xml);

  it("is well-formed RSS 2.0 that a feed parser reads", () => {
    expectWellFormed(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(parsed.meta.type).toBe("rss");
    expect(parsed.meta.version).toBe("2.0");
  });

  it("never lets hostile text out of its element", () => {
    // Outside CDATA everything is escaped; inside it, the body HTML carries only escaped text.
    expect(xml).not.toMatch(/<script/i);
    expect(xml).not.toMatch(/<\/script/i);
    expect(xml).not.toContain("<b>");
    expect(xml).toContain(`<title>Headline ${escapeXml(CLEAN)}</title>`);
    expect(escapeXml(CLEAN)).toContain("&amp;amp;");
    // Exactly one CDATA section per item, each split around its "]]>".
    expect(xml.match(/<content:encoded>/g)).toHaveLength(2);
  });

  it("carries the channel: title, link, description, language, self link, build date", () => {
    expect(parsed.title).toBe(`Site ${PARSED}`);
    // RSS descriptions are HTML to readers: escaped once more, they read exactly as typed.
    expect(parsed.description).toBe(`Tagline ${CLEAN}`);
    expect(parsed.url).toBe("https://news.example/");
    expect(parsed.self).toBe("https://news.example/feed.xml");
    expect(parsed.language).toBe("en-GB");
    expect(parsed.updated?.toISOString()).toBe("2026-11-21T10:00:00.000Z");
    expect(xml).toContain(
      '<atom:link href="https://news.example/feed.xml" rel="self" type="application/rss+xml"/>',
    );
  });

  it("carries each item in order, every field intact after parsing", () => {
    expect(parsed.items).toHaveLength(2);
    const [first, second] = parsed.items;
    expect(first!.title).toBe(`Headline ${PARSED}`);
    expect(first!.description).toBe(`Standfirst ${CLEAN}`);
    expect(first!.content).toContain("<p>raw ]]> in html</p>");
    expect(first!.url).toBe("https://news.example/politics/a-story");
    expect(first!.id).toBe("tag:news.example,2026-11-20:article:abc123");
    expect(first!.published?.toISOString()).toBe("2026-11-20T09:30:00.000Z");
    expect(first!.authors.map((a) => a.name)).toEqual([`Ann ${PARSED}`, "Bob"]);
    expect(first!.categories.map((c) => c.term)).toEqual([`Politics ${PARSED}`, `Tag ${PARSED}`]);
    expect(second!.title).toBe("Second");
    expect(second!.media).toEqual([]);
  });

  it("round-trips every text field exactly through an XML parser", () => {
    const channel = readXml(xml).rss.channel;
    expect(channel.title).toBe(`Site ${CLEAN}`);
    expect(channel.description).toBe(escapeHtml(`Tagline ${CLEAN}`)); // HTML, as readers take it
    const first = channel.item[0];
    expect(first.title).toBe(`Headline ${CLEAN}`);
    expect(first.description).toBe(escapeHtml(`Standfirst ${CLEAN}`));
    expect(first.description).not.toContain("<");
    expect(first["content:encoded"]).toBe(`<p>Body ${escapeHtml(CLEAN)}</p><p>raw ]]> in html</p>`);
    expect(first["dc:creator"]).toEqual([`Ann ${CLEAN}`, "Bob"]);
    expect(first.category.map((c: { "#text": string }) => c["#text"])).toEqual([
      `Politics ${CLEAN}`,
      `Tag ${CLEAN}`,
    ]);
    expect(first["media:content"]["media:description"]["#text"]).toBe(`Alt ${CLEAN}`);
    expect(first["media:content"]["media:credit"]).toBe(`Credit ${CLEAN}`);
    expect(first.enclosure["@url"]).toBe("https://news.example/media/2026/hero.jpg?a=1&b=2");
  });

  it("marks the guid as not a permalink and dates items in RFC 822", () => {
    expect(xml).toContain('<guid isPermaLink="false">tag:news.example,2026-11-20:article:abc123</guid>');
    expect(xml).toContain("<pubDate>Fri, 20 Nov 2026 09:30:00 GMT</pubDate>");
    expect(xml).toContain("<dc:creator>Bob</dc:creator>");
    expect(xml).toContain('<category domain="https://news.example/politics">');
  });

  it("attaches the hero image as an enclosure and as Media RSS with size, type, dimensions and alt text", () => {
    const media = parsed.items[0]!.media;
    expect(media).toHaveLength(1); // enclosure and media:content name the same file
    expect(media[0]).toMatchObject({
      url: "https://news.example/media/2026/hero.jpg?a=1&b=2",
      length: 123456,
      mimeType: "image/jpeg",
    });
    expect(xml).toContain(
      '<enclosure url="https://news.example/media/2026/hero.jpg?a=1&amp;b=2" length="123456" type="image/jpeg"/>',
    );
    expect(xml).toMatch(/<media:content [^>]*medium="image" width="1600" height="900" fileSize="123456">/);
    expect(xml).toContain(`<media:description type="plain">Alt ${escapeXml(CLEAN)}</media:description>`);
  });
});

describe("toAtom", () => {
  const xml = toAtom(feed());
  const parsed = parseFeed(xml);

  it("is well-formed Atom 1.0 that a feed parser reads", () => {
    expectWellFormed(xml);
    expect(parsed.meta.type).toBe("atom");
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">');
    expect(xml).not.toMatch(/<script/i);
    expect(xml).not.toMatch(/<\/script/i);
    expect(xml).not.toContain("CDATA");
    expect(xml).toContain(`<title type="text">Headline ${escapeXml(CLEAN)}</title>`);
  });

  it("carries the feed's id, title, subtitle, updated, alternate and self links, and author", () => {
    expect(xml).toContain("<id>https://news.example/feed.atom</id>");
    expect(parsed.title).toBe(`Site ${PARSED}`);
    expect(parsed.description).toBe(`Tagline ${PARSED}`);
    expect(parsed.url).toBe("https://news.example/");
    expect(parsed.self).toBe("https://news.example/feed.atom");
    expect(parsed.updated?.toISOString()).toBe("2026-11-21T10:00:00.000Z");
    expect(parsed.authors.map((a) => a.name)).toEqual([`Site ${PARSED}`]);
  });

  it("carries each entry with id, dates, authors, categories, summary and HTML content", () => {
    const [first, second] = parsed.items;
    expect(first!.id).toBe("tag:news.example,2026-11-20:article:abc123");
    expect(first!.title).toBe(`Headline ${PARSED}`);
    expect(first!.url).toBe("https://news.example/politics/a-story");
    expect(first!.published?.toISOString()).toBe("2026-11-20T09:30:00.000Z");
    expect(first!.updated?.toISOString()).toBe("2026-11-21T10:00:00.000Z");
    expect(first!.description).toBe(`Standfirst ${PARSED}`);
    expect(first!.content).toContain("<p>raw ]]> in html</p>");
    expect(first!.authors).toEqual([
      { name: `Ann ${PARSED}`, url: "https://news.example/author/ann", email: null },
      { name: "Bob", url: "https://news.example/author/bob", email: null },
    ]);
    expect(first!.categories.map((c) => c.term)).toEqual([`Politics ${CLEAN}`, `Tag ${CLEAN}`]);
    expect(xml).toContain('<content type="html">');
    expect(xml).toContain('<summary type="text">');
    expect(xml).toContain(
      '<link rel="enclosure" type="image/jpeg" length="123456" href="https://news.example/media/2026/hero.jpg?a=1&amp;b=2"/>',
    );
    expect(xml).toContain(
      "<published>2026-11-20T09:30:00Z</published><updated>2026-11-21T10:00:00Z</updated>",
    );
    expect(second!.title).toBe("Second");
  });
});

describe("toAtom, exactly", () => {
  it("round-trips every text field exactly through an XML parser", () => {
    const doc = readXml(toAtom(feed())).feed;
    expect(doc.title["#text"]).toBe(`Site ${CLEAN}`);
    expect(doc.subtitle["#text"]).toBe(`Tagline ${CLEAN}`);
    expect(doc.author[0].name).toBe(`Site ${CLEAN}`);
    const first = doc.entry[0];
    expect(first.title["#text"]).toBe(`Headline ${CLEAN}`);
    expect(first.summary["#text"]).toBe(`Standfirst ${CLEAN}`);
    expect(first.content["#text"]).toBe(`<p>Body ${escapeHtml(CLEAN)}</p><p>raw ]]> in html</p>`);
    expect(first.author.map((a: { name: string }) => a.name)).toEqual([`Ann ${CLEAN}`, "Bob"]);
    expect(first.category.map((c: { "@term": string }) => c["@term"])).toEqual([
      `Politics ${CLEAN}`,
      `Tag ${CLEAN}`,
    ]);
    expect(first.link.map((l: { "@rel": string; "@href": string }) => [l["@rel"], l["@href"]])).toEqual([
      ["alternate", "https://news.example/politics/a-story"],
      ["enclosure", "https://news.example/media/2026/hero.jpg?a=1&b=2"],
    ]);
  });
});

describe("toJsonFeed", () => {
  const raw = toJsonFeed(feed());
  const doc = JSON.parse(raw);

  it("is JSON Feed 1.1 with the feed's fields", () => {
    expect(doc).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      title: `Site ${CLEAN}`,
      description: `Tagline ${CLEAN}`,
      home_page_url: "https://news.example/",
      feed_url: "https://news.example/feed.json",
      language: "en-GB",
      authors: [{ name: `Site ${CLEAN}`, url: "https://news.example/" }],
    });
    expect(doc.items).toHaveLength(2);
  });

  it("carries each item's fields, hostile text intact as data", () => {
    expect(doc.items[0]).toEqual({
      id: "tag:news.example,2026-11-20:article:abc123",
      url: "https://news.example/politics/a-story",
      title: `Headline ${CLEAN}`,
      content_html: `<p>Body ${escapeHtml(CLEAN)}</p><p>raw ]]> in html</p>`,
      summary: `Standfirst ${CLEAN}`,
      image: "https://news.example/media/2026/hero.jpg?a=1&b=2",
      date_published: "2026-11-20T09:30:00Z",
      date_modified: "2026-11-21T10:00:00Z",
      authors: [
        { name: `Ann ${CLEAN}`, url: "https://news.example/author/ann" },
        { name: "Bob", url: "https://news.example/author/bob" },
      ],
      tags: [`Politics ${CLEAN}`, `Tag ${CLEAN}`],
    });
    expect(doc.items[1].image).toBeUndefined();
    expect(doc.items[1].authors).toEqual([]);
  });

  it("has no raw markup or forbidden characters in the document text", () => {
    expect(raw).not.toMatch(/[<>&]/);
    expect(raw).not.toMatch(/\\u000[0-8bc]|\\u001[0-9a-f]|\\ufff[ef]|\\ud800/i);
  });
});

describe("bodyToFeedHtml", () => {
  it("renders every node type as plain HTML elements", () => {
    const html = bodyToFeedHtml(
      body([
        { type: "heading", attrs: { level: 2 }, content: [text("What happened")] },
        {
          type: "paragraph",
          content: [
            text("Plain "),
            text("bold", [{ type: "bold" }]),
            { type: "hardBreak" },
            text("italic", [{ type: "italic" }]),
          ],
        },
        { type: "paragraph" },
        { type: "blockquote", content: [{ type: "paragraph", content: [text("Quoted")] }] },
        { type: "pullQuote", attrs: { attribution: "A resident" }, content: [text("It was loud")] },
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("one")] }] }],
        },
        {
          type: "orderedList",
          attrs: { start: 3 },
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("three")] }] }],
        },
        { type: "horizontalRule" },
        { type: "heading", attrs: { level: 3 }, content: [text("Small")] },
      ]),
      BASE,
    );
    expect(html).toBe(
      "<h2>What happened</h2>" +
        "<p>Plain <strong>bold</strong><br><em>italic</em></p>" +
        "<blockquote><p>Quoted</p></blockquote>" +
        "<figure><blockquote><p>It was loud</p></blockquote><figcaption>A resident</figcaption></figure>" +
        "<ul><li><p>one</p></li></ul>" +
        '<ol start="3"><li><p>three</p></li></ol>' +
        "<hr>" +
        "<h3>Small</h3>",
    );
  });

  it("escapes all text, so that markup typed by an editor stays text", () => {
    const html = bodyToFeedHtml(
      body([
        { type: "paragraph", content: [text(HOSTILE)] },
        { type: "pullQuote", attrs: { attribution: `"><script>x</script>` }, content: [text("q")] },
      ]),
      BASE,
    );
    expect(html).not.toMatch(/<script|<\/script|<b>/i);
    expect(html).toContain(`<p>${escapeHtml(CLEAN)}</p>`);
    expect(html).toContain("<figcaption>&quot;&gt;&lt;script&gt;x&lt;/script&gt;</figcaption>");
  });

  it("makes links and images absolute, keeps safe external links and drops unsafe ones", () => {
    const html = bodyToFeedHtml(
      body([
        {
          type: "paragraph",
          content: [
            text("site", [{ type: "link", attrs: { href: "/world/other?x=1&y=2" } }, { type: "bold" }]),
            text(" anchor", [{ type: "link", attrs: { href: "#facts" } }]),
            text(" ext", [{ type: "link", attrs: { href: "https://example.org/a" } }]),
            text(" mail", [{ type: "link", attrs: { href: "mailto:tips@news.example" } }]),
            text(" evil", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
            text(" sneaky", [{ type: "link", attrs: { href: "/\\evil.example" } }]),
          ],
        },
        {
          type: "image",
          attrs: {
            src: "/media/2026/a.jpg",
            alt: `x" onerror="alert(1)`,
            caption: "Cap",
            credit: "Cred",
            width: 800,
            height: 600,
            mediaId: null,
          },
        },
        {
          type: "image",
          attrs: {
            src: "https://cdn.example/i.png",
            alt: "Remote",
            caption: "",
            credit: "",
            width: 10,
            height: 10,
            mediaId: null,
          },
        },
        {
          type: "image",
          attrs: {
            src: "javascript:alert(1)",
            alt: "Bad",
            caption: "",
            credit: "",
            width: 10,
            height: 10,
            mediaId: null,
          },
        },
      ]),
      BASE,
    );
    expect(html).toContain(
      '<a href="https://news.example/world/other?x=1&amp;y=2"><strong>site</strong></a>',
    );
    expect(html).toContain('<a href="https://news.example/politics/a-story#facts"> anchor</a>');
    expect(html).toContain('<a href="https://example.org/a"> ext</a>');
    expect(html).toContain('<a href="mailto:tips@news.example"> mail</a>');
    expect(html).toContain(" evil sneaky");
    expect(html).not.toMatch(/javascript:|evil\.example/);
    expect(html).toContain(
      '<figure><img src="https://news.example/media/2026/a.jpg" alt="x&quot; onerror=&quot;alert(1)" width="800" height="600"><figcaption>Cap Cred</figcaption></figure>',
    );
    expect(html).toContain(
      '<figure><img src="https://cdn.example/i.png" alt="Remote" width="10" height="10"></figure>',
    );
    expect(html).not.toContain("Bad");
  });

  it("falls back to escaped paragraphs of plain text", () => {
    expect(plainTextToFeedHtml("One <b>\nline\n\n\nTwo & three")).toBe(
      "<p>One &lt;b&gt;<br>line</p><p>Two &amp; three</p>",
    );
  });
});

describe("articleFeedHtml", () => {
  it("puts the hero image first and corrections last, escaped", () => {
    const html = articleFeedHtml({
      bodyHtml: "<p>Body</p>",
      hero: item().image,
      corrections: [{ date: "21 November 2026", text: `We misspelt <i>a name</i> ${FORBIDDEN}` }],
    });
    expect(html).toBe(
      `<figure><img src="https://news.example/media/2026/hero.jpg?a=1&amp;b=2" alt="Alt ${escapeHtml(CLEAN)}" width="1600" height="900"><figcaption>Caption Credit ${escapeHtml(CLEAN)}</figcaption></figure>` +
        "<p>Body</p>" +
        "<h2>Corrections</h2><ul><li><strong>21 November 2026</strong>: We misspelt &lt;i&gt;a name&lt;/i&gt; </li></ul>",
    );
    expect(articleFeedHtml({ bodyHtml: "<p>B</p>", hero: null, corrections: [] })).toBe("<p>B</p>");
  });
});
