import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { ServiceError } from "@/server/services/errors";
import { createPreviewLink, openPreviewLink, PREVIEW_LINK_DAYS, stopPreviewLinks } from "@/server/services/preview-links";
import { createNewsroom, insertArticle, rejectionOf, type Newsroom } from "./newsroom-fixtures";

// Preview links on the real database: signed, expiring, voided all at once by stopping sharing,
// given out by whoever may publish the article, and opening that article only.

process.env.AUTH_SECRET ??= "preview-links-test-secret-of-at-least-32-characters";

let room: Newsroom;
const DAY = 86_400_000;
const tokenOf = (path: string) => {
  expect(path).toMatch(/^\/preview\/share\/[^/]+$/);
  return path.slice("/preview/share/".length);
};

beforeAll(async () => {
  room = await createNewsroom("plink");
});

afterAll(async () => {
  await room.cleanup();
  await prisma.$disconnect();
});

describe("preview links", () => {
  it("open their article for 7 days; a second link keeps the first; stopping voids both, and a new one works", async () => {
    const { editor, contributor } = room.actors;
    const draft = await insertArticle(room, contributor, "IN_REVIEW");
    const now = Date.now();
    const first = await createPreviewLink(prisma, editor, draft.id, now);
    expect(first.expiresAt.getTime()).toBe(now + PREVIEW_LINK_DAYS * DAY);
    expect(await openPreviewLink(prisma, tokenOf(first.path), now + 1000)).toEqual({ id: draft.id, expiresAt: first.expiresAt });
    // Expired: nothing, from its expiry on.
    expect(await openPreviewLink(prisma, tokenOf(first.path), first.expiresAt.getTime())).toBeNull();

    const second = await createPreviewLink(prisma, editor, draft.id, now + 60_000);
    expect(await openPreviewLink(prisma, tokenOf(first.path), now + 120_000)).not.toBeNull();
    expect(await openPreviewLink(prisma, tokenOf(second.path), now + 120_000)).not.toBeNull();

    await stopPreviewLinks(prisma, editor, draft.id);
    expect(await openPreviewLink(prisma, tokenOf(first.path), now + 120_000)).toBeNull();
    expect(await openPreviewLink(prisma, tokenOf(second.path), now + 120_000)).toBeNull();
    const third = await createPreviewLink(prisma, editor, draft.id, now + 180_000);
    expect(await openPreviewLink(prisma, tokenOf(third.path), now + 240_000)).toMatchObject({ id: draft.id });
    expect(await openPreviewLink(prisma, tokenOf(first.path), now + 240_000)).toBeNull();

    const actions = (await prisma.auditLog.findMany({ where: { entityId: draft.id }, orderBy: { createdAt: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["article.preview_link", "article.preview_link", "article.preview_links_stopped", "article.preview_link"]);
  });

  it("a link altered in any part opens nothing, nor does one for another article's key", async () => {
    const { author } = room.actors;
    const a = await insertArticle(room, author, "DRAFT");
    const b = await insertArticle(room, author, "DRAFT");
    const token = tokenOf((await createPreviewLink(prisma, author, a.id)).path);
    await createPreviewLink(prisma, author, b.id);
    // "<id>,<key>,<expiry shown>,<expiry signed>,<MAC>" (sealed.ts's sign).
    const parts = token.split(",");
    expect(parts).toHaveLength(5);
    const [id, key, shown, signed, mac] = parts as [string, string, string, string, string];
    const flip = (s: string) => (s.at(-1) === "A" ? `${s.slice(0, -1)}B` : `${s.slice(0, -1)}A`);
    const later = (ms: string) => String(Number(ms) + 30 * DAY);
    for (const forged of [
      [b.id, key, shown, signed, mac], // another article, same signature
      [id, flip(key), shown, signed, mac],
      [id, key, later(shown), later(signed), mac], // a longer life
      [id, key, shown, signed, flip(mac)],
      [id, key, shown, signed],
      ["", "", "", "", ""],
    ]) {
      expect(await openPreviewLink(prisma, forged.join(",")), forged.join(",")).toBeNull();
    }
    expect(await openPreviewLink(prisma, "not a token")).toBeNull();
    expect(await openPreviewLink(prisma, token)).toMatchObject({ id: a.id });
  });

  it("only whoever may publish the article gives links out or stops them; refused calls change nothing", async () => {
    const { contributor, author, author2, editor } = room.actors;
    const own = await insertArticle(room, contributor, "DRAFT");
    const others = await insertArticle(room, author2, "DRAFT");
    for (const [actor, article] of [[contributor, own], [author, others]] as const) {
      for (const call of [createPreviewLink(prisma, actor, article.id), stopPreviewLinks(prisma, actor, article.id)]) {
        const error = await rejectionOf(call);
        expect(error).toBeInstanceOf(ServiceError);
        expect((error as ServiceError).status).toBe(403);
      }
      expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).previewKey).toBeNull();
    }
    expect(((await rejectionOf(createPreviewLink(prisma, editor, "no-such-article"))) as ServiceError).status).toBe(404);
    // An author for their own, an editor for anyone's.
    await createPreviewLink(prisma, author2, others.id);
    await createPreviewLink(prisma, editor, own.id);
  });
});
