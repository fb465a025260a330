// GET /api/v1/sections – every section, in navigation order
import { apiRoute } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";

export const GET = apiRoute("public", async () =>
  apiJson(await prisma.section.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, description: true, position: true } })),
);
