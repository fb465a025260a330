// POST /api/v1/articles/:id/revisions/:revisionId – restore that revision as a new save ({ version })
import { versionSchema } from "@/lib/schemas/article";
import { apiRoute, readJson } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { apiArticle } from "@/server/api/serialize";
import { restoreRevision } from "@/server/services/articles";
import { prisma } from "@/server/db";

export const POST = apiRoute<{ id: string; revisionId: string }>("staff-write", async ({ request, params, actor }) =>
  apiJson(apiArticle(await restoreRevision(prisma, actor!, params.id, params.revisionId, await readJson(request, versionSchema)))),
);
