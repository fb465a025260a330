// GET /api/v1/sections – every section, in navigation order
// POST /api/v1/sections – create one (editors)
import { sectionCreateSchema } from "@/lib/schemas/taxonomy";
import { apiRoute, readJson } from "@/server/api/handler";
import { createSection } from "@/server/services/taxonomy";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";

export const GET = apiRoute("public", async () =>
  apiJson(await prisma.section.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, description: true, position: true } })),
);

export const POST = apiRoute("staff-write", async ({ request, actor }) =>
  apiJson(await createSection(prisma, actor!, await readJson(request, sectionCreateSchema)), { status: 201 }),
);
