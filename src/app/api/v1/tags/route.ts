// GET /api/v1/tags – every tag
import { apiRoute } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";

export const GET = apiRoute("public", async () =>
  apiJson(await prisma.tag.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, description: true } })),
);
