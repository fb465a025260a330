import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";

// Services expire caches with revalidateTag, which throws outside a Next.js request.
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), cacheTag: vi.fn(), cacheLife: vi.fn() }));

import { revalidateTag } from "next/cache";
import { slugify, UNTITLED_HEADLINE } from "@/lib/schemas/article";
import { publicArticleWhere } from "@/server/data/visibility";
import { prisma } from "@/server/db";
import { forgetPathStatus, pathStatus } from "@/server/path-status";
import {
  addCorrection,
  createArticle,
  deleteArticle,
  listHistory,
  publishArticle,
  restoreRevision,
  returnToWriter,
  scheduleArticle,
  slugAvailability,
  submitForReview,
  unpublishArticle,
  updateArticle,
  withdrawFromReview,
} from "@/server/services/articles";
import { articleListQuerySchema } from "@/lib/schemas/article";
import { listStaffArticles, newsroomNotices, returnedToWriter } from "@/server/data/dashboard";
import { ServiceError } from "@/server/services/errors";
import { releaseDueArticles } from "@/server/services/scheduler";
import type { Actor } from "@/server/services/permissions";
import { createNewsroom, paragraphs, rejectionOf, type Newsroom } from "./newsroom-fixtures";

// The article workflow through services/articles.ts on the migrated, seeded database. Users, the
// section and everything written in it are this file's own and removed afterwards.

let room: Newsroom;
let admin: Actor, editor: Actor, author: Actor, contributor: Actor;
const publishAt = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();

beforeAll(async () => {
  room = await createNewsroom("asv");
  ({ admin, editor, author, contributor } = room.actors);
});

afterAll(async () => {
  await room.cleanup();
  await prisma.$disconnect();
});

const row = (id: string) => prisma.article.findUnique({ where: { id }, include: { tags: true, authors: true } });
const revisions = (articleId: string) => prisma.revision.findMany({ where: { articleId }, orderBy: { version: "asc" } });
const auditRows = (entityId: string, action: string) => prisma.auditLog.findMany({ where: { entityId, action } });

async function draft(actor: Actor, headline: string, body = paragraphs("First paragraph.")) {
  return createArticle(prisma, actor, { headline: `${headline} ${room.run}`, body, sectionId: room.section.id });
}

async function published(actor: Actor, headline: string) {
  const a = await draft(actor, headline);
  return publishArticle(prisma, editor, a.id, { version: a.version });
}

async function serviceError(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe("createArticle", () => {
  it("derives the slug from the headline, writes revision 1 and bylines the creator", async () => {
    const a = await draft(author, "Council Votes On Budget");
    expect(a.slug).toBe(slugify(`Council Votes On Budget ${room.run}`));
    expect(a).toMatchObject({ status: "DRAFT", version: 1, createdById: author.id, lastEditedById: author.id, sectionId: room.section.id });
    expect(a.authors.map((x) => x.userId)).toEqual([author.id]);
    const revs = await revisions(a.id);
    expect(revs).toHaveLength(1);
    expect(revs[0]).toMatchObject({ version: 1, authorId: author.id });
    expect(revs[0]!.snapshot).toMatchObject({ headline: a.headline, slug: a.slug });
  });

  it("adds a numeric suffix when the slug is taken", async () => {
    const first = await draft(author, "Same Headline");
    const second = await draft(contributor, "Same Headline");
    const third = await draft(editor, "Same Headline");
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(third.slug).toBe(`${first.slug}-3`);
  });

  it("concurrent creates with one headline each get a slug of their own", async () => {
    const made = await Promise.all([1, 2, 3, 4].map(() => draft(author, "Same Moment")));
    const slugs = made.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(4);
    expect(slugs).toContain(slugify(`Same Moment ${room.run}`));
  });

  it("of two concurrent creates claiming one slug, one is refused on the slug field and leaves nothing", async () => {
    const slug = `${room.run}-claimed-twice`;
    const claim = (headline: string) => createArticle(prisma, author, { headline: `${headline} ${room.run}`, slug, sectionId: room.section.id, body: paragraphs("x") });
    const results = await Promise.allSettled([claim("First claim"), claim("Second claim")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ServiceError);
    expect(refused.reason).toMatchObject({ status: 409, fields: { slug: "Already in use." } });
    expect(await prisma.article.count({ where: { headline: { in: [`First claim ${room.run}`, `Second claim ${room.run}`] } } })).toBe(1);
  });

  it("slugAvailability: free, taken with the next free one, reserved with the next free one, malformed", async () => {
    const first = await draft(author, "Availability");
    const second = await draft(author, "Availability");
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(await slugAvailability(prisma, first.slug, first.id)).toEqual({ ok: true, message: "Available." });
    // For the second article its own slug is free; for any other the next one after both.
    expect(await slugAvailability(prisma, first.slug, second.id)).toEqual({ ok: false, message: "Another article already uses this slug.", suggestion: second.slug });
    expect(await slugAvailability(prisma, first.slug)).toEqual({ ok: false, message: "Another article already uses this slug.", suggestion: `${first.slug}-3` });
    expect(await slugAvailability(prisma, "page")).toMatchObject({ ok: false, message: "This slug is reserved.", suggestion: "page-2" });
    expect(await slugAvailability(prisma, "Not A Slug")).toEqual({ ok: false, message: "Lower-case letters, digits and single hyphens only.", suggestion: undefined });
  });

  it("never derives a reserved slug from a headline", async () => {
    const a = await createArticle(prisma, author, { headline: "Page", sectionId: room.section.id, body: paragraphs("x") });
    expect(a.slug).not.toBe("page");
    await prisma.article.delete({ where: { id: a.id } });
  });
});

describe("updateArticle and optimistic locking", () => {
  it("saves a change based on the current version: version + 1 and a revision", async () => {
    const a = await draft(author, "Lock ok");
    const after = await updateArticle(prisma, author, a.id, { version: 1, headline: `Lock ok edited ${room.run}`, body: paragraphs("Edited.") });
    expect(after.version).toBe(2);
    expect(after.headline).toBe(`Lock ok edited ${room.run}`);
    expect(after.bodyText).toBe("Edited.");
    const revs = await revisions(a.id);
    expect(revs.map((r) => r.version)).toEqual([1, 2]);
    expect(revs[1]!.snapshot).toMatchObject({ headline: after.headline });
  });

  it("refuses a save based on an older version with 409, who saved last, and changes nothing", async () => {
    const a = await draft(author, "Lock stale");
    await updateArticle(prisma, editor, a.id, { version: 1, headline: `Lock stale by editor ${room.run}` });
    const before = await row(a.id);
    const error = await serviceError(updateArticle(prisma, author, a.id, { version: 1, headline: "Lost update" }));
    expect(error.code).toBe("conflict");
    expect(error.status).toBe(409);
    expect(error.extra).toMatchObject({ currentVersion: 2, lastEditedBy: editor.name });
    expect(await row(a.id)).toEqual(before);
    expect(await revisions(a.id)).toHaveLength(2);
  });

  it("a version the article has not reached is the caller's mistake (422 on version), not someone else's save", async () => {
    const a = await draft(author, "Future version");
    const before = await row(a.id);
    const error = await serviceError(updateArticle(prisma, author, a.id, { version: 99, headline: "From the future" }));
    expect(error.status).toBe(422);
    expect(error.message).toBe("This article is at version 1; there is no version 99 yet.");
    expect(error.fields).toEqual({ version: "The article's version is 1." });
    expect(await row(a.id)).toEqual(before);
  });

  it("a contributor refused on her own scheduled or published story is told why, not that it is someone else's", async () => {
    const a = await draft(contributor, "Her own, scheduled");
    const scheduled = await scheduleArticle(prisma, editor, a.id, { version: a.version, publishAt: new Date(Date.now() + 86_400_000).toISOString() });
    const error = await serviceError(updateArticle(prisma, contributor, a.id, { version: scheduled.version, standfirst: "A late change" }));
    expect(error).toMatchObject({ status: 403, message: "Contributors cannot edit scheduled articles." });
    const live = await publishArticle(prisma, editor, a.id, { version: scheduled.version });
    expect(await serviceError(updateArticle(prisma, contributor, a.id, { version: live.version, standfirst: "A late change" }))).toMatchObject({ message: "Contributors cannot edit published articles." });
    const others = await draft(author, "Not hers");
    expect(await serviceError(updateArticle(prisma, contributor, others.id, { version: others.version, standfirst: "x" }))).toMatchObject({ message: "You can only edit your own articles." });
  });

  it("a save that changes nothing writes nothing: no new version, no revision", async () => {
    const a = await draft(author, "No-op save");
    const saved = await updateArticle(prisma, author, a.id, { version: 1, standfirst: `Said once ${room.run}` });
    const again = await updateArticle(prisma, author, a.id, { version: saved.version, standfirst: `Said once ${room.run}`, headline: saved.headline, body: saved.body });
    expect(again.version).toBe(saved.version);
    expect(await updateArticle(prisma, author, a.id, { version: saved.version })).toMatchObject({ version: saved.version });
    expect(await revisions(a.id)).toHaveLength(2);
  });

  it("lets exactly one of two concurrent saves on the same version succeed", async () => {
    const a = await draft(author, "Race");
    const results = await Promise.allSettled([
      updateArticle(prisma, author, a.id, { version: 1, headline: `Race A ${room.run}` }),
      updateArticle(prisma, editor, a.id, { version: 1, headline: `Race B ${room.run}` }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(ServiceError);
    expect((refused[0]!.reason as ServiceError).status).toBe(409);
    const after = await row(a.id);
    expect(after!.version).toBe(2);
    expect(after!.headline).toBe((ok[0] as PromiseFulfilledResult<{ headline: string }>).value.headline);
    expect((await revisions(a.id)).map((r) => r.version)).toEqual([1, 2]);
  });

  it("of two drafts moved to one new slug at the same moment, one is refused on the slug field and keeps its own", async () => {
    const [a, b] = await Promise.all([draft(author, "Slug race A"), draft(author, "Slug race B")]);
    const slug = `${room.run}-slug-race`;
    const results = await Promise.allSettled([a, b].map((x) => updateArticle(prisma, author, x!.id, { version: x!.version, slug })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.findIndex((r) => r.status === "rejected");
    expect((results[refused] as PromiseRejectedResult).reason).toMatchObject({ status: 409, fields: { slug: "Already in use." } });
    const loser = (await row([a, b][refused]!.id))!;
    expect(loser).toMatchObject({ slug: [a, b][refused]!.slug, version: 1 });
  });
});

describe("contentUpdatedAt (\"Updated\" for readers)", () => {
  it("moves only on a real headline, standfirst or body change of a published article", async () => {
    const body = paragraphs("Original text.");
    let a = await draft(author, "Updated stamp", body);
    // Drafts: no stamp, however much changes.
    a = await updateArticle(prisma, author, a.id, { version: a.version, body: paragraphs("Draft change.") });
    expect(a.contentUpdatedAt).toBeNull();
    a = await publishArticle(prisma, author, a.id, { version: a.version });
    expect(a.contentUpdatedAt).toBeNull();

    // A no-op save (the editor sends everything back unchanged), both as first sent and as read back.
    a = await updateArticle(prisma, author, a.id, { version: a.version, headline: a.headline, standfirst: a.standfirst, body: paragraphs("Draft change.") });
    a = await updateArticle(prisma, author, a.id, { version: a.version, headline: a.headline, standfirst: a.standfirst, body: a.body });
    expect(a.contentUpdatedAt).toBeNull();
    // SEO, tags, hero caption: not content.
    a = await updateArticle(prisma, author, a.id, { version: a.version, seoTitle: "SEO title", seoDescription: "SEO", tags: [`${room.run} Stamp`], heroCaption: "c" });
    expect(a.contentUpdatedAt).toBeNull();

    a = await updateArticle(prisma, author, a.id, { version: a.version, body: paragraphs("A real change.") });
    const first = a.contentUpdatedAt;
    expect(first).toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 20));
    a = await updateArticle(prisma, author, a.id, { version: a.version, standfirst: "A new standfirst." });
    expect(a.contentUpdatedAt!.getTime()).toBeGreaterThan(first!.getTime());
    const second = a.contentUpdatedAt;
    a = await updateArticle(prisma, author, a.id, { version: a.version, headline: `Updated stamp, new headline ${room.run}` });
    expect(a.contentUpdatedAt!.getTime()).toBeGreaterThan(second!.getTime());
  });
});

describe("publishing, scheduling, unpublishing", () => {
  it("publish sets publishedAt and firstPublishedAt, expires caches and writes an audit row", async () => {
    const a = await draft(author, "Publish me");
    vi.mocked(revalidateTag).mockClear();
    const t0 = Date.now();
    const p = await publishArticle(prisma, author, a.id, { version: 1 });
    expect(p.status).toBe("PUBLISHED");
    expect(p.version).toBe(2);
    expect(p.publishedAt!.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
    expect(p.firstPublishedAt).toEqual(p.publishedAt);
    expect(revalidateTag).toHaveBeenCalled();
    const audits = await auditRows(a.id, "article.publish");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: author.id, entityType: "Article" });
    expect(await prisma.article.count({ where: { id: a.id, ...publicArticleWhere() } })).toBe(1);
  });

  it("refuses to publish an empty article", async () => {
    const a = await createArticle(prisma, author, { headline: `Empty ${room.run}`, sectionId: room.section.id });
    const error = await serviceError(publishArticle(prisma, author, a.id, { version: 1 }));
    expect(error.status).toBe(422);
    expect((await row(a.id))!.status).toBe("DRAFT");
  });

  it("refuses to publish or schedule a new draft under its placeholder headline (\"Untitled draft\"), with the reason at the field", async () => {
    const a = await createArticle(prisma, author, { headline: UNTITLED_HEADLINE, sectionId: room.section.id, body: paragraphs("Written, but never given a headline.") });
    for (const step of [publishArticle(prisma, author, a.id, { version: 1 }), scheduleArticle(prisma, author, a.id, { version: 1, publishAt: publishAt(3_600_000) })]) {
      const error = await serviceError(step);
      expect(error.status).toBe(422);
      expect(error.fields).toEqual({ headline: 'Write a headline: "Untitled draft" only holds the place of one.' });
    }
    expect(await row(a.id)).toMatchObject({ status: "DRAFT", version: 1, publishedAt: null });
    const titled = await updateArticle(prisma, author, a.id, { version: 1, headline: `Titled at last ${room.run}` });
    expect((await publishArticle(prisma, author, a.id, { version: titled.version })).status).toBe("PUBLISHED");
  });

  it("schedule needs a future time, and the article is invisible until then", async () => {
    const a = await draft(author, "Scheduled");
    const past = await serviceError(scheduleArticle(prisma, author, a.id, { version: 1, publishAt: publishAt(-60_000) }));
    expect(past.status).toBe(422);
    expect((await row(a.id))!.status).toBe("DRAFT");
    // Not beyond ten years: year 10000 in UTC was stored as no time at all, a story scheduled for never.
    for (const far of ["9999-12-31T23:59:59-14:00", publishAt(11 * 366 * 24 * 3_600_000)]) {
      const error = (await rejectionOf(scheduleArticle(prisma, author, a.id, { version: 1, publishAt: far }))) as ZodError;
      expect(error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["publishAt", "Choose a time within the next 10 years."]]);
    }
    expect(await row(a.id)).toMatchObject({ status: "DRAFT", publishedAt: null, version: 1 });

    const at = publishAt(3_600_000);
    const s = await scheduleArticle(prisma, author, a.id, { version: 1, publishAt: at });
    expect(s.status).toBe("SCHEDULED");
    expect(s.publishedAt!.toISOString()).toBe(new Date(at).toISOString());
    expect(await auditRows(a.id, "article.schedule")).toHaveLength(1);
    const visibleAt = (now: Date) => prisma.article.count({ where: { id: a.id, ...publicArticleWhere(now) } });
    expect(await visibleAt(new Date())).toBe(0);
    expect(await visibleAt(new Date(Date.parse(at) - 1000))).toBe(0);
    expect(await visibleAt(new Date(at))).toBe(1);
    expect(await visibleAt(new Date(Date.parse(at) + 60_000))).toBe(1);
  });

  it("a scheduled article that went live at its time counts as published", async () => {
    const a = await draft(author, "Went live");
    let s = await scheduleArticle(prisma, author, a.id, { version: 1, publishAt: publishAt(3_600_000) });
    expect(s.firstPublishedAt).toBeNull();
    // Its time comes: no job runs, the visibility rule alone makes it public.
    const liveAt = new Date(Date.now() - 60_000);
    await prisma.article.update({ where: { id: a.id }, data: { publishedAt: liveAt } });
    const oldPath = `/${room.section.slug}/${a.slug}`;

    const reschedule = await serviceError(scheduleArticle(prisma, author, a.id, { version: s.version, publishAt: publishAt(7_200_000) }));
    expect(reschedule.status).toBe(409);
    s = await updateArticle(prisma, author, a.id, { version: s.version, slug: `${room.run}-went-live-moved`, body: paragraphs("Changed after going live.") });
    expect(s.contentUpdatedAt).toBeInstanceOf(Date);
    expect(s.firstPublishedAt).toEqual(liveAt);
    expect(await prisma.redirect.findUnique({ where: { fromPath: oldPath } })).toMatchObject({ toPath: `/${room.section.slug}/${s.slug}` });
    await addCorrection(prisma, editor, a.id, { text: "A correction after going live." });

    s = await unpublishArticle(prisma, author, a.id, { version: s.version });
    expect(s).toMatchObject({ status: "DRAFT", firstPublishedAt: liveAt });
    forgetPathStatus();
    expect(await pathStatus(`/${room.section.slug}/${s.slug}`)).toEqual({ status: 410 });
  });

  it("a scheduled article is released once at its time, however many instances ask at once", async () => {
    const a = await draft(author, "Released once");
    const s = await scheduleArticle(prisma, author, a.id, { version: 1, publishAt: publishAt(3_600_000) });
    expect((await releaseDueArticles(prisma)).map((r) => r.slug)).not.toContain(s.slug);
    expect((await row(a.id))!.status).toBe("SCHEDULED");

    // Its time comes; five "instances" ask at the same moment.
    const liveAt = new Date(Date.now() - 1000);
    await prisma.article.update({ where: { id: a.id }, data: { publishedAt: liveAt } });
    vi.mocked(revalidateTag).mockClear();
    const results = await Promise.all(Array.from({ length: 5 }, () => releaseDueArticles(prisma)));
    expect(results.flat().filter((r) => r.slug === s.slug)).toHaveLength(1);
    const live = await auditRows(a.id, "article.live");
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ actorId: null, details: expect.objectContaining({ from: "SCHEDULED", to: "PUBLISHED", publishAt: liveAt.toISOString() }) });
    // Published at its scheduled time, first seen then, and the editor's copy is still current.
    expect(await row(a.id)).toMatchObject({ status: "PUBLISHED", publishedAt: liveAt, firstPublishedAt: liveAt, version: s.version });
    expect(vi.mocked(revalidateTag).mock.calls.map((c) => c[0])).toEqual(expect.arrayContaining([`article:${s.slug}`]));
    // Asking again changes nothing.
    expect((await releaseDueArticles(prisma)).map((r) => r.slug)).not.toContain(s.slug);
    expect(await auditRows(a.id, "article.live")).toHaveLength(1);
  });

  it("unpublish returns to draft, writes an audit row and removes the article's curated slots", async () => {
    const a = await published(author, "Unpublish me");
    const position = 9000 + Math.floor(Math.random() * 900);
    await prisma.curatedSlot.create({ data: { list: "EDITORS_PICKS", position, articleId: a.id } });
    const u = await unpublishArticle(prisma, author, a.id, { version: a.version });
    expect(u.status).toBe("DRAFT");
    expect(await auditRows(a.id, "article.unpublish")).toHaveLength(1);
    expect(await prisma.curatedSlot.count({ where: { articleId: a.id } })).toBe(0);
    expect(await prisma.article.count({ where: { id: a.id, ...publicArticleWhere() } })).toBe(0);
  });
});

describe("review: returned to the writer with a note, or withdrawn by them", () => {
  const note = "The second paragraph needs a source for the figures.\nAnd a quote from the council.";

  it("an editor's note stays on the draft through the writer's saves and goes when it is submitted again", async () => {
    const a = await draft(contributor, "Bins collected fortnightly");
    const inReview = await submitForReview(prisma, contributor, a.id, { version: a.version });
    // Editors are told that something waits for review; writers are not (other files' articles count too).
    expect((await newsroomNotices(prisma, editor)).awaitingReview).toBeGreaterThanOrEqual(1);
    expect((await newsroomNotices(prisma, author)).awaitingReview).toBe(0);
    const returned = await returnToWriter(prisma, editor, a.id, { version: inReview.version, note });
    expect(returned).toMatchObject({ status: "DRAFT", returnNote: note, returnedById: editor.id, returnedBy: { name: editor.name } });
    expect(returned.returnedAt).toBeInstanceOf(Date);
    expect((await auditRows(a.id, "article.return"))[0]?.details).toMatchObject({ from: "IN_REVIEW", to: "DRAFT", note });
    expect(await newsroomNotices(prisma, contributor)).toEqual({ returned: { latest: [{ id: a.id, headline: a.headline }], count: 1 }, awaitingReview: 0, expiringTokens: 0 });
    // Not the editor's own article: nothing returned to them.
    expect((await returnedToWriter(prisma, editor)).count).toBe(0);

    // The writer works on it: the note is still there to work from.
    const saved = await updateArticle(prisma, contributor, a.id, { version: returned.version, standfirst: "Figures from the council's own report." });
    expect(saved.returnNote).toBe(note);
    // Submitted again, it stays for the reviewer to check against, and is no longer the writer's to act on.
    const again = await submitForReview(prisma, contributor, a.id, { version: saved.version });
    expect(again).toMatchObject({ status: "IN_REVIEW", returnNote: note, returnedById: editor.id });
    expect(await returnedToWriter(prisma, contributor)).toEqual({ latest: [], count: 0 });
    // Returned a second time: the new note replaces it; the audit log keeps both.
    const second = await returnToWriter(prisma, editor, a.id, { version: again.version, note: "Now trim it to 300 words." });
    expect(second).toMatchObject({ status: "DRAFT", returnNote: "Now trim it to 300 words." });
    expect((await auditRows(a.id, "article.return")).map((r) => (r.details as { note: string }).note).sort()).toEqual([note, "Now trim it to 300 words."].sort());
  });

  it("publishing clears the note: an author who publishes the returned story leaves no note behind", async () => {
    const a = await draft(author, "Harbour wall repairs");
    const inReview = await submitForReview(prisma, author, a.id, { version: a.version });
    const returned = await returnToWriter(prisma, editor, a.id, { version: inReview.version, note });
    const live = await publishArticle(prisma, author, a.id, { version: returned.version });
    expect(live).toMatchObject({ status: "PUBLISHED", returnNote: null, returnedById: null });
  });

  it("a note is required, only articles in review go back, and a stale version is refused: nothing changes", async () => {
    const a = await draft(contributor, "Parking charges review");
    const inReview = await submitForReview(prisma, contributor, a.id, { version: a.version });
    const before = await row(a.id);
    for (const bad of [{ version: inReview.version }, { version: inReview.version, note: "  no " }, { version: inReview.version, note: "x".repeat(2001) }]) {
      const error = await rejectionOf(returnToWriter(prisma, editor, a.id, bad));
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path).toEqual(["note"]);
    }
    expect((await serviceError(returnToWriter(prisma, editor, a.id, { version: inReview.version - 1, note }))).status).toBe(409);
    expect(await row(a.id)).toEqual(before);

    const stillDraft = await draft(contributor, "Never submitted");
    const refused = await serviceError(returnToWriter(prisma, editor, stillDraft.id, { version: stillDraft.version, note }));
    expect(refused).toMatchObject({ status: 409, message: "Only articles in review can be returned to their writers." });
  });

  it("the writer may withdraw it from review to go on working; nobody else may, and a draft is not in review", async () => {
    const a = await draft(contributor, "Library opening hours");
    const inReview = await submitForReview(prisma, contributor, a.id, { version: a.version });
    // The editor sends it back instead (with a note); withdrawing is the writer's.
    expect((await serviceError(withdrawFromReview(prisma, editor, a.id, { version: inReview.version }))).status).toBe(403);
    const back = await withdrawFromReview(prisma, contributor, a.id, { version: inReview.version });
    expect(back).toMatchObject({ status: "DRAFT", returnNote: null });
    expect(await auditRows(a.id, "article.withdraw")).toHaveLength(1);
    // Withdrawn after a return and a new submission, the note is the writer's again.
    const resubmitted = await submitForReview(prisma, contributor, a.id, { version: back.version });
    const returned = await returnToWriter(prisma, editor, a.id, { version: resubmitted.version, note });
    const again = await submitForReview(prisma, contributor, a.id, { version: returned.version });
    const withdrawn = await withdrawFromReview(prisma, contributor, a.id, { version: again.version });
    expect(withdrawn).toMatchObject({ status: "DRAFT", returnNote: note });
    expect((await returnedToWriter(prisma, contributor)).latest.map((r) => r.id)).toContain(a.id);
    expect((await serviceError(withdrawFromReview(prisma, contributor, a.id, { version: withdrawn.version }))).status).toBe(409);
  });
});

describe("the newsroom's article list", () => {
  it("searches for \"%\" and \"_\" as the characters they are, not as wildcards", async () => {
    const percent = await draft(author, "Harbour fees rise 5% in spring");
    await draft(author, "Harbour fees rise 50 pence in spring");
    const underscore = await draft(author, "Harbour file_name leak");
    const found = async (q: string) =>
      (await listStaffArticles(prisma, editor, articleListQuerySchema.parse({ q, section: room.section.slug }))).rows.map((r) => r.id).sort();
    expect(await found("5%")).toEqual([percent.id]);
    expect(await found("%")).toEqual([percent.id]);
    expect(await found("_")).toEqual([underscore.id]);
    expect(await found("e_n")).toEqual([underscore.id]);
    expect(await found("\\")).toEqual([]);
    // Case as ever does not matter.
    expect(await found("HARBOUR FEES RISE 5%")).toEqual([percent.id]);
  });
});

describe("an article's history", () => {
  it("tells its way through the newsroom, newest first: who did what, a return's note, a schedule's time, a correction", async () => {
    const a = await draft(contributor, "Ferry timetable changes");
    const inReview = await submitForReview(prisma, contributor, a.id, { version: a.version });
    const returned = await returnToWriter(prisma, editor, a.id, { version: inReview.version, note: "Which ferries? Name the routes." });
    const saved = await updateArticle(prisma, contributor, a.id, { version: returned.version, standfirst: "Routes 1 and 4 change on Monday." });
    const again = await submitForReview(prisma, contributor, a.id, { version: saved.version });
    const at = publishAt(60 * 60_000);
    const scheduled = await scheduleArticle(prisma, editor, a.id, { version: again.version, publishAt: at });
    const live = await publishArticle(prisma, editor, a.id, { version: scheduled.version });
    await addCorrection(prisma, editor, a.id, { text: "An earlier version gave the wrong day for route 4." });

    // A save is not an event here (the revisions list saves); the start is, by its first writer.
    const history = await listHistory(prisma, contributor, a.id);
    expect(history.map((e) => [e.action, e.by])).toEqual([
      ["correct", editor.name],
      ["publish", editor.name],
      ["schedule", editor.name],
      ["submit", contributor.name],
      ["return", editor.name],
      ["submit", contributor.name],
      ["create", contributor.name],
    ]);
    expect(history[0]).toMatchObject({ note: "An earlier version gave the wrong day for route 4.", time: null });
    expect(history[2]).toMatchObject({ note: null, time: new Date(at).toISOString() });
    expect(history[4]).toMatchObject({ note: "Which ferries? Name the routes.", time: null });
    expect(history.at(-1)!.at).toEqual(a.createdAt);
    expect(live.status).toBe("PUBLISHED");
  });

  it("goes live by the scheduler with nobody's name, and is read only by those who may open the article", async () => {
    const a = await draft(author, "Scheduled by the clock");
    const scheduled = await scheduleArticle(prisma, editor, a.id, { version: a.version, publishAt: publishAt(60_000) });
    await prisma.article.update({ where: { id: a.id }, data: { publishedAt: new Date(Date.now() - 1000) } });
    await releaseDueArticles(prisma);
    const history = await listHistory(prisma, editor, a.id);
    expect(history.slice(0, 2).map((e) => [e.action, e.by])).toEqual([["live", null], ["schedule", editor.name]]);
    expect(scheduled.status).toBe("SCHEDULED");
    // Another writer's article: not theirs to open, so not theirs to read the history of.
    expect((await serviceError(listHistory(prisma, contributor, a.id))).status).toBe(403);
    expect((await serviceError(listHistory(prisma, editor, "no-such-article"))).status).toBe(404);
  });

  it("shows when a story the log never saw published (the demo's, an import's) first went out, by nobody named", async () => {
    const a = await draft(author, "Imported from the old system");
    const firstPublishedAt = new Date(a.createdAt.getTime() + 60_000);
    await prisma.article.update({ where: { id: a.id }, data: { status: "PUBLISHED", publishedAt: firstPublishedAt, firstPublishedAt } });
    const history = await listHistory(prisma, author, a.id);
    expect(history.map((e) => [e.action, e.by, e.at])).toEqual([["publish", null, firstPublishedAt], ["create", author.name, a.createdAt]]);
  });
});

describe("what a change expires", () => {
  const expired = () => new Set(vi.mocked(revalidateTag).mock.calls.map((c) => c[0] as string));
  const tagIdOf = async (name: string) => (await prisma.tag.findFirstOrThrow({ where: { name } })).id;

  // Every article page shows a rail of related stories (its section's, its tags'): it carries
  // those places' tags, not every list's, so a change expires its neighbours' pages only.
  it("its page, the lists, and the rails of its section and tags as they were and are: nothing every page carries", async () => {
    const other = await prisma.section.create({ data: { slug: `${room.run}-other`, name: `Other ${room.run}`, position: 9501 } });
    const near = `near-${room.run}`, far = `far-${room.run}`;
    try {
      const a = await createArticle(prisma, editor, { headline: `Neighbours ${room.run}`, body: paragraphs("Words."), sectionId: room.section.id, tags: [near] });
      vi.mocked(revalidateTag).mockClear();
      const p = await publishArticle(prisma, editor, a.id, { version: a.version });
      const page = `article:${p.slug}`, here = `section-stories:${room.section.id}`, there = `section-stories:${other.id}`;
      const nearTag = `tag-stories:${await tagIdOf(near)}`;
      expect(expired()).toEqual(new Set([page, "article-lists", here, nearTag]));

      vi.mocked(revalidateTag).mockClear();
      const moved = await updateArticle(prisma, editor, a.id, { version: p.version, sectionId: other.id, tags: [far] });
      const farTag = `tag-stories:${await tagIdOf(far)}`;
      expect(expired()).toEqual(new Set([page, "article-lists", here, there, nearTag, farTag]));

      // Unpublishing takes it out of curated lists too; those carry its page's tag. The banner,
      // the sections and the curation, which every page shows, are not touched.
      vi.mocked(revalidateTag).mockClear();
      await unpublishArticle(prisma, editor, a.id, { version: moved.version });
      expect(expired()).toEqual(new Set([page, "article-lists", there, farTag]));
    } finally {
      await prisma.article.deleteMany({ where: { sectionId: other.id } });
      await prisma.section.delete({ where: { id: other.id } });
      await prisma.tag.deleteMany({ where: { name: { in: [near, far] } } });
    }
  });
});

describe("URLs left behind", () => {
  const path = (slug: string) => `/${room.section.slug}/${slug}`;

  it("a slug change of a published article redirects the old URL, one hop after two changes", async () => {
    let a = await published(author, "Moving");
    const first = a.slug;
    a = await updateArticle(prisma, author, a.id, { version: a.version, slug: `${room.run}-moved-once` });
    expect(await prisma.redirect.findUnique({ where: { fromPath: path(first) } })).toMatchObject({ toPath: path(a.slug), statusCode: 301 });
    a = await updateArticle(prisma, author, a.id, { version: a.version, slug: `${room.run}-moved-twice` });
    const rows = await prisma.redirect.findMany({ where: { fromPath: { in: [path(first), path(`${room.run}-moved-once`), path(a.slug)] } } });
    expect(Object.fromEntries(rows.map((r) => [r.fromPath, r.toPath]))).toEqual({
      [path(first)]: path(a.slug),
      [path(`${room.run}-moved-once`)]: path(a.slug),
    });
  });

  it("a slug change of a never-published draft leaves no redirect", async () => {
    const a = await draft(author, "Quiet move");
    await updateArticle(prisma, author, a.id, { version: a.version, slug: `${room.run}-quiet-moved` });
    expect(await prisma.redirect.findUnique({ where: { fromPath: path(a.slug) } })).toBeNull();
  });

  it("deleting a once-published article leaves a 410 row and an audit row", async () => {
    const a = await published(author, "Delete me");
    await deleteArticle(prisma, editor, a.id, { version: a.version });
    expect(await row(a.id)).toBeNull();
    expect(await prisma.redirect.findUnique({ where: { fromPath: path(a.slug) } })).toMatchObject({ toPath: null, statusCode: 410 });
    expect(await auditRows(a.id, "article.delete")).toHaveLength(1);
  });

  it("deleting a never-published draft leaves no redirect row", async () => {
    const a = await draft(contributor, "Delete draft");
    await deleteArticle(prisma, contributor, a.id, { version: 1 });
    expect(await row(a.id)).toBeNull();
    expect(await prisma.redirect.findUnique({ where: { fromPath: path(a.slug) } })).toBeNull();
    expect(await auditRows(a.id, "article.delete")).toHaveLength(1);
  });
});

describe("corrections", () => {
  it("need an editor and a published article", async () => {
    const a = await published(author, "Correct me");
    const byAuthor = await serviceError(addCorrection(prisma, author, a.id, { text: "We got the date wrong." }));
    expect(byAuthor.status).toBe(403);
    const d = await draft(author, "Not yet out");
    const onDraft = await serviceError(addCorrection(prisma, editor, d.id, { text: "We got the date wrong." }));
    expect(onDraft.status).toBe(409);
    expect(await prisma.correction.count({ where: { articleId: { in: [a.id, d.id] } } })).toBe(0);

    const c = await addCorrection(prisma, editor, a.id, { text: "We got the date wrong." });
    expect(c).toMatchObject({ articleId: a.id, authorId: editor.id, text: "We got the date wrong." });
    expect(await auditRows(a.id, "article.correct")).toHaveLength(1);
    await addCorrection(prisma, admin, a.id, { text: "And the name, too." });
    expect(await prisma.correction.count({ where: { articleId: a.id } })).toBe(2);
  });
});

describe("restoreRevision", () => {
  it("saves a new version with the old revision's headline and body", async () => {
    const a = await draft(author, "Restore", paragraphs("Version one body."));
    const v2 = await updateArticle(prisma, author, a.id, { version: 1, headline: `Restore v2 ${room.run}`, body: paragraphs("Version two body.") });
    const [rev1] = await revisions(a.id);
    const restored = await restoreRevision(prisma, author, a.id, rev1!.id, { version: v2.version });
    expect(restored.version).toBe(3);
    expect(restored.headline).toBe(a.headline);
    expect(restored.body).toEqual(a.body);
    expect(restored.bodyText).toBe("Version one body.");
    const revs = await revisions(a.id);
    expect(revs.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(revs[0]!.snapshot).toEqual(rev1!.snapshot); // history is never rewritten
    // Recorded: in the audit log and the article's history, with the version it brought back.
    expect(await auditRows(a.id, "article.restore")).toHaveLength(1);
    expect((await listHistory(prisma, author, a.id))[0]).toMatchObject({ action: "restore", by: author.name, note: "version 1" });
  });

  it("a live story keeps what publishing required: no placeholder headline or empty body by save or restore", async () => {
    // Every new draft starts as the placeholder: its first revision is one.
    const a = await createArticle(prisma, author, { headline: UNTITLED_HEADLINE, sectionId: room.section.id });
    const written = await updateArticle(prisma, author, a.id, { version: a.version, headline: `Live keeps ${room.run}`, body: paragraphs("A real story.") });
    const live = await publishArticle(prisma, editor, a.id, { version: written.version });
    const before = await row(a.id);

    const placeholder = await serviceError(updateArticle(prisma, editor, a.id, { version: live.version, headline: UNTITLED_HEADLINE }));
    expect(placeholder).toMatchObject({ status: 422, message: "A published article keeps a headline and a body." });
    expect(placeholder.fields).toHaveProperty("headline");
    const emptied = await serviceError(updateArticle(prisma, editor, a.id, { version: live.version, body: { type: "doc", content: [{ type: "paragraph" }] } }));
    expect(emptied.fields).toEqual({ body: "The body is empty." });
    const [first] = await revisions(a.id);
    const restoredPlaceholder = await serviceError(restoreRevision(prisma, editor, a.id, first!.id, { version: live.version }));
    expect(restoredPlaceholder.status).toBe(422);
    expect(await row(a.id)).toEqual(before);
    expect(await auditRows(a.id, "article.restore")).toHaveLength(0);

    // Taken down, it is a draft again, and may be anything a draft may be.
    const draftAgain = await unpublishArticle(prisma, editor, a.id, { version: live.version });
    expect((await updateArticle(prisma, editor, a.id, { version: draftAgain.version, headline: UNTITLED_HEADLINE })).headline).toBe(UNTITLED_HEADLINE);
  });

  it("an empty placeholder draft is not sent for review", async () => {
    const a = await createArticle(prisma, contributor, { headline: UNTITLED_HEADLINE, sectionId: room.section.id });
    const error = await serviceError(submitForReview(prisma, contributor, a.id, { version: a.version }));
    expect(error).toMatchObject({ status: 422, message: "This article is not ready for review." });
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["body", "headline"]);
    expect((await row(a.id))?.status).toBe("DRAFT");
  });
});

describe("input the strict schemas refuse", () => {
  it("a contributor cannot publish by sending status with a save", async () => {
    const a = await draft(contributor, "Sneaky");
    const before = await row(a.id);
    const error = await rejectionOf(updateArticle(prisma, contributor, a.id, { version: 1, headline: "Sneaky", status: "PUBLISHED" }));
    expect(error).toBeInstanceOf(ZodError);
    expect(await row(a.id)).toEqual(before);
    expect(await revisions(a.id)).toHaveLength(1);
  });

  it("control characters pasted into text (Word's U+000B line break, U+0001…) are saved as spaces", async () => {
    const a = await draft(author, "Pasted text");
    const saved = await updateArticle(prisma, author, a.id, {
      version: 1,
      headline: `Pasted\u000Bfrom Word\u0001 ${room.run}`,
      standfirst: "Stand\u0008first\u007F",
      seoTitle: "\u001FSEO",
      tags: [`Pasted\u000Btag ${room.run}`],
      body: paragraphs("Line one\u000Bline two\tand a tab"),
    });
    expect(saved.headline).toBe(`Pasted from Word ${room.run}`);
    expect(saved.standfirst).toBe("Stand first");
    expect(saved.seoTitle).toBe("SEO");
    expect(saved.tags.map((t) => t.tag.name)).toEqual([`Pasted tag ${room.run}`]);
    expect(JSON.stringify(saved.body)).toContain("Line one line two\\tand a tab");
  });

  it("bidirectional overrides are dropped (\\u202Eevil would read 'live'); isolates and direction marks stay", async () => {
    const a = await draft(author, "Bidi text");
    const saved = await updateArticle(prisma, author, a.id, {
      version: 1,
      headline: `\u202Eevil\u202C headline ${room.run}`,
      standfirst: "Quoting \u2067\u05E9\u05DC\u05D5\u05DD\u2069 and \u200Fmarks\u200E",
      tags: [`\u202Dforced ${room.run}`],
      body: paragraphs("Body \u202Bembedded\u202C text"),
    });
    expect(saved.headline).toBe(`evil headline ${room.run}`);
    expect(saved.standfirst).toBe("Quoting \u2067\u05E9\u05DC\u05D5\u05DD\u2069 and \u200Fmarks\u200E");
    expect(saved.tags.map((t) => t.tag.name)).toEqual([`forced ${room.run}`]);
    expect(JSON.stringify(saved.body)).toContain("Body embedded text");
  });

  it("a missing, negative or fractional version is refused with a message that says which, and nothing is saved", async () => {
    const a = await draft(author, "Version messages");
    const before = await row(a.id);
    const messages = async (input: Record<string, unknown>) =>
      ((await rejectionOf(updateArticle(prisma, author, a.id, { headline: "Never saved", ...input }))) as ZodError).issues.map((i) => [i.path.join("."), i.message]);
    expect(await messages({})).toEqual([["version", "The version this change is based on is required."]]);
    expect(await messages({ version: -1 })).toEqual([["version", "Must be 1 or more."]]);
    expect(await messages({ version: 1.5 })).toEqual([["version", "Must be a whole number."]]);
    expect(await messages({ version: "1" })).toEqual([["version", "Must be a number."]]);
    const publish = (await rejectionOf(publishArticle(prisma, author, a.id, { version: 0 }))) as ZodError;
    expect(publish.issues.map((i) => i.message)).toEqual(["Must be 1 or more."]);
    expect(await row(a.id)).toEqual(before);
    expect(await revisions(a.id)).toHaveLength(1);
  });

  it("a tag name with a comma is refused, naming the field, and nothing is saved (commas separate tags in the editor)", async () => {
    const a = await draft(author, "Comma tag");
    const before = await row(a.id);
    const error = await rejectionOf(updateArticle(prisma, author, a.id, { version: 1, tags: [`${room.run} Arts, Culture`] }));
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => [i.path.join("."), i.message])).toEqual([["tags.0", "A tag name cannot contain a comma: commas separate tags."]]);
    expect(await row(a.id)).toEqual(before);
    expect(await prisma.tag.count({ where: { name: `${room.run} Arts, Culture` } })).toBe(0);
  });

  it("unknown tags are created for authors and refused for contributors", async () => {
    const a = await draft(author, "Tagged");
    const name = `${room.run} Fresh Tag`;
    const tagged = await updateArticle(prisma, author, a.id, { version: 1, tags: [name] });
    expect(tagged.tags.map((t) => t.tag.name)).toEqual([name]);
    expect(await prisma.tag.count({ where: { slug: slugify(name, 60) } })).toBe(1);

    const c = await draft(contributor, "Tagged by contributor");
    const before = await row(c.id);
    const unknown = `${room.run} Contributor Tag`;
    const error = await serviceError(updateArticle(prisma, contributor, c.id, { version: 1, tags: [name, unknown] }));
    expect(error.status).toBe(403);
    expect(await prisma.tag.count({ where: { slug: slugify(unknown, 60) } })).toBe(0);
    expect(await row(c.id)).toEqual(before);
    // Existing tags are fine for contributors.
    const ok = await updateArticle(prisma, contributor, c.id, { version: 1, tags: [name] });
    expect(ok.tags.map((t) => t.tag.name)).toEqual([name]);
    const created = await rejectionOf(createArticle(prisma, contributor, { headline: `New with tag ${room.run}`, sectionId: room.section.id, tags: [unknown] }));
    expect((created as ServiceError).status).toBe(403);
    expect(await prisma.tag.count({ where: { slug: slugify(unknown, 60) } })).toBe(0);
  });

  it("tags whose names have no Latin letters stay apart: each gets a slug of its own", async () => {
    const a = await draft(author, "Non-Latin tags");
    // This run's id in CJK characters: names unique to the run, still without a Latin letter.
    const run = [...room.run].map((c) => String.fromCharCode(0x4e00 + c.charCodeAt(0))).join("");
    const [first, second] = [`日本${run}`, `🔥${run}`];
    const once = await updateArticle(prisma, author, a.id, { version: 1, tags: [first] });
    const twice = await updateArticle(prisma, author, a.id, { version: once.version, tags: [first, second] });
    // Before: both slugs were "article", and the second name was taken for the first tag.
    expect(twice.tags.map((t) => t.tag.name)).toEqual([first, second]);
    expect(new Set(twice.tags.map((t) => t.tag.slug)).size).toBe(2);
    // The same name again is the same tag.
    const again = await updateArticle(prisma, author, a.id, { version: twice.version, tags: [second, first] });
    expect(again.tags.map((t) => t.tag.id).sort()).toEqual(twice.tags.map((t) => t.tag.id).sort());
  });

  it("two writers adding one new tag at the same moment both get it, and it exists once", async () => {
    const [a, b] = await Promise.all([draft(author, "Same tag A"), draft(editor, "Same tag B")]);
    const name = `${room.run} Breaking Tag`;
    const [ta, tb] = await Promise.all([
      updateArticle(prisma, author, a.id, { version: 1, tags: [name] }),
      updateArticle(prisma, editor, b.id, { version: 1, tags: [name] }),
    ]);
    expect(ta.tags.map((t) => t.tag.id)).toEqual(tb.tags.map((t) => t.tag.id));
    expect(await prisma.tag.count({ where: { slug: slugify(name, 60) } })).toBe(1);
  });

  it("a javascript: link in the body is refused and nothing is saved", async () => {
    const evil = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "click", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] };
    const headline = `Evil link ${room.run}`;
    expect(await rejectionOf(createArticle(prisma, author, { headline, sectionId: room.section.id, body: evil }))).toBeInstanceOf(ZodError);
    expect(await prisma.article.count({ where: { headline } })).toBe(0);

    const a = await draft(author, "Good link");
    const before = await row(a.id);
    expect(await rejectionOf(updateArticle(prisma, author, a.id, { version: 1, body: evil }))).toBeInstanceOf(ZodError);
    expect(await row(a.id)).toEqual(before);
    expect(await revisions(a.id)).toHaveLength(1);
  });
});
