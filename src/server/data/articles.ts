import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { articleBodySchema, readingMinutes, type ArticleBody } from "@/lib/article-body";
import { cacheTags } from "@/lib/cache-tags";
import { mediaUrl } from "@/lib/media";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { isPublic, publicArticleWhere } from "@/server/data/visibility";

/** Reads for reader pages: cached, tagged, plain objects. */

export interface ImageView {
  src: string;
  alt: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
}

export interface ArticleCard {
  id: string;
  slug: string;
  url: string;
  headline: string;
  standfirst: string;
  publishedAt: string;
  section: { slug: string; name: string };
  authors: { slug: string; name: string }[];
  image: ImageView | null;
}

export interface ArticleDetail extends ArticleCard {
  body: ArticleBody;
  updatedAt: string | null;
  readingMinutes: number;
  tags: { slug: string; name: string }[];
  corrections: { id: string; text: string; createdAt: string }[];
  seoTitle: string;
  seoDescription: string;
}

const cardSelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  publishedAt: true,
  heroCaption: true,
  heroCredit: true,
  section: { select: { slug: true, name: true } },
  authors: { orderBy: { position: "asc" }, select: { user: { select: { slug: true, name: true } } } },
  heroImage: { select: { storageKey: true, alt: true, width: true, height: true, caption: true, credit: true } },
} satisfies Prisma.ArticleSelect;

type CardRow = Prisma.ArticleGetPayload<{ select: typeof cardSelect }>;

function toCard(row: CardRow): ArticleCard {
  const hero = row.heroImage;
  return {
    id: row.id,
    slug: row.slug,
    url: `/${row.section.slug}/${row.slug}`,
    headline: row.headline,
    standfirst: row.standfirst,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    section: row.section,
    authors: row.authors.map((a) => a.user),
    image: hero
      ? {
          src: mediaUrl(hero.storageKey),
          alt: hero.alt,
          width: hero.width,
          height: hero.height,
          caption: row.heroCaption || hero.caption,
          credit: row.heroCredit || hero.credit,
        }
      : null,
  };
}

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

export interface FrontPage {
  lead: ArticleCard | null;
  topStories: ArticleCard[];
  latest: ArticleCard[];
  editorsPicks: ArticleCard[];
}

async function curatedCards(list: "FRONT_PAGE" | "EDITORS_PICKS", now: Date): Promise<ArticleCard[]> {
  const slots = await prisma.curatedSlot.findMany({
    where: { list, article: publicArticleWhere(now) },
    orderBy: { position: "asc" },
    select: { article: { select: cardSelect } },
  });
  return slots.map((s) => toCard(s.article));
}

export async function getFrontPage(): Promise<FrontPage> {
  "use cache";
  cacheTag(cacheTags.articleLists, cacheTags.curation);
  cacheLife("minutes");
  const now = new Date();
  const [front, editorsPicks] = await Promise.all([curatedCards("FRONT_PAGE", now), curatedCards("EDITORS_PICKS", now)]);
  const shown = new Set(front.map((a) => a.id));
  const latestRows = await prisma.article.findMany({
    where: { ...publicArticleWhere(now), id: { notIn: [...shown] } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 12,
    select: cardSelect,
  });
  const [lead = null, ...topStories] = front;
  return { lead, topStories, latest: latestRows.map(toCard), editorsPicks };
}

export type ArticleLookup =
  | { kind: "found"; article: ArticleDetail }
  | { kind: "gone" }
  | { kind: "missing" };

/** An article by slug: found when public, gone when it was public once and no longer is. */
export async function getArticle(slug: string): Promise<ArticleLookup> {
  "use cache";
  cacheTag(cacheTags.article(slug));
  cacheLife("hours");
  const row = await prisma.article.findUnique({
    where: { slug },
    select: {
      ...cardSelect,
      status: true,
      body: true,
      bodyText: true,
      firstPublishedAt: true,
      contentUpdatedAt: true,
      seoTitle: true,
      seoDescription: true,
      tags: { orderBy: { position: "asc" }, select: { tag: { select: { slug: true, name: true } } } },
      corrections: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true } },
    },
  });
  if (!row) return { kind: "missing" };
  if (!isPublic(row)) {
    // A scheduled article not yet live was never public: to readers it does not exist yet.
    return row.firstPublishedAt ? { kind: "gone" } : { kind: "missing" };
  }
  const updated = row.contentUpdatedAt && row.publishedAt && row.contentUpdatedAt > row.publishedAt ? row.contentUpdatedAt : null;
  return {
    kind: "found",
    article: {
      ...toCard(row),
      // Stored bodies were validated on save; parsing again keeps the renderer's input honest.
      body: articleBodySchema.parse(row.body),
      updatedAt: updated?.toISOString() ?? null,
      readingMinutes: readingMinutes(row.bodyText),
      tags: row.tags.map((t) => t.tag),
      corrections: row.corrections.map((c) => ({ id: c.id, text: c.text, createdAt: c.createdAt.toISOString() })),
      seoTitle: row.seoTitle,
      seoDescription: row.seoDescription,
    },
  };
}

/** Recent public article paths, prerendered at build time. */
export async function getRecentArticleParams(limit: number): Promise<{ section: string; slug: string }[]> {
  "use cache";
  cacheTag(cacheTags.articleLists);
  cacheLife("minutes");
  const rows = await prisma.article.findMany({
    where: publicArticleWhere(),
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: { slug: true, section: { select: { slug: true } } },
  });
  return rows.map((r) => ({ section: r.section.slug, slug: r.slug }));
}
