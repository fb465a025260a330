import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { previewLinkSchema, stopPreviewLinksSchema } from "@/lib/schemas/article";
import { audit } from "@/server/services/audit";
import { notFound } from "@/server/services/errors";
import { can, ensure, refOf, type Actor } from "@/server/services/permissions";
import { sign, verifySigned } from "@/server/sealed";

/**
 * Preview links: an article as readers will see it, for someone outside the newsroom (a lawyer,
 * another desk) who has no account. Each link is a row (PreviewLink: whom it is for, until when it
 * works, how often it was opened) and carries that row's id, signed with AUTH_SECRET (sealed.ts),
 * so a forged link is refused before the database is asked. It works for PREVIEW_LINK_DAYS, or
 * until it is stopped, alone or with every other link to the article. It gives access to that
 * article's preview and nothing else.
 */

export const PREVIEW_LINK_DAYS = 7;
const PURPOSE = "preview-link";
const DAY_MS = 86_400_000;

async function sharable(db: PrismaClient, actor: Actor, id: string) {
  const article = await db.article.findUnique({ where: { id }, select: { id: true, status: true, createdById: true, authors: { select: { userId: true } } } });
  if (!article) throw notFound("The article");
  ensure(can.sharePreview(actor, refOf(article)), "Only editors, and authors for their own articles, can share a preview of an article.");
  return article;
}

/** A new link (its path, expiry and label), keeping any links already given out. */
export async function createPreviewLink(db: PrismaClient, actor: Actor, id: string, input: unknown = {}, now = Date.now()) {
  const { label } = previewLinkSchema.parse(input);
  await sharable(db, actor, id);
  const expiresAt = new Date(now + PREVIEW_LINK_DAYS * DAY_MS);
  const link = await db.previewLink.create({ data: { articleId: id, label, createdById: actor.id, createdAt: new Date(now), expiresAt }, select: { id: true } });
  await audit(db, actor, "article.preview_link", "Article", id, { expiresAt: expiresAt.toISOString(), label, linkId: link.id });
  return { id: link.id, path: `/preview/share/${sign([link.id], PURPOSE, PREVIEW_LINK_DAYS * DAY_MS, now)}`, expiresAt, label };
}

/** The links to it that still work, newest first: whom for, by whom, until when, how often opened. */
export async function listPreviewLinks(db: PrismaClient, actor: Actor, id: string, now = Date.now()) {
  await sharable(db, actor, id);
  const links = await db.previewLink.findMany({
    where: { articleId: id, stoppedAt: null, expiresAt: { gt: new Date(now) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, label: true, createdAt: true, expiresAt: true, opens: true, lastOpenedAt: true, createdBy: { select: { name: true } } },
  });
  return links.map(({ createdBy, ...link }) => ({ ...link, createdBy: createdBy?.name ?? null }));
}

/**
 * Stops one link (`linkId`), or every link given out (none), those made before links had rows
 * (signed with the article's previewKey) included.
 */
export async function stopPreviewLinks(db: PrismaClient, actor: Actor, id: string, input: unknown = {}, now = Date.now()) {
  const { linkId } = stopPreviewLinksSchema.parse(input);
  await sharable(db, actor, id);
  if (linkId) {
    const link = await db.previewLink.findFirst({ where: { id: linkId, articleId: id, stoppedAt: null, expiresAt: { gt: new Date(now) } }, select: { label: true } });
    if (!link) throw notFound("That preview link");
    await db.previewLink.update({ where: { id: linkId }, data: { stoppedAt: new Date(now) } });
    await audit(db, actor, "article.preview_link_stopped", "Article", id, { label: link.label, linkId });
    return;
  }
  await db.$transaction((tx) => stopEveryLink(tx, id, now));
  await audit(db, actor, "article.preview_links_stopped", "Article", id);
}

/**
 * Every link to the article stops working, those signed with its previewKey included; how many
 * rows were stopped. Also run by a take-down (services/articles.ts), in its transaction.
 */
export async function stopEveryLink(tx: Prisma.TransactionClient, articleId: string, now = Date.now()): Promise<number> {
  await tx.article.update({ where: { id: articleId }, data: { previewKey: null } });
  return (await tx.previewLink.updateMany({ where: { articleId, stoppedAt: null }, data: { stoppedAt: new Date(now) } })).count;
}

type OpenLink = { id: string; expiresAt: Date; linkId: string | null };

/** The article a link opens, with the link's expiry; null for a forged, expired or stopped link. */
export async function findPreviewLink(db: PrismaClient, token: string, now = Date.now()): Promise<OpenLink | null> {
  const fields = verifySigned(token, PURPOSE, now);
  if (fields?.length === 1) {
    const [linkId] = fields as [string];
    const link = await db.previewLink.findFirst({ where: { id: linkId, stoppedAt: null, expiresAt: { gt: new Date(now) } }, select: { articleId: true, expiresAt: true } });
    return link && { id: link.articleId, expiresAt: link.expiresAt, linkId };
  }
  // A link made before links had rows: the article, its previewKey and the expiry, signed.
  // Such links expire by 2026-12-15; this branch can go after that.
  if (fields?.length === 3) {
    const [id, key, expires] = fields as [string, string, string];
    const article = await db.article.findUnique({ where: { id }, select: { previewKey: true } });
    if (!article?.previewKey || article.previewKey !== key) return null;
    return { id, expiresAt: new Date(Number(expires)), linkId: null };
  }
  return null;
}

/** As findPreviewLink, counting the visit on the link (for the newsroom to see it was opened). */
export async function openPreviewLink(db: PrismaClient, token: string, now = Date.now()): Promise<OpenLink | null> {
  const link = await findPreviewLink(db, token, now);
  if (link?.linkId) await db.previewLink.update({ where: { id: link.linkId }, data: { opens: { increment: 1 }, lastOpenedAt: new Date(now) } });
  return link;
}
