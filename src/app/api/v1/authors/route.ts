// GET /api/v1/authors – staff who appear in bylines (public profile fields only)
import { apiRoute } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";

export const GET = apiRoute("public", async () =>
  apiJson(await prisma.user.findMany({ where: { disabled: false, authorships: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, bio: true, image: true } })),
);
