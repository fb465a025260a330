import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ZodError } from "zod";
import { prisma } from "@/server/db";
import { ServiceError } from "@/server/services/errors";
import { sign } from "@/server/sealed";
import { archiveArticle, unpublishArticle } from "@/server/services/articles";
import { createPreviewLink, findPreviewLink, listPreviewLinks, openPreviewLink, PREVIEW_LINK_DAYS, stopPreviewLinks } from "@/server/services/preview-links";
import { createNewsroom, insertArticle, rejectionOf, type Newsroom } from "./newsroom-fixtures";

// Preview links on the real database: signed, expiring, stopped one at a time or all at once,
// counted when opened, given out by whoever may publish the article, and opening that article only.

// Outside Next.js: a take-down expires cached pages through next/cache, which needs its server.
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), cacheTag: vi.fn(), cacheLife: vi.fn() }));

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
    const first = await createPreviewLink(prisma, editor, draft.id, {}, now);
    expect(first.expiresAt.getTime()).toBe(now + PREVIEW_LINK_DAYS * DAY);
    expect(await openPreviewLink(prisma, tokenOf(first.path), now + 1000)).toEqual({ id: draft.id, expiresAt: first.expiresAt, linkId: first.id });
    // Expired: nothing, from its expiry on.
    expect(await openPreviewLink(prisma, tokenOf(first.path), first.expiresAt.getTime())).toBeNull();

    const second = await createPreviewLink(prisma, editor, draft.id, {}, now + 60_000);
    expect(await openPreviewLink(prisma, tokenOf(first.path), now + 120_000)).not.toBeNull();
    expect(await openPreviewLink(prisma, tokenOf(second.path), now + 120_000)).not.toBeNull();

    await stopPreviewLinks(prisma, editor, draft.id);
    expect(await openPreviewLink(prisma, tokenOf(first.path), now + 120_000)).toBeNull();
    expect(await openPreviewLink(prisma, tokenOf(second.path), now + 120_000)).toBeNull();
    const third = await createPreviewLink(prisma, editor, draft.id, {}, now + 180_000);
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
    // "<link id>,<expiry>,<MAC>" (sealed.ts's sign).
    const parts = token.split(",");
    expect(parts).toHaveLength(3);
    const [id, signed, mac] = parts as [string, string, string];
    const otherLink = (await prisma.previewLink.findFirstOrThrow({ where: { articleId: b.id } })).id;
    const flip = (s: string) => (s.at(-1) === "A" ? `${s.slice(0, -1)}B` : `${s.slice(0, -1)}A`);
    const later = (ms: string) => String(Number(ms) + 30 * DAY);
    for (const forged of [
      [otherLink, signed, mac], // another link, same signature
      [flip(id), signed, mac],
      [id, later(signed), mac], // a longer life
      [id, signed, flip(mac)],
      [id, signed],
      ["", "", ""],
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
      expect(await prisma.previewLink.count({ where: { articleId: article.id } })).toBe(0);
      expect(((await rejectionOf(listPreviewLinks(prisma, actor, article.id))) as ServiceError).status).toBe(403);
    }
    expect(((await rejectionOf(createPreviewLink(prisma, editor, "no-such-article"))) as ServiceError).status).toBe(404);
    // An author for their own, an editor for anyone's.
    await createPreviewLink(prisma, author2, others.id);
    await createPreviewLink(prisma, editor, own.id);
  });

  it("says whom each link is for and how often it was opened; one link stops alone, the others keep working", async () => {
    const { editor, author } = room.actors;
    const draft = await insertArticle(room, author, "DRAFT");
    const now = Date.now();
    const lawyer = await createPreviewLink(prisma, editor, draft.id, { label: "  our lawyer " }, now);
    const desk = await createPreviewLink(prisma, author, draft.id, {}, now + 1000);
    expect(lawyer.label).toBe("our lawyer");
    // The proxy's check counts nothing; the page's open counts one visit.
    await findPreviewLink(prisma, tokenOf(lawyer.path), now + 2000);
    await openPreviewLink(prisma, tokenOf(lawyer.path), now + 3000);
    await openPreviewLink(prisma, tokenOf(lawyer.path), now + 4000);
    const listed = await listPreviewLinks(prisma, author, draft.id, now + 5000);
    expect(listed.map((l) => [l.label, l.createdBy, l.opens, l.lastOpenedAt?.getTime() ?? null])).toEqual([
      ["", author.name, 0, null],
      ["our lawyer", editor.name, 2, now + 4000],
    ]);

    await stopPreviewLinks(prisma, author, draft.id, { linkId: lawyer.id }, now + 6000);
    expect(await openPreviewLink(prisma, tokenOf(lawyer.path), now + 7000)).toBeNull();
    expect(await openPreviewLink(prisma, tokenOf(desk.path), now + 7000)).toMatchObject({ id: draft.id });
    expect((await listPreviewLinks(prisma, author, draft.id, now + 7000)).map((l) => l.id)).toEqual([desk.id]);
    // Stopped already, another article's link, or no such link: 404, and nothing changes.
    const other = await insertArticle(room, author, "DRAFT");
    for (const linkId of [lawyer.id, desk.id, "no-such-link"]) {
      const articleId = linkId === desk.id ? other.id : draft.id;
      expect(((await rejectionOf(stopPreviewLinks(prisma, author, articleId, { linkId }, now + 8000))) as ServiceError).status).toBe(404);
    }
    expect(await openPreviewLink(prisma, tokenOf(desk.path), now + 9000)).toMatchObject({ id: draft.id });
    // Expired links are not listed.
    expect(await listPreviewLinks(prisma, author, draft.id, desk.expiresAt.getTime())).toEqual([]);

    const history = await prisma.auditLog.findMany({ where: { entityId: draft.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((r) => [r.action, (r.details as { label?: string }).label])).toEqual([
      ["article.preview_link", "our lawyer"],
      ["article.preview_link", ""],
      ["article.preview_link_stopped", "our lawyer"],
    ]);
  });

  it("refuses a label that is too long, and unknown fields, making nothing", async () => {
    const { editor } = room.actors;
    const draft = await insertArticle(room, editor, "DRAFT");
    const issues = async (input: unknown) => ((await rejectionOf(createPreviewLink(prisma, editor, draft.id, input))) as ZodError).issues.map((i) => i.path.join(".") || i.code);
    expect(await issues({ label: "x".repeat(81) })).toEqual(["label"]);
    expect(await issues({ label: 5 })).toEqual(["label"]);
    expect(await issues({ label: "ok", expiresAt: "2030-01-01" })).toEqual(["unrecognized_keys"]);
    expect(await prisma.previewLink.count({ where: { articleId: draft.id } })).toBe(0);
  });

  it("a link made before links had rows (signed with the article's previewKey) works until every link is stopped", async () => {
    const { editor } = room.actors;
    const draft = await insertArticle(room, editor, "DRAFT");
    const expires = Date.now() + DAY;
    await prisma.article.update({ where: { id: draft.id }, data: { previewKey: "older-key" } });
    const token = sign([draft.id, "older-key", String(expires)], "preview-link", DAY);
    expect(await openPreviewLink(prisma, token)).toEqual({ id: draft.id, expiresAt: new Date(expires), linkId: null });
    expect(await openPreviewLink(prisma, sign([draft.id, "another-key", String(expires)], "preview-link", DAY))).toBeNull();
    await stopPreviewLinks(prisma, editor, draft.id);
    expect(await openPreviewLink(prisma, token)).toBeNull();
  });

  it("taking a story down (unpublishing or archiving it) stops its preview links, and says so in the log", async () => {
    const { editor } = room.actors;
    for (const takeDown of [unpublishArticle, archiveArticle]) {
      const story = await insertArticle(room, editor, "PUBLISHED");
      const links = [await createPreviewLink(prisma, editor, story.id, { label: "the lawyer" }), await createPreviewLink(prisma, editor, story.id)];
      await takeDown(prisma, editor, story.id, { version: story.version });
      for (const link of links) expect(await openPreviewLink(prisma, tokenOf(link.path)), takeDown.name).toBeNull();
      expect(await listPreviewLinks(prisma, editor, story.id)).toEqual([]);
      const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityId: story.id, action: { in: ["article.unpublish", "article.archive"] } } });
      expect(entry.details).toMatchObject({ previewLinksStopped: 2 });
      // A new link works: the take-down stopped the links given out, not sharing.
      expect(await openPreviewLink(prisma, tokenOf((await createPreviewLink(prisma, editor, story.id)).path))).toMatchObject({ id: story.id });
    }
  });
});
