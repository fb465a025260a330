// GET /api/v1/tags – tags on public articles (staff: every tag)
import { apiRoute } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { listTags } from "@/server/api/tags-and-authors";

export const GET = apiRoute("public", async ({ actor }) => apiJson(await listTags(actor)));
