import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { mediaUrl } from "@/lib/media";
import { ServiceError, notFound } from "@/server/services/errors";
import { MediaError, mediaLimits, processUpload, storeUpload, updateMediaMeta } from "@/server/services/media";
import { can, ensure, type Actor } from "@/server/services/permissions";
import { audit } from "@/server/services/audit";
import { deleteMedia } from "@/server/media-store";
import { everPublicStories, expireArticle, expireMedia } from "@/server/services/publishing";
import { logEvent } from "@/server/log";
import { containsText } from "@/server/data/text-filter";

/** The media library as staff use it: permission checks and one error type around media.ts. */

function asServiceError(error: unknown): never {
  if (error instanceof MediaError) {
    if (error.code === "too_large") throw new ServiceError("too_large", error.message, { file: error.message });
    if (error.code === "unsupported_type") throw new ServiceError("unsupported_type", error.message, { file: error.message });
    throw new ServiceError("invalid", error.message, { [error.field ?? "file"]: error.message });
  }
  throw error;
}

export type MediaItem = { id: string; url: string; alt: string; caption: string; credit: string; width: number; height: number; createdAt: Date; uploadedBy: string | null; uploadedById: string | null };

function toItem(m: { id: string; storageKey: string; alt: string; caption: string; credit: string; width: number; height: number; createdAt: Date; uploadedById: string | null; uploadedBy?: { name: string } | null }): MediaItem {
  return { id: m.id, url: mediaUrl(m.storageKey), alt: m.alt, caption: m.caption, credit: m.credit, width: m.width, height: m.height, createdAt: m.createdAt, uploadedBy: m.uploadedBy?.name ?? null, uploadedById: m.uploadedById };
}

export async function uploadMedia(db: PrismaClient, actor: Actor, input: { file: File | null; alt: string; caption?: string; credit?: string }): Promise<MediaItem> {
  ensure(can.uploadMedia(actor));
  if (!input.file || input.file.size === 0) throw new ServiceError("invalid", "Choose an image to upload.", { file: "Choose an image." });
  if (input.file.size > mediaLimits.maxBytes) throw new ServiceError("too_large", `Images are limited to ${mediaLimits.maxBytes / 1024 / 1024} MB.`, { file: "Too large." });
  try {
    const bytes = Buffer.from(await input.file.arrayBuffer());
    const processed = await processUpload({ bytes, originalName: input.file.name, alt: input.alt, caption: input.caption, credit: input.credit });
    const row = await storeUpload(db, processed, { originalName: input.file.name, alt: input.alt, caption: input.caption, credit: input.credit, uploadedById: actor.id });
    return toItem(row);
  } catch (error) {
    asServiceError(error);
  }
}

export async function listMedia(db: PrismaClient, actor: Actor, query: { q?: string; page?: number; perPage?: number }) {
  ensure(can.uploadMedia(actor));
  const perPage = Math.min(100, Math.max(1, query.perPage ?? 30));
  const page = Math.max(1, query.page ?? 1);
  const where = query.q ? { OR: [{ alt: containsText(query.q) }, { caption: containsText(query.q) }, { originalName: containsText(query.q) }] } : {};
  const [rows, total] = await Promise.all([
    db.media.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * perPage, take: perPage, include: { uploadedBy: { select: { name: true } } } }),
    db.media.count({ where }),
  ]);
  return { rows: rows.map(toItem), total, page, perPage, pages: Math.max(1, Math.ceil(total / perPage)) };
}

export async function editMedia(db: PrismaClient, actor: Actor, id: string, patch: { alt?: string; caption?: string; credit?: string }): Promise<MediaItem> {
  const media = await db.media.findUnique({ where: { id }, select: { uploadedById: true } });
  if (!media) throw notFound("The image");
  ensure(can.editMedia(actor, media.uploadedById), "You can only edit images you uploaded.");
  try {
    const row = await updateMediaMeta(db, id, patch);
    if (!row) throw notFound("The image");
    // Pages and cards read a hero's alt text (and, unless the story sets its own, caption and
    // credit) from the image: its stories' pages, the lists and the rails showing them.
    const stories = await everPublicStories(db, { heroImageId: id });
    if (stories.length) await expireArticle(stories);
    return toItem(row);
  } catch (error) {
    asServiceError(error);
  }
}

export async function getMediaItem(db: PrismaClient, actor: Actor, id: string): Promise<MediaItem> {
  ensure(can.uploadMedia(actor));
  const row = await db.media.findUnique({ where: { id }, include: { uploadedBy: { select: { name: true } } } });
  if (!row) throw notFound("The image");
  return toItem(row);
}

/**
 * Editors delete images nobody uses: an image that is a hero or sits in a body would leave a
 * hole in published pages, so that is refused with the articles named. The stored files (the
 * original and every resized variant) go too, after the row, and the image optimizer's copies:
 * a deleted image is no longer served by us at any address (the page caches are purged). The
 * optimizer's copies go on every instance, each of which may keep them on a disk of its own: the
 * deletion's expiry carries the image (services/publishing.ts), and an instance that missed it
 * (stopped, cut off) forgets every deleted image's copies when it comes back. A file that cannot
 * be removed is logged (its key is never reused), the deletion stands.
 */
export async function deleteMediaItem(db: PrismaClient, actor: Actor, id: string): Promise<void> {
  ensure(can.deleteMedia(actor), "Only editors delete images.");
  const media = await db.media.findUnique({ where: { id }, select: { id: true, storageKey: true, variants: true } });
  if (!media) throw notFound("The image");
  const users = await db.$queryRaw<{ headline: string }[]>`
    SELECT "headline" FROM "Article"
    WHERE "heroImageId" = ${id} OR strpos("body"::text, ${`"mediaId": "${id}"`}) > 0 OR strpos("body"::text, ${`"mediaId":"${id}"`}) > 0
    LIMIT 5`;
  if (users.length) {
    throw new ServiceError("conflict", `This image is used in: ${users.map((u) => `“${u.headline}”`).join(", ")}. Remove it there first.`);
  }
  await db.media.delete({ where: { id } });
  await audit(db, actor, "media.delete", "Media", id, { storageKey: media.storageKey });
  const keys = [media.storageKey, ...variantKeys(media.variants)];
  const removals = await Promise.allSettled(keys.map((key) => deleteMedia(key)));
  removals.forEach((removal, i) => {
    if (removal.status === "rejected") logEvent("error", "deleted image: a stored file could not be removed", { key: keys[i], error: String(removal.reason) });
  });
  await expireMedia(mediaUrl(media.storageKey));
}

/** The storage keys in a Media row's variants ([{ key, … }]). */
function variantKeys(variants: unknown): string[] {
  if (!Array.isArray(variants)) return [];
  return variants.flatMap((v) => (v && typeof v === "object" && typeof (v as { key?: unknown }).key === "string" ? [(v as { key: string }).key] : []));
}
