import { routes } from "@/lib/routes";
import { escapeXml, w3cDatetime } from "@/lib/xml";

/**
 * Sitemap documents (sitemaps.org 0.9, with Google's image and news extensions) as strings, and
 * the names of our sitemap files. Pure: callers pass absolute URLs and ISO dates.
 */

export const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
export const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

/**
 * URLs per file. The protocol allows 50,000 (and 50 MB); staying well below leaves room for
 * stories published while a month is being read, and keeps every file fast to fetch.
 */
export const SITEMAP_MAX_URLS = 45_000;
/** Google News reads at most 1,000 URLs per news sitemap. */
export const NEWS_MAX_URLS = 1_000;
/** …published in the last two days. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;

export interface SitemapRef {
  loc: string;
  lastmod?: string | Date | null;
}

export interface SitemapImage {
  loc: string;
  caption?: string;
  title?: string;
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string | Date | null;
  images?: SitemapImage[];
}

export interface NewsPublication {
  name: string;
  /** The site's language setting (BCP 47, such as "en" or "en-GB"). */
  language: string;
}

export interface NewsUrl {
  loc: string;
  title: string;
  publishedAt: string | Date;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Google News wants an ISO 639 code ("en", "fr"), except zh-cn and zh-tw for Chinese: the
 * primary subtag of the setting, lower case.
 */
export function newsLanguage(language: string): string {
  const tag = language.trim().toLowerCase().replace(/_/g, "-");
  if (tag === "zh-cn" || tag === "zh-hans" || tag.startsWith("zh-hans-")) return "zh-cn";
  if (tag === "zh-tw" || tag === "zh-hant" || tag.startsWith("zh-hant-")) return "zh-tw";
  return tag.split("-")[0] || "en";
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
const lastmod = (value: string | Date | null | undefined) =>
  value ? element("lastmod", w3cDatetime(value)) : "";

export function sitemapIndexXml(sitemaps: SitemapRef[]): string {
  const entries = sitemaps.map((s) => `<sitemap>${element("loc", s.loc)}${lastmod(s.lastmod)}</sitemap>\n`);
  return `${DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join("")}</sitemapindex>\n`;
}

export function urlsetXml(urls: SitemapUrl[]): string {
  const entries = urls.map((u) => {
    const images = (u.images ?? []).map(
      (i) =>
        `<image:image>${element("image:loc", i.loc)}` +
        (i.caption ? element("image:caption", i.caption) : "") +
        (i.title ? element("image:title", i.title) : "") +
        "</image:image>",
    );
    return `<url>${element("loc", u.loc)}${lastmod(u.lastmod)}${images.join("")}</url>\n`;
  });
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:image="${IMAGE_NS}">\n${entries.join("")}</urlset>\n`;
}

export function newsUrlsetXml(publication: NewsPublication, urls: NewsUrl[]): string {
  const pub =
    `<news:publication>${element("news:name", publication.name)}` +
    `${element("news:language", newsLanguage(publication.language))}</news:publication>`;
  const entries = urls.map(
    (u) =>
      `<url>${element("loc", u.loc)}<news:news>${pub}` +
      `${element("news:publication_date", w3cDatetime(u.publishedAt))}${element("news:title", u.title)}` +
      "</news:news></url>\n",
  );
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${entries.join("")}</urlset>\n`;
}

// Sitemap files. Articles are split by month of publication; a month with more than
// SITEMAP_MAX_URLS articles continues in numbered parts: articles-2026-11.xml (part 1),
// articles-2026-11-2.xml, …

export type SitemapFile =
  | { kind: "articles"; month: string; part: number }
  | { kind: "sections" | "tags" | "authors" }
  | { kind: "news" };

/** The file named by the last URL segment of /sitemaps/…, or null for anything we do not serve. */
export function parseSitemapName(name: string): SitemapFile | null {
  // Years 1000 to 9999: PostgreSQL has no year 0 ("articles-0000-01.xml" was a 500).
  const articles = /^articles-([1-9]\d{3}-(?:0[1-9]|1[0-2]))(?:-([1-9][0-9]{0,3}))?\.xml$/.exec(name);
  if (articles) {
    // Part 1 has one URL only: without a suffix.
    if (articles[2] === "1") return null;
    return { kind: "articles", month: articles[1]!, part: articles[2] ? Number(articles[2]) : 1 };
  }
  if (name === "sections.xml" || name === "tags.xml" || name === "authors.xml") {
    return { kind: name.slice(0, -4) as "sections" | "tags" | "authors" };
  }
  if (name === "news.xml") return { kind: "news" };
  return null;
}

export function articleSitemapPath(month: string, part = 1): string {
  return routes.sitemapArticles(part > 1 ? `${month}-${part}` : month);
}

/** Number of files for `count` URLs (at least one). */
export function sitemapParts(count: number): number {
  return Math.max(1, Math.ceil(count / SITEMAP_MAX_URLS));
}
