// GET /api/v1/tags/:id – one tag (the public: only once a public article carries it)
// PATCH /api/v1/tags/:id – rename (name, slug; an old slug redirects)
// DELETE /api/v1/tags/:id – delete (editors)
import { tagUpdateSchema } from "@/lib/schemas/taxonomy";
import { apiRoute, readJson } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { readTag } from "@/server/api/tags-and-authors";
import { prisma } from "@/server/db";
import { deleteTag, renameTag } from "@/server/services/taxonomy";

type Params = { id: string };

export const GET = apiRoute<Params>("public", async ({ params, actor }) => apiJson(await readTag(actor, params.id)));

export const PATCH = apiRoute<Params>("staff-write", async ({ request, params, actor }) =>
  apiJson(await renameTag(prisma, actor!, params.id, await readJson(request, tagUpdateSchema))),
);

export const DELETE = apiRoute<Params>("staff-write", async ({ params, actor }) => {
  await deleteTag(prisma, actor!, params.id);
  return new Response(null, { status: 204 });
});
