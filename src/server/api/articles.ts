import "server-only";
import type { ArticleListQuery } from "@/lib/schemas/article";
import { prisma } from "@/server/db";
import { listStaffArticles, staffListSelect } from "@/server/data/dashboard";
import { isPublic, publicArticleWhere } from "@/server/data/visibility";
import { findArticleById } from "@/server/services/articles";
import { forbidden, notFound } from "@/server/services/errors";
import { can, type Actor } from "@/server/services/permissions";

/** Article reads of the API: staff get what they may see, everyone else public articles only. */
export async function listArticles(actor: Actor | null, query: ArticleListQuery) {
  if (actor) return listStaffArticles(prisma, actor, query);
  const where = {
    AND: [
      publicArticleWhere(),
      query.section ? { section: { slug: query.section } } : {},
      query.author ? { authors: { some: { user: { slug: query.author } } } } : {},
      query.q ? { headline: { contains: query.q, mode: "insensitive" as const } } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.article.findMany({ where, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], skip: (query.page - 1) * query.perPage, take: query.perPage, select: staffListSelect }),
    prisma.article.count({ where }),
  ]);
  // Public readers do not learn who edited what.
  return { rows: rows.map((r) => ({ ...r, lastEditedBy: null, version: 0 })), total, page: query.page, perPage: query.perPage, pages: Math.max(1, Math.ceil(total / query.perPage)) };
}

export async function readArticle(actor: Actor | null, id: string) {
  const article = await findArticleById(prisma, id).catch(() => null);
  if (!article) throw notFound("The article");
  // Staff see what they may edit; anyone (staff included) sees a public article.
  if (actor && can.viewArticle(actor, { status: article.status, createdById: article.createdById, authorIds: article.authors.map((a) => a.userId) })) return article;
  if (isPublic(article)) return { ...article, lastEditedBy: null };
  if (actor) throw forbidden("You can only open your own articles.");
  throw notFound("The article");
}
