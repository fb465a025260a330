import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { ArticleListQuery } from "@/lib/schemas/article";
import { staffSearchArticleIds } from "@/server/data/search-queries";
import { countTokensExpiringSoon } from "@/server/services/api-tokens";
import { atLeast, can, refOf, type Actor } from "@/server/services/permissions";
import { containsText } from "@/server/data/text-filter";

/**
 * Reads for the newsroom. Never cached: staff must see every change at once, and nothing here
 * may enter a public cache. Contributors and authors see their own articles; editors see all.
 */

/**
 * `textMatches`: the ids whose words match `query.q` (staffSearchArticleIds); beside them, `q`
 * finds headlines, slugs, bylines and tags that contain it as typed.
 */
/** Articles this member started or has a byline on. */
const ownArticles = (actor: Actor): Prisma.ArticleWhereInput => ({ OR: [{ createdById: actor.id }, { authors: { some: { userId: actor.id } } }] });

/** This member's own articles an editor sent back to them from review, still drafts: the latest few, and how many. */
export async function returnedToWriter(db: PrismaClient, actor: Actor, take = 5) {
  const where: Prisma.ArticleWhereInput = { AND: [ownArticles(actor), { status: "DRAFT", returnNote: { not: null } }] };
  const [latest, count] = await Promise.all([
    db.article.findMany({ where, orderBy: [{ returnedAt: "desc" }, { id: "asc" }], take, select: { id: true, headline: true } }),
    db.article.count({ where }),
  ]);
  return { latest, count };
}

/**
 * What the newsroom's front page points out to this member, as counts (0: nothing to say): their
 * articles sent back from review; for editors, articles waiting for review; for admins, API
 * tokens about to expire.
 */
export async function newsroomNotices(db: PrismaClient, actor: Actor) {
  const [returned, awaitingReview, expiringTokens] = await Promise.all([
    returnedToWriter(db, actor),
    atLeast(actor, "EDITOR") ? db.article.count({ where: { status: "IN_REVIEW" } }) : 0,
    countTokensExpiringSoon(db, actor),
  ]);
  return { returned, awaitingReview, expiringTokens };
}

export function staffArticleWhere(actor: Actor, query: Partial<ArticleListQuery>, textMatches: string[] = []): Prisma.ArticleWhereInput {
  const and: Prisma.ArticleWhereInput[] = [];
  if (!atLeast(actor, "EDITOR")) and.push(ownArticles(actor));
  if (query.status) and.push({ status: query.status });
  if (query.section) and.push({ section: { slug: query.section } });
  if (query.author) and.push({ authors: { some: { user: { slug: query.author } } } });
  if (query.q) {
    and.push({
      OR: [
        { headline: containsText(query.q) },
        { slug: containsText(query.q) },
        { searchNames: containsText(query.q) },
        ...(textMatches.length ? [{ id: { in: textMatches } }] : []),
      ],
    });
  }
  return { AND: and };
}

const orderBy = (query: ArticleListQuery): Prisma.ArticleOrderByWithRelationInput[] => {
  const dir = query.order;
  if (query.sort === "headline") return [{ headline: dir }, { id: "asc" }];
  if (query.sort === "published") return [{ publishedAt: { sort: dir, nulls: "last" } }, { id: "asc" }];
  return [{ updatedAt: dir }, { id: "asc" }];
};

export const staffListSelect = {
  id: true,
  slug: true,
  headline: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  version: true,
  section: { select: { slug: true, name: true } },
  authors: { orderBy: { position: "asc" }, select: { user: { select: { id: true, name: true, slug: true } } } },
  lastEditedBy: { select: { name: true } },
  returnNote: true,
  returnedAt: true,
  returnedBy: { select: { name: true } },
} satisfies Prisma.ArticleSelect;

export type StaffArticleRow = Prisma.ArticleGetPayload<{ select: typeof staffListSelect }>;

export async function listStaffArticles(db: PrismaClient, actor: Actor, query: ArticleListQuery) {
  const where = staffArticleWhere(actor, query, query.q ? await staffSearchArticleIds(query.q) : []);
  const [rows, total] = await Promise.all([
    db.article.findMany({ where, orderBy: orderBy(query), skip: (query.page - 1) * query.perPage, take: query.perPage, select: staffListSelect }),
    db.article.count({ where }),
  ]);
  return { rows, total, page: query.page, perPage: query.perPage, pages: Math.max(1, Math.ceil(total / query.perPage)) };
}

export async function staffOptions(db: PrismaClient) {
  const [sections, authors, tags] = await Promise.all([
    db.section.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true } }),
    db.user.findMany({ where: { disabled: false }, orderBy: { name: "asc" }, select: { id: true, name: true, slug: true, role: true } }),
    db.tag.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } }),
  ]);
  return { sections, authors, tags };
}

/** Who else has an article open (heartbeat in the last 45 seconds). */
export async function presentEditors(db: PrismaClient, articleId: string, exceptUserId: string) {
  const rows = await db.editorPresence.findMany({
    where: { articleId, userId: { not: exceptUserId }, seenAt: { gte: new Date(Date.now() - 45_000) } },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.user);
}

export async function touchPresence(db: PrismaClient, articleId: string, userId: string) {
  await db.editorPresence.upsert({
    where: { articleId_userId: { articleId, userId } },
    create: { articleId, userId, seenAt: new Date() },
    update: { seenAt: new Date() },
  });
}

export async function leavePresence(db: PrismaClient, articleId: string, userId: string) {
  await db.editorPresence.deleteMany({ where: { articleId, userId } });
}

/**
 * Whether the member may open the article with this id (the proxy's 404 for editor URLs): false
 * for no such article, and for someone else's draft that a writer may not open.
 */
export async function staffMayOpen(db: PrismaClient, actor: Actor, id: string): Promise<boolean> {
  const article = await db.article.findUnique({ where: { id }, select: { status: true, createdById: true, authors: { select: { userId: true } } } });
  return !!article && can.viewArticle(actor, refOf(article));
}
