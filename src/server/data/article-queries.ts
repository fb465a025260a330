import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { articleBodySchema, readingMinutes, type ArticleBody } from "@/lib/article-body";
import { mediaUrl } from "@/lib/media";
import { prisma } from "@/server/db";
import { isPublic, publicArticleWhere } from "@/server/data/visibility";

/**
 * Uncached reads of public articles, returning plain objects. Pages use the cached wrappers in
 * articles.ts; tests call these directly against a real database.
 */

export const PAGE_SIZE = 12;

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
  sectionId: string;
  tagIds: string[];
}

export const cardSelect = {
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

export function toCard(row: CardRow): ArticleCard {
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

/** Newest first; ties broken by id so that pages never overlap or skip. */
const newestFirst = [{ publishedAt: "desc" }, { id: "desc" }] satisfies Prisma.ArticleOrderByWithRelationInput[];

export async function latestArticles(limit: number, excludeIds: string[] = [], now = new Date()): Promise<ArticleCard[]> {
  const rows = await prisma.article.findMany({
    where: { ...publicArticleWhere(now), id: { notIn: excludeIds } },
    orderBy: newestFirst,
    take: limit,
    select: cardSelect,
  });
  return rows.map(toCard);
}

export async function curatedArticles(list: "FRONT_PAGE" | "EDITORS_PICKS", now = new Date()): Promise<ArticleCard[]> {
  const slots = await prisma.curatedSlot.findMany({
    where: { list, article: publicArticleWhere(now) },
    orderBy: { position: "asc" },
    select: { article: { select: cardSelect } },
  });
  return slots.map((s) => toCard(s.article));
}

/** The slugs of every story in a curated list, whether readers see it yet or not. */
export async function curatedSlugs(list: "FRONT_PAGE" | "EDITORS_PICKS"): Promise<string[]> {
  const slots = await prisma.curatedSlot.findMany({ where: { list }, select: { article: { select: { slug: true } } } });
  return slots.map((s) => s.article.slug);
}

export interface SectionBlock {
  section: { slug: string; name: string };
  articles: ArticleCard[];
}

/** The newest stories of every section, skipping those already shown higher on the page. */
export async function sectionBlocks(perSection: number, excludeIds: string[], now = new Date()): Promise<SectionBlock[]> {
  const sections = await prisma.section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true } });
  const blocks = await Promise.all(
    sections.map(async (section) => {
      const rows = await prisma.article.findMany({
        where: { ...publicArticleWhere(now), sectionId: section.id, id: { notIn: excludeIds } },
        orderBy: newestFirst,
        take: perSection,
        select: cardSelect,
      });
      return { section: { slug: section.slug, name: section.name }, articles: rows.map(toCard) };
    }),
  );
  return blocks.filter((b) => b.articles.length > 0);
}

export interface Listing<T> {
  entity: T;
  articles: ArticleCard[];
  page: number;
  totalPages: number;
  total: number;
}

/**
 * One page of public articles matching `filter`. Null when the page does not exist: beyond the
 * last page, or any page but the first of an empty list (allowEmptyFirstPage decides the first).
 */
export async function listPage<T>(
  entity: T,
  filter: Prisma.ArticleWhereInput,
  page: number,
  options: { allowEmptyFirstPage: boolean; pageSize?: number; now?: Date },
): Promise<Listing<T> | null> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const where: Prisma.ArticleWhereInput = { AND: [publicArticleWhere(options.now), filter] };
  const total = await prisma.article.count({ where });
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  if (page < 1 || page > totalPages) return null;
  if (total === 0 && !options.allowEmptyFirstPage) return null;
  // The page's ids first, then their cards: the ids come from the listing index alone (a section's
  // page 2,000 walks 24,000 index entries, not 24,000 rows), only the page's rows are read.
  const ids = (await prisma.article.findMany({ where, orderBy: newestFirst, skip: (page - 1) * pageSize, take: pageSize, select: { id: true } })).map((r) => r.id);
  const rows = await prisma.article.findMany({ where: { AND: [where, { id: { in: ids } }] }, orderBy: newestFirst, select: cardSelect });
  return { entity, articles: rows.map(toCard), page, totalPages, total };
}

export interface SectionInfo {
  slug: string;
  name: string;
  description: string;
}

export interface TagInfo {
  slug: string;
  name: string;
  description: string;
}

export interface AuthorInfo {
  slug: string;
  name: string;
  bio: string;
  image: string | null;
}

/**
 * Who a section, tag or author page (and its feed) is about, and which articles belong to it.
 * Sections are in the navigation, so their pages exist while empty; a tag or an author with no
 * public story does not exist for readers (no leak from drafts).
 */
export interface Scope<T> {
  entity: T;
  filter: Prisma.ArticleWhereInput;
  allowEmpty: boolean;
  updatedAt: Date;
}

export async function sectionScope(slug: string): Promise<Scope<SectionInfo> | null> {
  const s = await prisma.section.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true, updatedAt: true } });
  if (!s) return null;
  const { id, updatedAt, ...entity } = s;
  return { entity, filter: { sectionId: id }, allowEmpty: true, updatedAt };
}

export async function tagScope(slug: string): Promise<Scope<TagInfo> | null> {
  const t = await prisma.tag.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true, updatedAt: true } });
  if (!t) return null;
  const { id, updatedAt, ...entity } = t;
  return { entity, filter: { tags: { some: { tagId: id } } }, allowEmpty: false, updatedAt };
}

export async function authorScope(slug: string): Promise<Scope<AuthorInfo> | null> {
  const u = await prisma.user.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, bio: true, image: true, updatedAt: true } });
  if (!u) return null;
  const { id, updatedAt, ...entity } = u;
  return { entity, filter: { authors: { some: { userId: id } } }, allowEmpty: false, updatedAt };
}

async function scopedListing<T>(scope: Scope<T> | null, page: number, now: Date): Promise<Listing<T> | null> {
  return scope && listPage(scope.entity, scope.filter, page, { allowEmptyFirstPage: scope.allowEmpty, now });
}

export async function sectionListing(slug: string, page: number, now = new Date()): Promise<Listing<SectionInfo> | null> {
  return scopedListing(await sectionScope(slug), page, now);
}

export async function tagListing(slug: string, page: number, now = new Date()): Promise<Listing<TagInfo> | null> {
  return scopedListing(await tagScope(slug), page, now);
}

/** An author's page: bio, photo and stories. */
export async function authorListing(slug: string, page: number, now = new Date()): Promise<Listing<AuthorInfo> | null> {
  return scopedListing(await authorScope(slug), page, now);
}

export type ArticleLookup = { kind: "found"; article: ArticleDetail } | { kind: "gone" } | { kind: "missing" };

const detailSelect = {
  ...cardSelect,
  status: true,
  body: true,
  bodyText: true,
  sectionId: true,
  firstPublishedAt: true,
  contentUpdatedAt: true,
  seoTitle: true,
  seoDescription: true,
  tags: { orderBy: { position: "asc" }, select: { tag: { select: { id: true, slug: true, name: true } } } },
  corrections: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true } },
} satisfies Prisma.ArticleSelect;

function toDetail(row: Prisma.ArticleGetPayload<{ select: typeof detailSelect }>): ArticleDetail {
  const updated =
    row.contentUpdatedAt && row.publishedAt && row.contentUpdatedAt > row.publishedAt ? row.contentUpdatedAt : null;
  return {
    ...toCard(row),
    // Stored bodies were validated on save; parsing again keeps the renderer's input honest.
    body: articleBodySchema.parse(row.body),
    updatedAt: updated?.toISOString() ?? null,
    readingMinutes: readingMinutes(row.bodyText),
    tags: row.tags.map((t) => ({ slug: t.tag.slug, name: t.tag.name })),
    tagIds: row.tags.map((t) => t.tag.id),
    sectionId: row.sectionId,
    corrections: row.corrections.map((c) => ({ id: c.id, text: c.text, createdAt: c.createdAt.toISOString() })),
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
  };
}

/** An article by slug: found when public, gone when it was public once and no longer is. */
export async function findArticle(slug: string, now = new Date()): Promise<ArticleLookup> {
  const row = await prisma.article.findUnique({ where: { slug }, select: detailSelect });
  if (!row) return { kind: "missing" };
  if (!isPublic(row, now)) {
    // Gone: it was public once by then (archived, unpublished, or rescheduled into the future). A
    // scheduled article that had not gone live by then does not exist for readers yet.
    return row.firstPublishedAt && row.firstPublishedAt <= now ? { kind: "gone" } : { kind: "missing" };
  }
  return { kind: "found", article: toDetail(row) };
}

/**
 * Any article by id, whatever its status, rendered as readers would see it: for staff previews
 * only (never cached; the caller checks permission).
 */
export async function previewArticle(id: string): Promise<ArticleDetail | null> {
  const row = await prisma.article.findUnique({ where: { id }, select: detailSelect });
  if (!row) return null;
  const detail = toDetail(row);
  return row.publishedAt ? detail : { ...detail, publishedAt: new Date().toISOString() };
}

/**
 * Related stories: public, never the article itself, sharing its tags or section; more shared
 * tags first, then same section, then newest. Candidates come from two bounded queries (the
 * stories sharing most tags, and the section's newest), so an older story sharing every tag is
 * found even in a busy section.
 */
export async function relatedArticles(
  article: { id: string; sectionId: string; tagIds: string[] },
  limit: number,
  now = new Date(),
): Promise<ArticleCard[]> {
  const visible = publicArticleWhere(now);
  const [byTags, bySection] = await Promise.all([
    article.tagIds.length
      ? prisma.articleTag.groupBy({
          by: ["articleId"],
          where: { tagId: { in: article.tagIds }, articleId: { not: article.id }, article: visible },
          _count: { tagId: true },
          orderBy: [{ _count: { tagId: "desc" } }, { articleId: "asc" }],
          take: limit * 5,
        })
      : Promise.resolve([]),
    prisma.article.findMany({
      where: { ...visible, sectionId: article.sectionId, id: { not: article.id } },
      orderBy: newestFirst,
      take: limit,
      select: { id: true },
    }),
  ]);
  const shared = new Map(byTags.map((t) => [t.articleId, t._count.tagId]));
  const ids = [...new Set([...shared.keys(), ...bySection.map((a) => a.id)])];
  const rows = await prisma.article.findMany({
    where: { id: { in: ids }, ...visible },
    select: { ...cardSelect, sectionId: true },
  });
  const score = (r: (typeof rows)[number]) => (shared.get(r.id) ?? 0) * 2 + (r.sectionId === article.sectionId ? 1 : 0);
  return rows
    .sort(
      (a, b) =>
        score(b) - score(a) ||
        (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) ||
        (a.id < b.id ? 1 : -1),
    )
    .slice(0, limit)
    .map(toCard);
}

/** Most read over the last `days` days (counted in batches by the view counter). */
export async function mostReadArticles(limit: number, days = 2, now = new Date()): Promise<ArticleCard[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const top = await prisma.articleViewDaily.groupBy({
    by: ["articleId"],
    where: { day: { gte: since }, article: publicArticleWhere(now) },
    _sum: { views: true },
    orderBy: [{ _sum: { views: "desc" } }, { articleId: "asc" }],
    take: limit,
  });
  if (top.length === 0) return [];
  const rows = await prisma.article.findMany({ where: { id: { in: top.map((t) => t.articleId) } }, select: cardSelect });
  const byId = new Map(rows.map((r) => [r.id, toCard(r)]));
  return top.map((t) => byId.get(t.articleId)).filter((a): a is ArticleCard => a !== undefined);
}

/** Recent public article paths, prerendered at build time. */
export async function recentArticleParams(limit: number, now = new Date()): Promise<{ section: string; slug: string }[]> {
  const rows = await prisma.article.findMany({
    where: publicArticleWhere(now),
    orderBy: newestFirst,
    take: limit,
    select: { slug: true, section: { select: { slug: true } } },
  });
  return rows.map((r) => ({ section: r.section.slug, slug: r.slug }));
}

export interface ListingParams {
  sections: string[];
  tags: string[];
  authors: string[];
}

/** Slugs of listing pages to prerender at build time (the most used ones). */
export async function listingParams(limit: number, now = new Date()): Promise<ListingParams> {
  const visible = publicArticleWhere(now);
  const [sections, tags, authors] = await Promise.all([
    prisma.section.findMany({ orderBy: { position: "asc" }, take: limit, select: { slug: true } }),
    prisma.tag.findMany({
      where: { articles: { some: { article: visible } } },
      orderBy: { articles: { _count: "desc" } },
      take: limit,
      select: { slug: true },
    }),
    prisma.user.findMany({
      where: { authorships: { some: { article: visible } } },
      orderBy: { authorships: { _count: "desc" } },
      take: limit,
      select: { slug: true },
    }),
  ]);
  return { sections: sections.map((s) => s.slug), tags: tags.map((t) => t.slug), authors: authors.map((a) => a.slug) };
}
