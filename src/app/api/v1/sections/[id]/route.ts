// GET /api/v1/sections/:id – one section
// PATCH /api/v1/sections/:id – rename (name, slug, description; old URLs redirect) (editors)
// DELETE /api/v1/sections/:id – delete an empty section (editors)
import { sectionUpdateSchema } from "@/lib/schemas/taxonomy";
import { apiRoute, readJson } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";
import { notFound } from "@/server/services/errors";
import { deleteSection, updateSection } from "@/server/services/taxonomy";

type Params = { id: string };

export const GET = apiRoute<Params>("public", async ({ params }) => {
  const section = await prisma.section.findUnique({ where: { id: params.id }, select: { id: true, slug: true, name: true, description: true, position: true } });
  if (!section) throw notFound("The section");
  return apiJson(section);
});

export const PATCH = apiRoute<Params>("staff-write", async ({ request, params, actor }) =>
  apiJson(await updateSection(prisma, actor!, params.id, await readJson(request, sectionUpdateSchema))),
);

export const DELETE = apiRoute<Params>("staff-write", async ({ params, actor }) => {
  await deleteSection(prisma, actor!, params.id);
  return new Response(null, { status: 204 });
});
