import "server-only";
import type { ArticleListQuery } from "@/lib/schemas/article";
import { prisma } from "@/server/db";
import { listStaffArticles, staffListSelect, type StaffArticleRow } from "@/server/data/dashboard";
import { searchArticleIds } from "@/server/data/search-queries";
import { isPublic, publicArticleWhere } from "@/server/data/visibility";
import { findArticleById, type EditorArticle } from "@/server/services/articles";
import type { ArticleView } from "@/server/api/serialize";
import { forbidden, notFound } from "@/server/services/errors";
import { can, refOf, type Actor } from "@/server/services/permissions";

/** Article reads of the API: staff get what they may see, everyone else public articles only. */
export async function listArticles(actor: Actor | null, query: ArticleListQuery): Promise<{ view: ArticleView; rows: StaffArticleRow[]; total: number; page: number; perPage: number; pages: number }> {
  if (actor) return { view: "staff", ...(await listStaffArticles(prisma, actor, query)) };
  const where = {
    AND: [
      publicArticleWhere(),
      query.section ? { section: { slug: query.section } } : {},
      query.author ? { authors: { some: { user: { slug: query.author } } } } : {},
      // Words, as the site's search reads them (bylines and tags too; the newest 1,000 matches).
      query.q ? { id: { in: await searchArticleIds(query.q) } } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.article.findMany({ where, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], skip: (query.page - 1) * query.perPage, take: query.perPage, select: staffListSelect }),
    prisma.article.count({ where }),
  ]);
  return { view: "public", rows, total, page: query.page, perPage: query.perPage, pages: Math.max(1, Math.ceil(total / query.perPage)) };
}

export async function readArticle(actor: Actor | null, id: string): Promise<{ article: EditorArticle; view: ArticleView }> {
  const article = await findArticleById(prisma, id).catch(() => null);
  if (!article) throw notFound("The article");
  // Staff see what they may edit; anyone (staff included) sees a public article.
  if (actor && can.viewArticle(actor, refOf(article))) return { article, view: "staff" };
  if (isPublic(article)) return { article, view: "public" };
  if (actor) throw forbidden("You can only open your own articles.");
  throw notFound("The article");
}
