import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db";
import { ServiceError } from "@/server/services/errors";
import { getMedia, putMedia } from "@/server/media-store";
import { deleteMediaItem } from "@/server/services/media-library";
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
