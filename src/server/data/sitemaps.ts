import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { absoluteUrl, routes } from "@/lib/routes";
import {
  articleSitemapPath,
  newsUrlsetXml,
  sitemapIndexXml,
  sitemapParts,
  urlsetXml,
  type SitemapFile,
  type SitemapRef,
} from "@/lib/sitemap-xml";
import { getSiteSettings } from "@/server/data/articles";
import {
  articleMonths,
  authorPages,
  monthArticles,
  newsArticles,
  pagesSitemapDates,
  sectionPages,
  tagPages,
  type SitemapPage,
} from "@/server/data/sitemap-queries";

/**
 * Sitemaps as finished documents, cached and tagged like the other article lists: a crawler's
 * repeat fetch costs neither a query nor rebuilding the XML. lastModified (ISO) is the newest
 * lastmod in the document, for the Last-Modified header and the index's own lastmod entries.
 * The queries live in sitemap-queries.ts.
 */

export interface SitemapDocument {
  body: string;
  lastModified: string | null;
}

const newest = (dates: (string | null | undefined)[]): string | null =>
  dates.reduce<string | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/** The index: every article month (and part), then sections, tags, authors and news. */
export async function getSitemapIndex(): Promise<SitemapDocument> {
  "use cache";
  cacheTag(cacheTags.articleLists, cacheTags.sections, cacheTags.authors, cacheTags.settings);
  cacheLife("minutes");
  // The pages sitemaps' dates come without building those sitemaps (see pagesSitemapDates).
  const [{ siteUrl }, months, pages, news] = await Promise.all([getSiteSettings(), articleMonths(), pagesSitemapDates(), getNewsSitemap()]);
  const refs: SitemapRef[] = months.flatMap((m) =>
    Array.from({ length: sitemapParts(m.count) }, (_, i) => ({
      // The month's newest change stands for every part of it.
      loc: absoluteUrl(siteUrl, articleSitemapPath(m.month, i + 1)),
      lastmod: m.lastmod,
    })),
  );
  refs.push(
    { loc: absoluteUrl(siteUrl, routes.sitemapPages("sections")), lastmod: pages.sections },
    { loc: absoluteUrl(siteUrl, routes.sitemapPages("tags")), lastmod: pages.tags },
    { loc: absoluteUrl(siteUrl, routes.sitemapPages("authors")), lastmod: pages.authors },
    { loc: absoluteUrl(siteUrl, routes.sitemapNews()), lastmod: news.lastModified },
  );
  const lastModified = newest([
    ...months.map((m) => m.lastmod),
    pages.sections,
    pages.tags,
    pages.authors,
    news.lastModified,
  ]);
  return { body: sitemapIndexXml(refs), lastModified };
}

/** One part of a month's articles; null when it has none (a 404). */
export async function getArticleSitemap(month: string, part: number): Promise<SitemapDocument | null> {
  "use cache";
  cacheTag(cacheTags.articleLists, cacheTags.settings);
  cacheLife("minutes");
  const [{ siteUrl }, articles] = await Promise.all([getSiteSettings(), monthArticles(month, part)]);
  if (!articles) return null;
  const body = urlsetXml(
    articles.map((a) => ({
      loc: absoluteUrl(siteUrl, a.url),
      lastmod: a.lastmod,
      images: a.image ? [{ loc: absoluteUrl(siteUrl, a.image.src), caption: a.image.caption || a.image.alt }] : [],
    })),
  );
  return { body, lastModified: newest(articles.map((a) => a.lastmod)) };
}

const pageQueries: Record<"sections" | "tags" | "authors", () => Promise<SitemapPage[]>> = {
  sections: sectionPages,
  tags: tagPages,
  authors: authorPages,
};

export async function getPagesSitemap(kind: "sections" | "tags" | "authors"): Promise<SitemapDocument> {
  "use cache";
  cacheTag(cacheTags.articleLists, cacheTags.settings);
  if (kind === "sections") cacheTag(cacheTags.sections);
  if (kind === "authors") cacheTag(cacheTags.authors);
  cacheLife("minutes");
  const [{ siteUrl }, pages] = await Promise.all([getSiteSettings(), pageQueries[kind]()]);
  const body = urlsetXml(pages.map((p) => ({ loc: absoluteUrl(siteUrl, p.url), lastmod: p.lastmod })));
  return { body, lastModified: newest(pages.map((p) => p.lastmod)) };
}

/** Google News: the last 48 hours. Always a document, empty on a quiet weekend. */
export async function getNewsSitemap(): Promise<SitemapDocument> {
  "use cache";
  cacheTag(cacheTags.articleLists, cacheTags.settings);
  cacheLife("minutes");
  const [{ siteUrl, siteName, language }, articles] = await Promise.all([getSiteSettings(), newsArticles()]);
  const body = newsUrlsetXml(
    { name: siteName, language },
    articles.map((a) => ({ loc: absoluteUrl(siteUrl, a.url), title: a.title, publishedAt: a.publishedAt })),
  );
  return { body, lastModified: newest(articles.map((a) => a.publishedAt)) };
}

/** The document for a parsed /sitemaps/… name, or null for a 404. */
export function getSitemapFile(file: SitemapFile): Promise<SitemapDocument | null> {
  switch (file.kind) {
    case "articles":
      return getArticleSitemap(file.month, file.part);
    case "news":
      return getNewsSitemap();
    default:
      return getPagesSitemap(file.kind);
  }
}
