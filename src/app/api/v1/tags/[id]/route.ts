// GET /api/v1/tags/:id – one tag
// PATCH /api/v1/tags/:id – rename (name, slug; an old slug redirects)
// DELETE /api/v1/tags/:id – delete (editors)
import { tagUpdateSchema } from "@/lib/schemas/taxonomy";
import { apiRoute, readJson } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";
import { notFound } from "@/server/services/errors";
import { deleteTag, renameTag } from "@/server/services/taxonomy";

type Params = { id: string };

export const GET = apiRoute<Params>("public", async ({ params }) => {
  const tag = await prisma.tag.findUnique({ where: { id: params.id }, select: { id: true, slug: true, name: true, description: true } });
  if (!tag) throw notFound("The tag");
  return apiJson(tag);
});

export const PATCH = apiRoute<Params>("staff-write", async ({ request, params, actor }) =>
  apiJson(await renameTag(prisma, actor!, params.id, await readJson(request, tagUpdateSchema))),
);

export const DELETE = apiRoute<Params>("staff-write", async ({ params, actor }) => {
  await deleteTag(prisma, actor!, params.id);
  return new Response(null, { status: 204 });
});
