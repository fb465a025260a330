// GET /api/v1/slug-check?slug=&id= – is this slug valid and free (for the editor, as you type)
import { apiRoute } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";
import { slugAvailability } from "@/server/services/articles";

export const GET = apiRoute("staff-read", async ({ request }) => {
  const params = new URL(request.url).searchParams;
  return apiJson(await slugAvailability(prisma, params.get("slug") ?? "", params.get("id") ?? undefined));
});
