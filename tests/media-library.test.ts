import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ImageOptimizerCache } from "next/dist/server/image-optimizer.js";
import { revalidateTag } from "next/cache";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mediaUrl } from "@/lib/media";
import { prisma } from "@/server/db";
import { forgetDeletedImages } from "@/server/optimized-images";
import { ServiceError } from "@/server/services/errors";
import { getMedia, putMedia } from "@/server/media-store";
import { deleteMediaItem, editMedia } from "@/server/services/media-library";
import { createNewsroom, insertArticle, insertMedia, rejectionOf, type Newsroom } from "./newsroom-fixtures";

vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

// Deleting images: editors only, and never one that an article still shows.
let room: Newsroom;
beforeAll(async () => {
  room = await createNewsroom("medialib");
});
afterAll(async () => {
  await room.cleanup();
});

describe("deleteMediaItem", () => {
  it("refuses authors (403) and leaves the image", async () => {
    const media = await insertMedia(room, room.actors.author);
    const error = await rejectionOf(deleteMediaItem(prisma, room.actors.author, media.id));
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).status).toBe(403);
    expect(await prisma.media.count({ where: { id: media.id } })).toBe(1);
  });

  it("refuses an image used as a hero or inside a body (409), naming the article", async () => {
    const hero = await insertMedia(room, room.actors.author);
    const inline = await insertMedia(room, room.actors.author);
    const a = await insertArticle(room, room.actors.author, "PUBLISHED");
    await prisma.article.update({ where: { id: a.id }, data: { heroImageId: hero.id } });
    const b = await insertArticle(room, room.actors.author, "DRAFT");
    await prisma.article.update({
      where: { id: b.id },
      data: { body: { type: "doc", content: [{ type: "image", attrs: { src: "/media/x.jpg", alt: "x", caption: "", credit: "", width: 10, height: 10, mediaId: inline.id } }] } },
    });
    for (const [media, article] of [[hero, a], [inline, b]] as const) {
      const error = await rejectionOf(deleteMediaItem(prisma, room.actors.editor, media.id));
      expect((error as ServiceError).status).toBe(409);
      expect((error as ServiceError).message).toContain(article.headline);
      expect(await prisma.media.count({ where: { id: media.id } })).toBe(1);
    }
  });

  it("removes the stored original and every variant with the row; other images' files stay", async () => {
    const base = `uploads/test/${room.run}-files`;
    const keys = { original: `${base}.jpg`, small: `${base}-320.webp`, large: `${base}-640.webp`, other: `${base}-other.jpg` };
    for (const key of Object.values(keys)) await putMedia(key, Buffer.from(key));
    const media = await prisma.media.create({
      data: {
        storageKey: keys.original,
        mimeType: "image/jpeg",
        width: 640,
        height: 480,
        bytes: 100,
        alt: "Files",
        uploadedById: room.actors.author.id,
        variants: [
          { width: 320, height: 240, key: keys.small, mimeType: "image/webp" },
          { width: 640, height: 480, key: keys.large, mimeType: "image/webp" },
        ],
      },
    });
    await deleteMediaItem(prisma, room.actors.editor, media.id);
    for (const key of [keys.original, keys.small, keys.large]) expect(await getMedia(key), key).toBeNull();
    expect(await getMedia(keys.other)).toEqual(Buffer.from(keys.other));
  });

  it("keeps the files of an image it refuses to delete", async () => {
    const key = `uploads/test/${room.run}-kept.jpg`;
    await putMedia(key, Buffer.from("kept"));
    const media = await prisma.media.create({ data: { storageKey: key, mimeType: "image/jpeg", width: 10, height: 10, bytes: 4, alt: "Kept", uploadedById: room.actors.author.id } });
    const article = await insertArticle(room, room.actors.author, "PUBLISHED");
    await prisma.article.update({ where: { id: article.id }, data: { heroImageId: media.id } });
    expect(((await rejectionOf(deleteMediaItem(prisma, room.actors.editor, media.id))) as ServiceError).status).toBe(409);
    expect(await getMedia(key)).toEqual(Buffer.from("kept"));
  });

  it("deletes an unused image for an editor and writes the audit log", async () => {
    const media = await insertMedia(room, room.actors.author);
    await deleteMediaItem(prisma, room.actors.editor, media.id);
    expect(await prisma.media.count({ where: { id: media.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "media.delete", entityId: media.id } })).toBe(1);
    expect(((await rejectionOf(deleteMediaItem(prisma, room.actors.editor, media.id))) as ServiceError).status).toBe(404);
  });
});

describe("forgetDeletedImages (an instance that missed deletions, on its return)", () => {
  it("removes the optimizer's copies of every image deleted within their lifetime, and nothing else", async () => {
    const distDir = await mkdtemp(path.join(tmpdir(), "dellboys-swept-"));
    try {
      const images = { deviceSizes: [640], imageSizes: [320], qualities: [75], formats: ["image/webp"], minimumCacheTTL: 31_536_000 };
      await writeFile(path.join(distDir, "required-server-files.json"), JSON.stringify({ config: { images } }));
      const deleted = await insertMedia(room, room.actors.author);
      const kept = await insertMedia(room, room.actors.author);
      await deleteMediaItem(prisma, room.actors.editor, deleted.id);
      // Deleted two years ago: the optimizer dropped its copies long since; a copy there now is not one of them.
      const longAgo = `uploads/test/${room.run}-long-ago.jpg`;
      await prisma.auditLog.create({ data: { action: "media.delete", entityType: "Media", entityId: `${room.run}-long-ago`, details: { storageKey: longAgo }, createdAt: new Date(Date.now() - 2 * 365 * 86_400_000) } });
      const copy = (storageKey: string, width: number, mimeType: string) => ImageOptimizerCache.getCacheKey({ href: mediaUrl(storageKey), width, quality: 75, mimeType });
      const gone = [copy(deleted.storageKey, 640, "image/webp"), copy(deleted.storageKey, 320, "")];
      const stay = [copy(kept.storageKey, 640, "image/webp"), copy(longAgo, 640, "image/webp")];
      for (const dir of [...gone, ...stay]) {
        await mkdir(path.join(distDir, "cache", "images", dir), { recursive: true });
        await writeFile(path.join(distDir, "cache", "images", dir, "31536000.1.etag.upstream.webp"), "x");
      }
      expect(await forgetDeletedImages(prisma, distDir)).toBe(2);
      expect((await readdir(path.join(distDir, "cache", "images"))).sort()).toEqual([...stay].sort());
    } finally {
      await prisma.auditLog.deleteMany({ where: { entityId: `${room.run}-long-ago` } });
      await rm(distDir, { recursive: true, force: true });
    }
  });
});

describe("editMedia", () => {
  const expired = () => vi.mocked(revalidateTag).mock.calls.map((c) => c[0] as string);

  it("expires the pages and lists of the stories showing the image as their hero, and only then", async () => {
    const hero = await insertMedia(room, room.actors.author);
    const live = await insertArticle(room, room.actors.author, "PUBLISHED");
    const draft = await insertArticle(room, room.actors.author, "DRAFT");
    await prisma.article.updateMany({ where: { id: { in: [live.id, draft.id] } }, data: { heroImageId: hero.id } });

    vi.mocked(revalidateTag).mockClear();
    const edited = await editMedia(prisma, room.actors.author, hero.id, { alt: "A clearer description" });
    expect(edited.alt).toBe("A clearer description");
    expect(expired()).toEqual(expect.arrayContaining([`article:${live.slug}`, "article-lists", `section-stories:${room.section.id}`]));
    expect(expired()).not.toContain(`article:${draft.slug}`);

    // An image no reader has seen: nothing to expire.
    const unused = await insertMedia(room, room.actors.author);
    await prisma.article.update({ where: { id: draft.id }, data: { heroImageId: unused.id } });
    vi.mocked(revalidateTag).mockClear();
    await editMedia(prisma, room.actors.author, unused.id, { alt: "Still unseen" });
    expect(revalidateTag).not.toHaveBeenCalled();
  });
});
