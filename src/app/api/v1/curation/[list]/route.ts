// PUT /api/v1/curation/:list – replace FRONT_PAGE or EDITORS_PICKS with { articleIds } in order, optionally { basedOn } (editors)
import { curatedListSchema, curationListSchema } from "@/lib/schemas/curation";
import { apiRoute, readJson } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";
import { curationState, setCuratedList } from "@/server/services/curation";

export const PUT = apiRoute<{ list: string }>("staff-write", async ({ request, params, actor }) => {
  const list = curationListSchema.parse(params.list.toUpperCase());
  const { articleIds, basedOn } = await readJson(request, curatedListSchema.omit({ list: true }));
  await setCuratedList(prisma, actor!, list, articleIds, basedOn);
  return apiJson(await curationState(prisma, actor!));
});
