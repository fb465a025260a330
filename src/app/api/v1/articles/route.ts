// GET /api/v1/articles – list (public: public articles only; staff: the dashboard's view)
// POST /api/v1/articles – create a draft
import { articleListQuerySchema } from "@/lib/schemas/article";
import { apiRoute, readJson, readQuery } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { apiArticle, apiArticleSummary } from "@/server/api/serialize";
import { listArticles } from "@/server/api/articles";
import { createArticle } from "@/server/services/articles";
import { articleCreateSchema } from "@/lib/schemas/article";
import { prisma } from "@/server/db";

export const GET = apiRoute("public", async ({ request, actor }) => {
  const { rows, view, ...meta } = await listArticles(actor, readQuery(request, articleListQuerySchema));
  return apiJson(rows.map((row) => apiArticleSummary(row, view)), { meta });
});

export const POST = apiRoute("staff-write", async ({ request, actor }) => {
  const article = await createArticle(prisma, actor!, await readJson(request, articleCreateSchema));
  return apiJson(apiArticle(article), { status: 201 });
});
