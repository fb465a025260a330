// POST /api/v1/articles/:id/{submit|withdraw|return|publish|schedule|unpublish|archive|corrections|presence|preview-links|stop-preview-links}
// GET  /api/v1/articles/:id/{revisions|history|presence|preview-links}
import { z } from "zod";
import { apiRoute, readJson } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { apiArticle } from "@/server/api/serialize";
import { correctionSchema, previewLinkSchema, returnSchema, scheduleSchema, stopPreviewLinksSchema, versionSchema } from "@/lib/schemas/article";
import { prisma } from "@/server/db";
import { presentEditors, touchPresence } from "@/server/data/dashboard";
import * as articles from "@/server/services/articles";
import { notFound } from "@/server/services/errors";
import { createPreviewLink, listPreviewLinks, stopPreviewLinks } from "@/server/services/preview-links";
import { getSiteSettings } from "@/server/data/articles";
import { absoluteUrl } from "@/lib/routes";

type Params = { id: string; action: string };

const transitions = {
  submit: [versionSchema, articles.submitForReview],
  withdraw: [versionSchema, articles.withdrawFromReview],
  return: [returnSchema, articles.returnToWriter],
  publish: [versionSchema, articles.publishArticle],
  schedule: [scheduleSchema, articles.scheduleArticle],
  unpublish: [versionSchema, articles.unpublishArticle],
  archive: [versionSchema, articles.archiveArticle],
} as const;

export const POST = apiRoute<Params>("staff-write", async ({ request, params, actor }) => {
  if (params.action in transitions) {
    const [schema, run] = transitions[params.action as keyof typeof transitions];
    const input: unknown = await readJson(request, schema as z.ZodType);
    return apiJson(apiArticle(await run(prisma, actor!, params.id, input)));
  }
  if (params.action === "corrections") {
    const correction = await articles.addCorrection(prisma, actor!, params.id, await readJson(request, correctionSchema));
    return apiJson(correction, { status: 201 });
  }
  if (params.action === "preview-links") {
    const link = await createPreviewLink(prisma, actor!, params.id, await readJson(request, previewLinkSchema, { optional: true }));
    return apiJson({ ...link, url: absoluteUrl((await getSiteSettings()).siteUrl, link.path) }, { status: 201 });
  }
  if (params.action === "stop-preview-links") {
    await stopPreviewLinks(prisma, actor!, params.id, await readJson(request, stopPreviewLinksSchema, { optional: true }));
    return apiJson({ stopped: true });
  }
  if (params.action === "presence") {
    // With the article's version and last saver: an editor open elsewhere learns that what it
    // shows was saved over, instead of going on saying "Saved" over text that is gone.
    const article = await articles.getArticleForStaff(prisma, actor!, params.id);
    await touchPresence(prisma, params.id, actor!.id);
    const meta = { version: article.version, lastEditedBy: article.lastEditedBy?.name ?? null, updatedAt: article.updatedAt.toISOString() };
    return apiJson(await presentEditors(prisma, params.id, actor!.id), { meta });
  }
  throw notFound("That action");
});

export const GET = apiRoute<Params>("staff-read", async ({ params, actor }) => {
  if (params.action === "revisions") return apiJson(await articles.listRevisions(prisma, actor!, params.id));
  if (params.action === "history") return apiJson(await articles.listHistory(prisma, actor!, params.id));
  if (params.action === "preview-links") return apiJson(await listPreviewLinks(prisma, actor!, params.id));
  if (params.action === "presence") {
    await articles.getArticleForStaff(prisma, actor!, params.id);
    return apiJson(await presentEditors(prisma, params.id, actor!.id));
  }
  throw notFound("That resource");
});
