import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Services expire caches with revalidateTag, which throws outside a Next.js request.
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), cacheTag: vi.fn(), cacheLife: vi.fn() }));

import type { ArticleStatus, Role } from "@/generated/prisma/enums";
import { prisma } from "@/server/db";
import { createApiToken, revokeApiToken } from "@/server/services/api-tokens";
import {
  addCorrection,
  archiveArticle,
  createArticle,
  deleteArticle,
  publishArticle,
  restoreRevision,
  returnToWriter,
  scheduleArticle,
  submitForReview,
  unpublishArticle,
  updateArticle,
  withdrawFromReview,
} from "@/server/services/articles";
import { ServiceError } from "@/server/services/errors";
import { editMedia } from "@/server/services/media-library";
import type { Actor } from "@/server/services/permissions";
import { createNewsroom, insertArticle, insertMedia, paragraphs, type Newsroom } from "./newsroom-fixtures";

/**
 * Every write of the newsroom × every role × own or someone else's article × draft or published,
 * against DESIGN.md's permission table. The expectations are written out from that table here
 * (never computed with permissions.ts's `can`, or the test could not fail). A refused call must be
 * a 403 ServiceError (409 where the role may act but the article's state does not allow it) and
 * leave the database as it was; an allowed one must do its work.
 */

// DESIGN.md, "Permissions (Ghost's model)", one row per role.
const table: Record<Role, { ownDrafts: boolean; othersDrafts: boolean; publish: "none" | "own" | "all"; curate: boolean; settings: boolean }> = {
  CONTRIBUTOR: { ownDrafts: true, othersDrafts: false, publish: "none", curate: false, settings: false },
  AUTHOR: { ownDrafts: true, othersDrafts: false, publish: "own", curate: false, settings: false },
  EDITOR: { ownDrafts: true, othersDrafts: true, publish: "all", curate: true, settings: false },
  ADMIN: { ownDrafts: true, othersDrafts: true, publish: "all", curate: true, settings: true },
};

const mayPublish = (role: Role, own: boolean) => table[role].publish === "all" || (table[role].publish === "own" && own);
/** Drafts as the table says; a published article by whoever may publish (and so unpublish) it. */
const mayWrite = (role: Role, own: boolean, status: ArticleStatus) =>
  (status === "DRAFT" && (own ? table[role].ownDrafts : table[role].othersDrafts)) || mayPublish(role, own);

type Outcome = "ok" | 403 | 409;
type Case = { role: Role; own: boolean; status: ArticleStatus };
const allowedIf = (allowed: boolean, stateOk = true): Outcome => (!allowed ? 403 : stateOk ? "ok" : 409);

// The expected outcome of each article write, from the rules above.
const expected: Record<string, (c: Case) => Outcome> = {
  updateArticle: (c) => allowedIf(mayWrite(c.role, c.own, c.status)),
  restoreRevision: (c) => allowedIf(mayWrite(c.role, c.own, c.status)),
  submitForReview: (c) => allowedIf(mayWrite(c.role, c.own, c.status), c.status === "DRAFT"),
  publishArticle: (c) => allowedIf(mayPublish(c.role, c.own)),
  scheduleArticle: (c) => allowedIf(mayPublish(c.role, c.own), c.status !== "PUBLISHED"),
  unpublishArticle: (c) => allowedIf(mayPublish(c.role, c.own), c.status === "PUBLISHED"),
  archiveArticle: (c) => allowedIf(mayPublish(c.role, c.own)),
  deleteArticle: (c) => allowedIf(mayWrite(c.role, c.own, c.status)),
  // Corrections are editorial work, like curating; only for articles readers have seen.
  addCorrection: (c) => allowedIf(table[c.role].curate, c.status === "PUBLISHED"),
  // Review is editorial work on someone's draft: whoever may write others' drafts sends one back;
  // its writer may take their own back. Both only from review.
  returnToWriter: (c) => allowedIf(table[c.role].othersDrafts, c.status === "IN_REVIEW"),
  withdrawFromReview: (c) => allowedIf(c.own && table[c.role].ownDrafts, c.status === "IN_REVIEW"),
};

type Fixture = Awaited<ReturnType<typeof insertArticle>>;
type Run = (actor: Actor, a: Fixture) => Promise<unknown>;
type Check = (a: Fixture, actor: Actor) => Promise<void>;

const future = () => new Date(Date.now() + 86_400_000).toISOString();
const current = (a: Fixture) => prisma.article.findUnique({ where: { id: a.id } });

// How to call each write, and what must be true after it was allowed.
const operations: Record<string, { run: Run; check: Check }> = {
  updateArticle: {
    run: (actor, a) => updateArticle(prisma, actor, a.id, { version: 1, headline: `Edited ${a.headline}` }),
    check: async (a, actor) => expect(await current(a)).toMatchObject({ headline: `Edited ${a.headline}`, version: 2, lastEditedById: actor.id }),
  },
  restoreRevision: {
    run: (actor, a) => restoreRevision(prisma, actor, a.id, a.revisions[0]!.id, { version: 1 }),
    check: async (a) => expect(await current(a)).toMatchObject({ version: 2 }),
  },
  submitForReview: {
    run: (actor, a) => submitForReview(prisma, actor, a.id, { version: 1 }),
    check: async (a) => expect(await current(a)).toMatchObject({ status: "IN_REVIEW", version: 2 }),
  },
  publishArticle: {
    run: (actor, a) => publishArticle(prisma, actor, a.id, { version: 1 }),
    check: async (a) => {
      expect(await current(a)).toMatchObject({ status: "PUBLISHED", version: 2, publishedAt: expect.any(Date), firstPublishedAt: expect.any(Date) });
      expect(await prisma.auditLog.count({ where: { entityId: a.id, action: "article.publish" } })).toBe(1);
    },
  },
  scheduleArticle: {
    run: (actor, a) => scheduleArticle(prisma, actor, a.id, { version: 1, publishAt: future() }),
    check: async (a) => expect(await current(a)).toMatchObject({ status: "SCHEDULED", version: 2 }),
  },
  unpublishArticle: {
    run: (actor, a) => unpublishArticle(prisma, actor, a.id, { version: 1 }),
    check: async (a) => expect(await current(a)).toMatchObject({ status: "DRAFT", version: 2 }),
  },
  archiveArticle: {
    run: (actor, a) => archiveArticle(prisma, actor, a.id, { version: 1 }),
    check: async (a) => expect(await current(a)).toMatchObject({ status: "ARCHIVED", version: 2 }),
  },
  deleteArticle: {
    run: (actor, a) => deleteArticle(prisma, actor, a.id, { version: 1 }),
    check: async (a) => {
      expect(await current(a)).toBeNull();
      expect(await prisma.auditLog.count({ where: { entityId: a.id, action: "article.delete" } })).toBe(1);
    },
  },
  addCorrection: {
    run: (actor, a) => addCorrection(prisma, actor, a.id, { text: "An earlier version misspelt a name." }),
    check: async (a) => expect(await prisma.correction.count({ where: { articleId: a.id } })).toBe(1),
  },
  returnToWriter: {
    run: (actor, a) => returnToWriter(prisma, actor, a.id, { version: 1, note: "Needs a second source." }),
    check: async (a, actor) => expect(await current(a)).toMatchObject({ status: "DRAFT", version: 2, returnNote: "Needs a second source.", returnedById: actor.id }),
  },
  withdrawFromReview: {
    run: (actor, a) => withdrawFromReview(prisma, actor, a.id, { version: 1 }),
    check: async (a) => expect(await current(a)).toMatchObject({ status: "DRAFT", version: 2, returnNote: null }),
  },
};

/** The review steps are tried on articles in review too (and every other write on drafts and published ones). */
const reviewOps = ["returnToWriter", "withdrawFromReview"];
const statusesFor = (op: string): ArticleStatus[] => (reviewOps.includes(op) ? ["IN_REVIEW", "DRAFT", "PUBLISHED"] : ["DRAFT", "PUBLISHED"]);

let room: Newsroom;
const roles: Role[] = ["CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMIN"];
/** The actor of a role, and whose article is "someone else's" to them (a peer, or an author). */
const actorOf = (role: Role): Actor =>
  ({ CONTRIBUTOR: room.actors.contributor, AUTHOR: room.actors.author, EDITOR: room.actors.editor, ADMIN: room.actors.admin })[role];
const otherOf = (role: Role): Actor => (role === "CONTRIBUTOR" ? room.actors.contributor2 : room.actors.author2);

beforeAll(async () => {
  room = await createNewsroom("perm");
});

afterAll(async () => {
  await room.cleanup();
  await prisma.$disconnect();
});

/** Everything a write could touch, as far as this file's own rows go. */
async function snapshot(articleId: string, actor: Actor) {
  const [article, authors, tags, revisions, audits, redirects, corrections, slots, articles, tokens, media] = await Promise.all([
    prisma.article.findUnique({ where: { id: articleId } }),
    prisma.articleAuthor.findMany({ where: { articleId }, orderBy: { position: "asc" } }),
    prisma.articleTag.count({ where: { articleId } }),
    prisma.revision.count({ where: { articleId } }),
    prisma.auditLog.count({ where: { OR: [{ entityId: articleId }, { actorId: actor.id }] } }),
    prisma.redirect.count({ where: { fromPath: { startsWith: `/${room.section.slug}/` } } }),
    prisma.correction.count({ where: { articleId } }),
    prisma.curatedSlot.count({ where: { articleId } }),
    prisma.article.count({ where: { sectionId: room.section.id } }),
    prisma.apiToken.findMany({ where: { userId: { in: Object.values(room.actors).map((a) => a.id) } }, orderBy: { id: "asc" } }),
    prisma.media.findMany({ where: { uploadedById: { in: Object.values(room.actors).map((a) => a.id) } }, orderBy: { id: "asc" } }),
  ]);
  return { article, authors, tags, revisions, audits, redirects, corrections, slots, articles, tokens, media };
}

async function expectRefused(promise: Promise<unknown>, status: 403 | 409, before: Awaited<ReturnType<typeof snapshot>>, after: () => ReturnType<typeof snapshot>) {
  const error = await promise.then(
    () => new Error(`Expected ${status}, but the call succeeded.`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).status, (error as Error).message).toBe(status);
  expect(await after()).toEqual(before);
}

const articleCases: (Case & { op: string; outcome: Outcome })[] = Object.keys(operations).flatMap((op) =>
  roles.flatMap((role) =>
    [true, false].flatMap((own) =>
      statusesFor(op).map((status) => ({ op, role, own, status, outcome: expected[op]!({ role, own, status }) })),
    ),
  ),
);

describe("article writes × role × ownership × status", () => {
  it.each(articleCases)("$op by $role on $status article, own=$own", async ({ op, role, own, status, outcome }) => {
    const actor = actorOf(role);
    const article = await insertArticle(room, own ? actor : otherOf(role), status);
    const before = await snapshot(article.id, actor);
    const call = operations[op]!.run(actor, article);
    if (outcome === "ok") {
      await call;
      await operations[op]!.check(article, actor);
    } else {
      await expectRefused(call, outcome, before, () => snapshot(article.id, actor));
    }
  });

  it("the matrix is not trivially all-allowed or all-refused", () => {
    const counts = { ok: 0, 403: 0, 409: 0 };
    for (const c of articleCases) counts[c.outcome]++;
    expect(counts.ok).toBeGreaterThan(20);
    expect(counts[403]).toBeGreaterThan(20);
  });
});

describe("createArticle × role", () => {
  it.each(roles)("%s may create an article of their own", async (role) => {
    const actor = actorOf(role);
    const a = await createArticle(prisma, actor, { headline: `Created by ${role} ${room.run}`, sectionId: room.section.id, body: paragraphs("Hello.") });
    expect(a).toMatchObject({ createdById: actor.id, status: "DRAFT", version: 1 });
  });

  // Naming someone else on the byline is writing someone else's article: "others' drafts".
  it.each(roles)("%s naming someone else on the byline", async (role) => {
    const actor = actorOf(role);
    const headline = `Byline by ${role} ${room.run}`;
    const input = { headline, sectionId: room.section.id, authorIds: [otherOf(role).id] };
    if (table[role].othersDrafts) {
      const a = await createArticle(prisma, actor, input);
      expect(a.authors.map((x) => x.userId)).toEqual([otherOf(role).id]);
    } else {
      const count = () => prisma.article.count({ where: { headline } });
      const error = await createArticle(prisma, actor, input).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).status).toBe(403);
      expect(await count()).toBe(0);
    }
  });
});

describe("API tokens × role (the table's 'users, settings' column)", () => {
  it.each(roles)("%s creating and revoking a token", async (role) => {
    const actor = actorOf(role);
    const admin = room.actors.admin;
    // A token to revoke, made directly so that refusals are not hidden behind a failed create.
    const existing = await prisma.apiToken.create({
      data: { name: `Fixture ${role}`, prefix: "dbn_fixtur", tokenHash: `${room.run}-${role}-hash`, userId: admin.id },
    });
    if (table[role].settings) {
      const created = await createApiToken(prisma, actor, { name: `By ${role}`, scope: "READ" });
      expect(created.token).toMatch(/^dbn_/);
      expect(await prisma.apiToken.findUnique({ where: { id: created.id } })).toMatchObject({ userId: actor.id, revokedAt: null });
      await revokeApiToken(prisma, actor, existing.id);
      expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: existing.id } })).revokedAt).toBeInstanceOf(Date);
    } else {
      const before = await snapshot("none", actor);
      await expectRefused(createApiToken(prisma, actor, { name: `By ${role}`, scope: "WRITE" }), 403, before, () => snapshot("none", actor));
      await expectRefused(revokeApiToken(prisma, actor, existing.id), 403, before, () => snapshot("none", actor));
    }
  });
});

describe("editMedia × role × own or someone else's image", () => {
  const mediaCases = roles.flatMap((role) => [true, false].map((own) => ({ role, own, outcome: (own || table[role].othersDrafts ? "ok" : 403) as Outcome })));
  it.each(mediaCases)("$role editing an image, own=$own → $outcome", async ({ role, own, outcome }) => {
    const actor = actorOf(role);
    const media = await insertMedia(room, own ? actor : otherOf(role));
    const before = await snapshot("none", actor);
    const call = editMedia(prisma, actor, media.id, { alt: `Described by ${role}` });
    if (outcome === "ok") {
      expect(await call).toMatchObject({ id: media.id, alt: `Described by ${role}` });
    } else {
      await expectRefused(call, 403, before, () => snapshot("none", actor));
    }
  });
});
