import "server-only";
import type { ArticleListQuery } from "@/lib/schemas/article";
import { prisma } from "@/server/db";
import { listStaffArticles, staffListSelect } from "@/server/data/dashboard";
import { publicArticleWhere } from "@/server/data/visibility";
import { getArticleForStaff } from "@/server/services/articles";
import { notFound } from "@/server/services/errors";
import type { Actor } from "@/server/services/permissions";
import { isPublic } from "@/server/data/visibility";

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
  if (actor) return getArticleForStaff(prisma, actor, id);
  const article = await getArticleForStaff(prisma, { id: "", role: "ADMIN", name: "" }, id).catch(() => null);
  if (!article || !isPublic(article)) throw notFound("The article");
  return { ...article, lastEditedBy: null };
}
