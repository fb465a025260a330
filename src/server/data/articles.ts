import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags, storyNeighbourhood } from "@/lib/cache-tags";
import { prisma } from "@/server/db";
import {
  authorListing,
  curatedArticles,
  curatedSlugs,
  findArticle,
  latestArticles,
  listingParams,
  mostReadArticles,
  recentArticleParams,
  relatedArticles,
  sectionBlocks,
  sectionListing,
  tagListing,
  type ArticleCard,
  type ArticleLookup,
  type SectionBlock,
} from "@/server/data/article-queries";

/**
 * Cached reads for reader pages ('use cache' + tags from lib/cache-tags.ts): a repeated page view
 * does not touch the database. The queries themselves live in article-queries.ts.
 */

export type { ArticleCard, ArticleDetail, AuthorInfo, Listing, SectionInfo, TagInfo } from "@/server/data/article-queries";

export interface SiteSettings {
  siteName: string;
  tagline: string;
  siteUrl: string;
  language: string;
  breakingNews: { text: string; url: string | null } | null;
}

export async function getSiteSettings(): Promise<SiteSettings> {
  "use cache";
  cacheTag(cacheTags.settings);
  cacheLife("hours");
  const s = await prisma.settings.findUnique({ where: { id: 1 } });
  if (!s) throw new Error("The database has no settings row: run `npm run db:seed`.");
  const breakingLive = s.breakingNewsText && (!s.breakingNewsExpiresAt || s.breakingNewsExpiresAt > new Date());
  return {
    siteName: s.siteName,
    tagline: s.tagline,
    siteUrl: s.siteUrl,
    language: s.language,
    breakingNews: breakingLive ? { text: s.breakingNewsText!, url: s.breakingNewsUrl } : null,
  };
}

export interface SectionLink {
  slug: string;
  name: string;
}

export async function getSections(): Promise<SectionLink[]> {
  "use cache";
  cacheTag(cacheTags.sections);
  cacheLife("hours");
  return prisma.section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { slug: true, name: true } });
}

/**
 * Shown on every article page, so not tagged with every list: the curation, and each of its own
 * stories (public or scheduled: one going live expires its tag), whose changes are what it shows.
 */
export async function getEditorsPicks(): Promise<ArticleCard[]> {
  "use cache";
  cacheLife("minutes");
  const [picks, slugs] = await Promise.all([curatedArticles("EDITORS_PICKS"), curatedSlugs("EDITORS_PICKS")]);
  cacheTag(cacheTags.curation, cacheTags.sections, cacheTags.authors, ...slugs.map(cacheTags.article));
  return picks;
}

export async function getMostRead(): Promise<ArticleCard[]> {
  "use cache";
  cacheTag(cacheTags.articleLists, cacheTags.mostRead);
  cacheLife("minutes");
  return mostReadArticles(5);
}

export interface FrontPage {
  lead: ArticleCard | null;
  topStories: ArticleCard[];
  latest: ArticleCard[];
  sections: SectionBlock[];
}

export async function getFrontPage(): Promise<FrontPage> {
  "use cache";
  cacheTag(cacheTags.articleLists, cacheTags.curation);
  cacheLife("minutes");
  const now = new Date();
  const front = await curatedArticles("FRONT_PAGE", now);
  const frontIds = front.map((a) => a.id);
  const latest = await latestArticles(6, frontIds, now);
  const sections = await sectionBlocks(4, [...frontIds, ...latest.map((a) => a.id)], now);
  const [lead = null, ...topStories] = front;
  return { lead, topStories, latest, sections };
}

export async function getArticle(slug: string): Promise<ArticleLookup> {
  "use cache";
  // Bylines carry author names: a renamed author expires every article page too.
  cacheTag(cacheTags.article(slug), cacheTags.authors);
  const result = await findArticle(slug);
  // A found article changes only through the newsroom, which expires its tag. "Not found" may be
  // a scheduled story whose time has not come: kept briefly, so it goes live within minutes.
  cacheLife(result.kind === "found" ? "hours" : "minutes");
  return result;
}

/** Only stories sharing the article's section or a tag: it carries their tags, not every list's. */
export async function getRelated(article: { id: string; sectionId: string; tagIds: string[] }): Promise<ArticleCard[]> {
  "use cache";
  cacheTag(...storyNeighbourhood(article), cacheTags.sections, cacheTags.authors);
  cacheLife("hours");
  return relatedArticles(article, 4);
}

export async function getSectionPage(slug: string, page: number) {
  "use cache";
  cacheTag(cacheTags.articleLists, cacheTags.sections);
  cacheLife("minutes");
  return sectionListing(slug, page);
}

export async function getTagPage(slug: string, page: number) {
  "use cache";
  cacheTag(cacheTags.articleLists);
  cacheLife("minutes");
  return tagListing(slug, page);
}

export async function getAuthorPage(slug: string, page: number) {
  "use cache";
  cacheTag(cacheTags.articleLists, cacheTags.authors);
  cacheLife("minutes");
  return authorListing(slug, page);
}

/** Recent public article paths, prerendered at build time. */
export async function getRecentArticleParams(limit: number): Promise<{ section: string; slug: string }[]> {
  "use cache";
  cacheTag(cacheTags.articleLists);
  cacheLife("minutes");
  return recentArticleParams(limit);
}

export async function getListingParams() {
  "use cache";
  cacheTag(cacheTags.articleLists, cacheTags.sections, cacheTags.authors);
  cacheLife("minutes");
  return listingParams(20);
}
