import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db";
import { ServiceError } from "@/server/services/errors";
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

  it("deletes an unused image for an editor and writes the audit log", async () => {
    const media = await insertMedia(room, room.actors.author);
    await deleteMediaItem(prisma, room.actors.editor, media.id);
    expect(await prisma.media.count({ where: { id: media.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "media.delete", entityId: media.id } })).toBe(1);
    expect(((await rejectionOf(deleteMediaItem(prisma, room.actors.editor, media.id))) as ServiceError).status).toBe(404);
  });
});
