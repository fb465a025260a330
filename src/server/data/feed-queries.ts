import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { articleBodySchema, bodyToPlainText } from "@/lib/article-body";
import { articleFeedHtml, bodyToFeedHtml, plainTextToFeedHtml, type Feed, type FeedImage, type FeedItem } from "@/lib/feeds";
import { formatDate } from "@/lib/format";
import { mediaUrl } from "@/lib/media";
import { absoluteUrl, routes, type FeedScope } from "@/lib/routes";
import { authorScope, cardSelect, sectionScope, tagScope } from "@/server/data/article-queries";
import { listingDescription } from "@/lib/listing-text";
import { prisma } from "@/server/db";
import { publicArticleWhere } from "@/server/data/visibility";

/**
 * Uncached reads for feeds, returning plain objects. Route handlers use the cached wrapper in
 * feeds.ts; tests call these directly against a real database.
 *
 * Full text, not summaries: feeds carry the whole article (content:encoded, Atom content, JSON
 * Feed content_html) beside the standfirst as the summary. Most readers of a news feed read in
 * the feed reader, and the articles are free to read on the site, so a summary-only feed would
 * only add a click; the standfirst stays available to readers that show summaries. The HTML is
 * produced from the validated ProseMirror body by lib/feeds.ts, never from stored HTML.
 */

export const FEED_SIZE = 50;

const feedSelect = {
  ...cardSelect,
  body: true,
  bodyText: true,
  firstPublishedAt: true,
  contentUpdatedAt: true,
  heroImage: { select: { storageKey: true, mimeType: true, bytes: true, alt: true, width: true, height: true, caption: true, credit: true } },
  tags: { orderBy: { position: "asc" }, select: { tag: { select: { slug: true, name: true } } } },
  corrections: { orderBy: { createdAt: "asc" }, select: { text: true, createdAt: true } },
} satisfies Prisma.ArticleSelect;

type FeedRow = Prisma.ArticleGetPayload<{ select: typeof feedSelect }>;

export interface ScopedFeed {
  feed: Feed;
  /** Slugs of the listed articles, for cache tags: editing any of them expires the feed. */
  articleSlugs: string[];
}

interface Site {
  siteName: string;
  tagline: string;
  siteUrl: string;
  language: string;
  updatedAt: Date;
}

interface ScopeInfo {
  name: string;
  description: string;
  homePath: string;
  filter: Prisma.ArticleWhereInput;
  /** Sections are in the navigation and have a feed while empty; tags and authors do not exist for readers until they have a public story. */
  allowEmpty: boolean;
  updatedAt: Date;
}

async function resolveScope(scope: FeedScope): Promise<ScopeInfo | null> {
  const found =
    scope.kind === "section"
      ? await sectionScope(scope.slug)
      : scope.kind === "tag"
        ? await tagScope(scope.slug)
        : await authorScope(scope.slug);
  if (!found) return null;
  const { entity } = found;
  const homePath =
    scope.kind === "section" ? routes.section(entity.slug) : scope.kind === "tag" ? routes.tag(entity.slug) : routes.author(entity.slug);
  return {
    name: entity.name,
    description: listingDescription(scope.kind, entity),
    homePath,
    filter: found.filter,
    allowEmpty: found.allowEmpty,
    updatedAt: found.updatedAt,
  };
}

/**
 * A stable id for an article in every feed: a tag: URI (RFC 4151) of the site's host, the day it
 * was first published and its database id. Not its URL: a corrected slug or a move to another
 * section would otherwise show the story to subscribers a second time.
 */
export function feedItemId(siteUrl: string, article: { id: string; firstPublishedAt: Date | null; publishedAt: Date | null }): string {
  const day = (article.firstPublishedAt ?? article.publishedAt ?? new Date(0)).toISOString().slice(0, 10);
  return `tag:${new URL(siteUrl).hostname},${day}:article:${article.id}`;
}

function summaryOf(standfirst: string, plain: string): string {
  if (standfirst.trim()) return standfirst;
  const text = plain.replace(/\s+/g, " ").trim();
  if (text.length <= 280) return text;
  return `${text.slice(0, 280).replace(/\s+\S*$/, "")}…`;
}

function toFeedItem(row: FeedRow, site: Site): FeedItem {
  const url = absoluteUrl(site.siteUrl, routes.article(row.section.slug, row.slug));
  const published = row.publishedAt ?? new Date(0);
  const updated = row.contentUpdatedAt && row.contentUpdatedAt > published ? row.contentUpdatedAt : published;
  const hero = row.heroImage;
  const image: FeedImage | null = hero
    ? {
        url: absoluteUrl(site.siteUrl, mediaUrl(hero.storageKey)),
        mimeType: hero.mimeType,
        bytes: hero.bytes,
        width: hero.width,
        height: hero.height,
        alt: hero.alt,
        caption: row.heroCaption || hero.caption,
        credit: row.heroCredit || hero.credit,
      }
    : null;
  // Bodies were validated on save. Should one no longer pass (a schema change), the feed falls
  // back to its stored plain text rather than failing for every article in it.
  const parsed = articleBodySchema.safeParse(row.body);
  const bodyHtml = parsed.success ? bodyToFeedHtml(parsed.data, url) : plainTextToFeedHtml(row.bodyText);
  const plain = parsed.success ? bodyToPlainText(parsed.data) : row.bodyText;
  return {
    id: feedItemId(site.siteUrl, row),
    url,
    title: row.headline,
    summary: summaryOf(row.standfirst, plain),
    contentHtml: articleFeedHtml({
      bodyHtml,
      hero: image,
      corrections: row.corrections.map((c) => ({ text: c.text, date: formatDate(c.createdAt.toISOString()) })),
    }),
    published: published.toISOString(),
    updated: updated.toISOString(),
    authors: row.authors.map(({ user }) => ({ name: user.name, url: absoluteUrl(site.siteUrl, routes.author(user.slug)) })),
    section: { name: row.section.name, url: absoluteUrl(site.siteUrl, routes.section(row.section.slug)) },
    tags: row.tags.map(({ tag }) => ({ name: tag.name, url: absoluteUrl(site.siteUrl, routes.tag(tag.slug)) })),
    image,
  };
}

/**
 * The feed of the whole site (scope null) or of one section, tag or author: the newest 50 public
 * articles, newest first. Null when the scope does not exist for readers (unknown, or a tag or
 * author with no public story), exactly as for their pages.
 */
export async function feedFor(scope: FeedScope | null, now = new Date()): Promise<ScopedFeed | null> {
  const settings = await prisma.settings.findUnique({
    where: { id: 1 },
    select: { siteName: true, tagline: true, siteUrl: true, language: true, updatedAt: true },
  });
  if (!settings) throw new Error("The database has no settings row: run `npm run db:seed`.");
  const site: Site = settings;

  const info = scope ? await resolveScope(scope) : null;
  if (scope && !info) return null;

  const rows = await prisma.article.findMany({
    where: info ? { AND: [publicArticleWhere(now), info.filter] } : publicArticleWhere(now),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
    select: feedSelect,
  });
  if (info && !info.allowEmpty && rows.length === 0) return null;

  const items = rows.map((row) => toFeedItem(row, site));
  // The newest change among the listed articles; an empty feed falls back to when its scope last changed.
  const newest = items.reduce<string | null>((max, i) => (max === null || i.updated > max ? i.updated : max), null);
  const url = (format: "rss" | "atom" | "json") => absoluteUrl(site.siteUrl, routes.feed(format, scope ?? undefined));
  const feed: Feed = {
    title: info ? `${info.name} | ${site.siteName}` : site.siteName,
    description: info ? info.description : site.tagline || `The latest news from ${site.siteName}.`,
    language: site.language,
    homePageUrl: absoluteUrl(site.siteUrl, info ? info.homePath : routes.home()),
    feedUrls: { rss: url("rss"), atom: url("atom"), json: url("json") },
    publisher: { name: site.siteName, url: absoluteUrl(site.siteUrl, routes.home()) },
    updated: newest ?? (info ? info.updatedAt : site.updatedAt).toISOString(),
    items,
  };
  return { feed, articleSlugs: rows.map((r) => r.slug) };
}
