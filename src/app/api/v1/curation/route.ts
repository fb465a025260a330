// GET /api/v1/curation – the front page and editors' picks as curated, and the breaking banner (editors)
import { apiRoute } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";
import { curationState } from "@/server/services/curation";

export const GET = apiRoute("staff-read", async ({ actor }) => apiJson(await curationState(prisma, actor!)));
