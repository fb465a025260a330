// GET /api/v1/articles/:id – read (public articles for everyone; staff see what they may edit)
// PATCH /api/v1/articles/:id – save changes: { version, …fields } (409 when version is stale)
// DELETE /api/v1/articles/:id?version=n – delete
import { articleUpdateSchema } from "@/lib/schemas/article";
import { apiRoute, readJson } from "@/server/api/handler";
import { readArticle } from "@/server/api/articles";
import { apiJson } from "@/server/api/respond";
import { apiArticle } from "@/server/api/serialize";
import { deleteArticle, updateArticle } from "@/server/services/articles";
import { prisma } from "@/server/db";

type Params = { id: string };

export const GET = apiRoute<Params>("public", async ({ params, actor }) => {
  const { article, view } = await readArticle(actor, params.id);
  return apiJson(apiArticle(article, view));
});

export const PATCH = apiRoute<Params>("staff-write", async ({ request, params, actor }) =>
  apiJson(apiArticle(await updateArticle(prisma, actor!, params.id, await readJson(request, articleUpdateSchema)))),
);

export const DELETE = apiRoute<Params>("staff-write", async ({ request, params, actor }) => {
  // Absent, it is undefined (the schema says it is required), not Number(null) = 0 ("Must be 1 or more").
  const given = new URL(request.url).searchParams.get("version");
  await deleteArticle(prisma, actor!, params.id, { version: given === null ? undefined : Number(given) });
  return new Response(null, { status: 204 });
});
