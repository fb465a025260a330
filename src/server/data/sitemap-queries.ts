import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { mediaUrl } from "@/lib/media";
import { routes } from "@/lib/routes";
import { NEWS_MAX_URLS, NEWS_WINDOW_MS, SITEMAP_MAX_URLS } from "@/lib/sitemap-xml";
import { prisma } from "@/server/db";
import { publicArticleSql, publicArticleWhere } from "@/server/data/visibility";

/**
 * Uncached reads for the sitemaps, returning plain objects with site-relative URLs and ISO dates.
 * The routes use the cached documents in sitemaps.ts; tests call these directly. Every query
 * applies the one visibility rule, so a sitemap never names a draft, an article in review, a
 * scheduled article before its time or an archived one, nor a tag or author known only from them.
 */

/** When an article last changed for readers: its publication, or a later real content update. */
const LASTMOD = Prisma.sql`greatest("a"."publishedAt", "a"."contentUpdatedAt")`;

export interface ArticleMonth {
  /** "2026-11" (UTC). */
  month: string;
  count: number;
  /** Newest lastmod of the month's public articles. */
  lastmod: string;
}

/**
 * Months that have public articles, newest first, with their newest lastmod: one grouped query,
 * so that the sitemap index stays one cheap read however many articles there are. It reads the
 * columns of one index only (Article_publishedAt_status_contentUpdatedAt_idx), and groups by the
 * month as a timestamp, formatted after: grouped by the formatted text, PostgreSQL expected as many
 * months as articles and sorted every article (on disk at 100,000) instead of hashing them.
 * "publishedAt" is a timestamp without time zone holding UTC, so months are UTC months whatever
 * the session's time zone.
 */
export async function articleMonths(now = new Date()): Promise<ArticleMonth[]> {
  const rows = await prisma.$queryRaw<{ month: string; count: number; lastmod: Date }[]>`
    SELECT to_char("m"."start", 'YYYY-MM') AS "month", "m"."count", "m"."lastmod"
    FROM (
      SELECT date_trunc('month', "a"."publishedAt") AS "start",
             count(*)::int AS "count",
             max(${LASTMOD}) AS "lastmod"
      FROM "Article" AS "a"
      WHERE ${publicArticleSql("a", now)}
      GROUP BY 1
    ) AS "m"
    ORDER BY "m"."start" DESC`;
  return rows.map((r) => ({ month: r.month, count: r.count, lastmod: new Date(r.lastmod).toISOString() }));
}

export interface SitemapArticle {
  url: string;
  lastmod: string;
  image: { src: string; alt: string; caption: string } | null;
}

/**
 * Part `part` (from 1) of the public articles published in `month` ("YYYY-MM"), oldest first (a
 * stable order, so that parts do not overlap), `perFile` to a part. Null when the month is
 * malformed or that part has no articles, which includes every part of a month with no public
 * article.
 */
export async function monthArticles(
  month: string,
  part = 1,
  now = new Date(),
  perFile = SITEMAP_MAX_URLS,
): Promise<SitemapArticle[] | null> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || !Number.isInteger(part) || part < 1) return null;
  // A range on the column itself (not date_trunc of it) so that the publishedAt index serves it.
  const start = `${month}-01 00:00:00`;
  const rows = await prisma.$queryRaw<
    { slug: string; section: string; lastmod: Date; storageKey: string | null; alt: string | null; caption: string }[]
  >`
    SELECT "a"."slug", "s"."slug" AS "section", ${LASTMOD} AS "lastmod",
           "m"."storageKey", "m"."alt", coalesce(nullif("a"."heroCaption", ''), "m"."caption", '') AS "caption"
    FROM "Article" AS "a"
    JOIN "Section" AS "s" ON "s"."id" = "a"."sectionId"
    LEFT JOIN "Media" AS "m" ON "m"."id" = "a"."heroImageId"
    WHERE ${publicArticleSql("a", now)}
      AND "a"."publishedAt" >= ${start}::timestamp
      AND "a"."publishedAt" < ${start}::timestamp + interval '1 month'
    ORDER BY "a"."publishedAt" ASC, "a"."id" ASC
    LIMIT ${perFile} OFFSET ${(part - 1) * perFile}`;
  if (rows.length === 0) return null;
  return rows.map((r) => ({
    url: routes.article(r.section, r.slug),
    lastmod: new Date(r.lastmod).toISOString(),
    image: r.storageKey ? { src: mediaUrl(r.storageKey), alt: r.alt ?? "", caption: r.caption } : null,
  }));
}

export interface SitemapPage {
  url: string;
  /** Newest lastmod of the public articles listed there; null for a section with none yet. */
  lastmod: string | null;
}

const toPages = (rows: { slug: string; lastmod: Date | null }[], url: (slug: string) => string): SitemapPage[] =>
  rows.map((r) => ({ url: url(r.slug), lastmod: r.lastmod ? new Date(r.lastmod).toISOString() : null }));

/** Sections with a public story, in navigation order (an empty one's page is noindex). */
export async function sectionPages(now = new Date()): Promise<SitemapPage[]> {
  const rows = await prisma.$queryRaw<{ slug: string; lastmod: Date | null }[]>`
    SELECT "s"."slug", max(${LASTMOD}) AS "lastmod"
    FROM "Section" AS "s"
    JOIN "Article" AS "a" ON "a"."sectionId" = "s"."id" AND ${publicArticleSql("a", now)}
    GROUP BY "s"."id"
    ORDER BY "s"."position" ASC, "s"."name" ASC, "s"."slug" ASC
    LIMIT ${SITEMAP_MAX_URLS}`;
  return toPages(rows, (slug) => routes.section(slug));
}

// Tags and authors with at least one public story (the others have no page for readers), most
// recently active first. Beyond SITEMAP_MAX_URLS the least active are left out rather than
// split into parts: their pages stay reachable from the articles that link them.

export async function tagPages(now = new Date()): Promise<SitemapPage[]> {
  const rows = await prisma.$queryRaw<{ slug: string; lastmod: Date }[]>`
    SELECT "t"."slug", max(${LASTMOD}) AS "lastmod"
    FROM "Tag" AS "t"
    JOIN "ArticleTag" AS "at" ON "at"."tagId" = "t"."id"
    JOIN "Article" AS "a" ON "a"."id" = "at"."articleId"
    WHERE ${publicArticleSql("a", now)}
    GROUP BY "t"."id"
    ORDER BY "lastmod" DESC, "t"."slug" ASC
    LIMIT ${SITEMAP_MAX_URLS}`;
  return toPages(rows, (slug) => routes.tag(slug));
}

export async function authorPages(now = new Date()): Promise<SitemapPage[]> {
  const rows = await prisma.$queryRaw<{ slug: string; lastmod: Date }[]>`
    SELECT "u"."slug", max(${LASTMOD}) AS "lastmod"
    FROM "User" AS "u"
    JOIN "ArticleAuthor" AS "aa" ON "aa"."userId" = "u"."id"
    JOIN "Article" AS "a" ON "a"."id" = "aa"."articleId"
    WHERE ${publicArticleSql("a", now)}
    GROUP BY "u"."id"
    ORDER BY "lastmod" DESC, "u"."slug" ASC
    LIMIT ${SITEMAP_MAX_URLS}`;
  return toPages(rows, (slug) => routes.author(slug));
}

export interface PagesSitemapDates {
  sections: string | null;
  tags: string | null;
  authors: string | null;
}

/**
 * The newest lastmod in each of the sections, tags and authors sitemaps, for the index, without
 * building them (each of those joins every public article: 130–190 ms at 100,000). A sitemap's
 * newest lastmod is that of the newest public article with a section (every one), a tag or an
 * author. And the newest greatest(publishedAt, contentUpdatedAt) of a set is the greater of its
 * newest publishedAt and its newest contentUpdatedAt: each is the first public row, with a tag or
 * an author, of an index walked newest first (Article_publishedAt_id_idx,
 * Article_contentUpdatedAt_idx), whatever the archive's size.
 */
export async function pagesSitemapDates(now = new Date()): Promise<PagesSitemapDates> {
  const newest = (having: Prisma.Sql) => Prisma.sql`greatest(
    (SELECT "a"."publishedAt" FROM "Article" AS "a"
     WHERE ${publicArticleSql("a", now)} ${having}
     ORDER BY "a"."publishedAt" DESC LIMIT 1),
    (SELECT "a"."contentUpdatedAt" FROM "Article" AS "a"
     WHERE ${publicArticleSql("a", now)} AND "a"."contentUpdatedAt" IS NOT NULL ${having}
     ORDER BY "a"."contentUpdatedAt" DESC LIMIT 1))`;
  const withTag = Prisma.sql`AND EXISTS (SELECT 1 FROM "ArticleTag" AS "at" WHERE "at"."articleId" = "a"."id")`;
  const withAuthor = Prisma.sql`AND EXISTS (SELECT 1 FROM "ArticleAuthor" AS "aa" WHERE "aa"."articleId" = "a"."id")`;
  const [row] = await prisma.$queryRaw<[Record<keyof PagesSitemapDates, Date | null>]>`
    SELECT ${newest(Prisma.empty)} AS "sections", ${newest(withTag)} AS "tags", ${newest(withAuthor)} AS "authors"`;
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return { sections: iso(row.sections), tags: iso(row.tags), authors: iso(row.authors) };
}

export interface NewsArticle {
  url: string;
  title: string;
  publishedAt: string;
}

/** For Google News: public articles published in the last 48 hours, newest first, at most 1,000. */
export async function newsArticles(now = new Date()): Promise<NewsArticle[]> {
  const rows = await prisma.article.findMany({
    where: { AND: [publicArticleWhere(now), { publishedAt: { gt: new Date(now.getTime() - NEWS_WINDOW_MS) } }] },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: NEWS_MAX_URLS,
    select: { slug: true, headline: true, publishedAt: true, section: { select: { slug: true } } },
  });
  return rows.map((r) => ({
    url: routes.article(r.section.slug, r.slug),
    title: r.headline,
    publishedAt: (r.publishedAt ?? now).toISOString(),
  }));
}
