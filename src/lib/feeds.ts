import {
  isSafeHref,
  isSafeImageSrc,
  type ArticleBody,
  type BodyBlock,
  type InlineNode,
  type Mark,
} from "@/lib/article-body";
import { cdata, escapeXml, stripInvalidXmlChars, w3cDatetime, XML_ESCAPES } from "@/lib/xml";

/**
 * Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) from one plain feed object, and the HTML of an article
 * for a feed reader. Pure: no database, no server-only, so that it can be unit-tested.
 *
 * Every piece of text is escaped here, at the point where it meets markup; nothing that reaches
 * this module is trusted to be markup-safe, and characters that XML 1.0 forbids are dropped.
 */

export interface FeedPerson {
  name: string;
  /** Absolute URL of the person's page. */
  url: string;
}

export interface FeedImage {
  /** Absolute URL of the original file. */
  url: string;
  mimeType: string;
  /** Size of the file in bytes (RSS enclosures need it). */
  bytes: number;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

export interface FeedItem {
  /** Stable, globally unique id (a tag: URI): survives slug and section changes. */
  id: string;
  /** Absolute URL of the article. */
  url: string;
  title: string;
  /** Plain text: the standfirst, or the start of the body when there is none. */
  summary: string;
  /** The article as HTML, with absolute URLs (see articleFeedHtml). */
  contentHtml: string;
  /** ISO 8601 instants. */
  published: string;
  updated: string;
  authors: FeedPerson[];
  section: { name: string; url: string };
  tags: { name: string; url: string }[];
  image: FeedImage | null;
}

export interface Feed {
  title: string;
  description: string;
  /** BCP 47 language tag from the settings, e.g. "en" or "en-GB". */
  language: string;
  /** Absolute URL of the HTML page this feed follows (front page, section, tag or author page). */
  homePageUrl: string;
  /** Absolute URL of this feed in each format (each format names itself as "self"). */
  feedUrls: { rss: string; atom: string; json: string };
  /** The publication, as the feed's author (Atom needs an author for entries without a byline). */
  publisher: FeedPerson;
  /** ISO 8601: the newest item change. */
  updated: string;
  /** Newest first. */
  items: FeedItem[];
}

export const feedContentTypes = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
} as const;

// ---------------------------------------------------------------------------------------------
// Escaping

// Inside feed content HTML the apostrophe is &#39;, the form every HTML parser knows.
const HTML_ESCAPES: Record<string, string> = { ...XML_ESCAPES, "'": "&#39;" };

/** Escapes text for HTML element content and attribute values (inside feed content). */
export function escapeHtml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

// ---------------------------------------------------------------------------------------------
// Dates

/** RFC 822 (as RFC 1123 refines it), for RSS: "Fri, 27 Nov 2026 09:30:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

// ---------------------------------------------------------------------------------------------
// Article HTML for feed readers
//
// Not the site's ArticleBodyView through renderToStaticMarkup: next/image renders site-relative
// /_next/image URLs with srcset, inline styles and Tailwind classes, none of which a feed reader
// can use. Feed HTML wants plain elements and absolute URLs, so this is a small serializer of the
// same validated node types, escaping all text and checking links with the same isSafeHref.

/** An absolute URL for a site-relative or fragment reference, resolved against `base`. */
function resolveUrl(href: string, base: string): string {
  return new URL(href.trim(), base).toString();
}

function markTag(mark: Mark, base: string): [string, string] | null {
  switch (mark.type) {
    case "bold":
      return ["<strong>", "</strong>"];
    case "italic":
      return ["<em>", "</em>"];
    case "link":
      // Checked again at render time, like the site's renderer: an unsafe href stays plain text.
      return isSafeHref(mark.attrs.href)
        ? [`<a href="${escapeHtml(resolveUrl(mark.attrs.href, base))}">`, "</a>"]
        : null;
  }
}

function inlineHtml(nodes: InlineNode[] | undefined, base: string): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === "hardBreak") return "<br>";
      // Links outermost, then bold/italic, whatever order the editor stored them in.
      const marks = [...(node.marks ?? [])].sort(
        (a, b) => Number(a.type === "link") - Number(b.type === "link"),
      );
      return marks.reduce((html, mark) => {
        const tag = markTag(mark, base);
        return tag ? `${tag[0]}${html}${tag[1]}` : html;
      }, escapeHtml(node.text));
    })
    .join("");
}

function figureHtml(image: {
  src: string;
  alt: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
}): string {
  const caption = [image.caption, image.credit].filter(Boolean).map(escapeHtml).join(" ");
  return (
    `<figure><img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}">` +
    (caption ? `<figcaption>${caption}</figcaption>` : "") +
    `</figure>`
  );
}

function blockHtml(block: BodyBlock, base: string): string {
  switch (block.type) {
    case "paragraph":
      return block.content?.length ? `<p>${inlineHtml(block.content, base)}</p>` : "";
    case "heading":
      return `<h${block.attrs.level}>${inlineHtml(block.content, base)}</h${block.attrs.level}>`;
    case "blockquote":
      return `<blockquote>${block.content.map((p) => `<p>${inlineHtml(p.content, base)}</p>`).join("")}</blockquote>`;
    case "pullQuote": {
      const attribution = block.attrs?.attribution;
      return (
        `<figure><blockquote><p>${inlineHtml(block.content, base)}</p></blockquote>` +
        (attribution ? `<figcaption>${escapeHtml(attribution)}</figcaption>` : "") +
        `</figure>`
      );
    }
    case "bulletList":
    case "orderedList": {
      const items = block.content
        .map(
          (item) => `<li>${item.content.map((p) => `<p>${inlineHtml(p.content, base)}</p>`).join("")}</li>`,
        )
        .join("");
      if (block.type === "bulletList") return `<ul>${items}</ul>`;
      const start = block.attrs?.start ?? 1;
      return start === 1 ? `<ol>${items}</ol>` : `<ol start="${start}">${items}</ol>`;
    }
    case "image":
      if (!isSafeImageSrc(block.attrs.src)) return "";
      return figureHtml({ ...block.attrs, src: resolveUrl(block.attrs.src, base) });
    case "horizontalRule":
      return "<hr>";
  }
}

/** A validated body as feed HTML; site-relative links and images become absolute against `baseUrl`. */
export function bodyToFeedHtml(body: ArticleBody, baseUrl: string): string {
  return body.content.map((block) => blockHtml(block, baseUrl)).join("");
}

/** Plain text as paragraphs (the fallback for a stored body that no longer validates). */
export function plainTextToFeedHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/**
 * The whole article for a reader app: hero image with caption and credit, the body, and any
 * corrections (readers who only read in-app must see them too).
 */
export function articleFeedHtml(article: {
  bodyHtml: string;
  hero: FeedImage | null;
  corrections: { text: string; date: string }[];
}): string {
  const hero = article.hero
    ? figureHtml({
        src: article.hero.url,
        alt: article.hero.alt,
        width: article.hero.width,
        height: article.hero.height,
        caption: article.hero.caption,
        credit: article.hero.credit,
      })
    : "";
  const corrections = article.corrections.length
    ? `<h2>Corrections</h2><ul>${article.corrections.map((c) => `<li><strong>${escapeHtml(c.date)}</strong>: ${escapeHtml(c.text)}</li>`).join("")}</ul>`
    : "";
  return hero + article.bodyHtml + corrections;
}

// ---------------------------------------------------------------------------------------------
// Formats

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** An element with escaped text content. */
const el = (name: string, text: string, attrs = "") => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const attr = (name: string, value: string | number) => ` ${name}="${escapeXml(String(value))}"`;

/** Section first, then tags, once each (Atom and JSON Feed have no place for the URLs). */
function categories(item: FeedItem): string[] {
  return [...new Set([item.section.name, ...item.tags.map((tag) => tag.name)])];
}

/** RSS 2.0 with content:encoded (full text), dc:creator, atom:link rel=self and Media RSS. */
export function toRss(feed: Feed): string {
  const items = feed.items.map((item) => {
    const parts = [
      el("title", item.title),
      el("link", item.url),
      // Not the URL: slugs and sections can change, and readers must not see the story twice.
      el("guid", item.id, attr("isPermaLink", "false")),
      el("pubDate", rfc822(item.published)),
      // Feed readers render <description> as HTML: the text is escaped as HTML, then as XML, so
      // that a standfirst holding markup reaches them as the words it is.
      el("description", escapeHtml(item.summary)),
      `<content:encoded>${cdata(item.contentHtml)}</content:encoded>`,
      ...item.authors.map((a) => el("dc:creator", a.name)),
      el("category", item.section.name, attr("domain", item.section.url)),
      ...item.tags.map((t) => el("category", t.name, attr("domain", t.url))),
    ];
    if (item.image) {
      const img = item.image;
      parts.push(
        `<enclosure${attr("url", img.url)}${attr("length", img.bytes)}${attr("type", img.mimeType)}/>`,
        `<media:content${attr("url", img.url)}${attr("type", img.mimeType)}${attr("medium", "image")}${attr("width", img.width)}${attr("height", img.height)}${attr("fileSize", img.bytes)}>` +
          el("media:description", img.alt, attr("type", "plain")) +
          (img.credit ? el("media:credit", img.credit) : "") +
          `</media:content>`,
      );
    }
    return `<item>${parts.join("")}</item>`;
  });
  return (
    XML_DECLARATION +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">' +
    "<channel>" +
    el("title", feed.title) +
    el("link", feed.homePageUrl) +
    el("description", escapeHtml(feed.description)) +
    el("language", feed.language) +
    el("lastBuildDate", rfc822(feed.updated)) +
    `<atom:link${attr("href", feed.feedUrls.rss)}${attr("rel", "self")}${attr("type", "application/rss+xml")}/>` +
    items.join("\n") +
    "</channel></rss>\n"
  );
}

/** Atom 1.0 (RFC 4287) with full text as content type="html" and the standfirst as summary. */
export function toAtom(feed: Feed): string {
  const person = (tag: string, p: FeedPerson) => `<${tag}>${el("name", p.name)}${el("uri", p.url)}</${tag}>`;
  const entries = feed.items.map((item) => {
    const parts = [
      el("id", item.id),
      el("title", item.title, attr("type", "text")),
      `<link${attr("rel", "alternate")}${attr("type", "text/html")}${attr("href", item.url)}/>`,
      el("published", w3cDatetime(item.published)),
      el("updated", w3cDatetime(item.updated)),
      ...item.authors.map((a) => person("author", a)),
      ...categories(item).map((name) => `<category${attr("term", name)}/>`),
      el("summary", item.summary, attr("type", "text")),
      el("content", item.contentHtml, attr("type", "html")),
    ];
    if (item.image) {
      parts.push(
        `<link${attr("rel", "enclosure")}${attr("type", item.image.mimeType)}${attr("length", item.image.bytes)}${attr("href", item.image.url)}/>`,
      );
    }
    return `<entry>${parts.join("")}</entry>`;
  });
  return (
    XML_DECLARATION +
    `<feed xmlns="http://www.w3.org/2005/Atom"${attr("xml:lang", feed.language)}>` +
    // The feed's own URL: unique per feed, and it does not change while the feed exists.
    el("id", feed.feedUrls.atom) +
    el("title", feed.title, attr("type", "text")) +
    el("subtitle", feed.description, attr("type", "text")) +
    el("updated", w3cDatetime(feed.updated)) +
    `<link${attr("rel", "alternate")}${attr("type", "text/html")}${attr("href", feed.homePageUrl)}/>` +
    `<link${attr("rel", "self")}${attr("type", "application/atom+xml")}${attr("href", feed.feedUrls.atom)}/>` +
    person("author", feed.publisher) +
    entries.join("\n") +
    "</feed>\n"
  );
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function toJsonFeed(feed: Feed): string {
  // JSON can carry any character, but the XML formats drop the forbidden ones: do the same here
  // so that the three formats say the same thing.
  const t = stripInvalidXmlChars;
  const person = (p: FeedPerson) => ({ name: t(p.name), url: p.url });
  const doc = {
    version: "https://jsonfeed.org/version/1.1",
    title: t(feed.title),
    home_page_url: feed.homePageUrl,
    feed_url: feed.feedUrls.json,
    description: t(feed.description),
    language: feed.language,
    authors: [person(feed.publisher)],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: t(item.title),
      content_html: t(item.contentHtml),
      summary: t(item.summary),
      ...(item.image ? { image: item.image.url } : {}),
      date_published: w3cDatetime(item.published),
      date_modified: w3cDatetime(item.updated),
      authors: item.authors.map(person),
      tags: categories(item).map(t),
    })),
  };
  // "<", ">" and "&" as \u escapes: the same JSON, but safe even if someone inlines it in a <script>.
  return `${JSON.stringify(doc, null, 2).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}
