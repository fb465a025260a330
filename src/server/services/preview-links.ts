import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/server/services/audit";
import { notFound } from "@/server/services/errors";
import { can, ensure, refOf, type Actor } from "@/server/services/permissions";
import { sign, verifySigned } from "@/server/sealed";

/**
 * Preview links: an article as readers will see it, for someone outside the newsroom (a lawyer,
 * another desk) who has no account. A link is signed with AUTH_SECRET (sealed.ts) and names the
 * article and its preview key; it works for PREVIEW_LINK_DAYS, or until sharing is stopped, which
 * clears the key and so voids every link given out. It gives access to that article's preview
 * and nothing else.
 */

export const PREVIEW_LINK_DAYS = 7;
const PURPOSE = "preview-link";
const DAY_MS = 86_400_000;

async function sharable(db: PrismaClient, actor: Actor, id: string) {
  const article = await db.article.findUnique({ where: { id }, select: { id: true, status: true, createdById: true, previewKey: true, authors: { select: { userId: true } } } });
  if (!article) throw notFound("The article");
  ensure(can.sharePreview(actor, refOf(article)), "Only its authors and editors can share a preview of this article.");
  return article;
}

/** A new link (path and expiry), keeping any links already given out. */
export async function createPreviewLink(db: PrismaClient, actor: Actor, id: string, now = Date.now()) {
  const article = await sharable(db, actor, id);
  let key = article.previewKey;
  if (!key) {
    key = randomBytes(16).toString("base64url");
    await db.article.update({ where: { id }, data: { previewKey: key } });
  }
  const expiresAt = new Date(now + PREVIEW_LINK_DAYS * DAY_MS);
  // The expiry as a field of its own too, for the page to say until when the link works.
  const token = sign([id, key, String(expiresAt.getTime())], PURPOSE, PREVIEW_LINK_DAYS * DAY_MS, now);
  await audit(db, actor, "article.preview_link", "Article", id, { expiresAt: expiresAt.toISOString() });
  return { path: `/preview/share/${token}`, expiresAt };
}

/** Every link given out stops working. */
export async function stopPreviewLinks(db: PrismaClient, actor: Actor, id: string) {
  await sharable(db, actor, id);
  await db.article.update({ where: { id }, data: { previewKey: null } });
  await audit(db, actor, "article.preview_links_stopped", "Article", id);
}

/** The article a link opens, with the link's expiry; null for a forged, expired or stopped link. */
export async function openPreviewLink(db: PrismaClient, token: string, now = Date.now()): Promise<{ id: string; expiresAt: Date } | null> {
  const fields = verifySigned(token, PURPOSE, now);
  if (!fields || fields.length !== 3) return null;
  const [id, key, expires] = fields as [string, string, string];
  const article = await db.article.findUnique({ where: { id }, select: { previewKey: true } });
  if (!article?.previewKey || article.previewKey !== key) return null;
  return { id, expiresAt: new Date(Number(expires)) };
}
