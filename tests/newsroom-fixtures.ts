import { randomBytes } from "node:crypto";
import type { ArticleStatus, Role } from "@/generated/prisma/enums";
import type { ArticleBody } from "@/lib/article-body";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/services/permissions";

/**
 * Clean actors and a section of a test file's own on the shared seeded database (other test files
 * run alongside), and a cleanup that removes everything they left behind. Every article a file
 * makes lives in its section, so its paths ("/<section>/…") and rows are found by that.
 */

export type Newsroom = Awaited<ReturnType<typeof createNewsroom>>;

const staff = [
  ["admin", "ADMIN"],
  ["editor", "EDITOR"],
  ["author", "AUTHOR"],
  ["author2", "AUTHOR"],
  ["contributor", "CONTRIBUTOR"],
  ["contributor2", "CONTRIBUTOR"],
] as const satisfies readonly (readonly [string, Role])[];

export async function createNewsroom(prefix: string) {
  const run = `${prefix}-${randomBytes(3).toString("hex")}`;
  const section = await prisma.section.create({ data: { slug: `${run}-desk`, name: `Desk ${run}`, position: 9500 } });
  const actors = {} as Record<(typeof staff)[number][0], Actor>;
  for (const [key, role] of staff) {
    const user = await prisma.user.create({
      data: { email: `${run}-${key}@test.example`, slug: `${run}-${key}`, name: `${key} ${run}`, role },
    });
    actors[key] = { id: user.id, role: user.role, name: user.name };
  }
  const userIds = Object.values(actors).map((a) => a.id);

  async function cleanup() {
    const articles = await prisma.article.findMany({ where: { sectionId: section.id }, select: { id: true } });
    const articleIds = articles.map((a) => a.id);
    await prisma.auditLog.deleteMany({ where: { OR: [{ actorId: { in: userIds } }, { entityId: { in: articleIds } }] } });
    await prisma.article.deleteMany({ where: { sectionId: section.id } });
    await prisma.redirect.deleteMany({ where: { fromPath: { startsWith: `/${section.slug}/` } } });
    await prisma.tag.deleteMany({ where: { slug: { startsWith: slugPrefix(run) } } });
    await prisma.media.deleteMany({ where: { uploadedById: { in: userIds } } });
    await prisma.user.deleteMany({ where: { id: { in: userIds } } });
    await prisma.section.delete({ where: { id: section.id } });
  }

  return { run, section, actors, cleanup };
}

/** Tags a test creates are named "<run> …", so their slugs start with this. */
export const slugPrefix = (run: string) => run.toLowerCase();

export function paragraphs(...texts: string[]): ArticleBody {
  return { type: "doc", content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}

let counter = 0;

/**
 * An article written straight to the database (no service involved): owned by `owner` (creator
 * and sole byline), in `status`, with revision 1. Published ones went live an hour ago.
 */
export async function insertArticle(room: Newsroom, owner: Actor, status: ArticleStatus) {
  const slug = `${room.run}-fixture-${++counter}`;
  const live = status === "PUBLISHED" ? new Date(Date.now() - 3_600_000) : null;
  const body = paragraphs(`Fixture body ${counter}.`);
  return prisma.article.create({
    data: {
      slug,
      headline: `Fixture ${counter} ${room.run}`,
      body,
      bodyText: `Fixture body ${counter}.`,
      status,
      publishedAt: live,
      firstPublishedAt: live,
      sectionId: room.section.id,
      createdById: owner.id,
      lastEditedById: owner.id,
      authors: { create: [{ userId: owner.id, position: 0 }] },
      revisions: { create: { version: 1, authorId: owner.id, snapshot: { headline: `Fixture ${counter} ${room.run}`, body } } },
    },
    include: { revisions: true },
  });
}

/** A media row uploaded by `owner` (no file behind it: only its text is edited here). */
export async function insertMedia(room: Newsroom, owner: Actor) {
  return prisma.media.create({
    data: {
      storageKey: `uploads/test/${room.run}-${++counter}.jpg`,
      mimeType: "image/jpeg",
      width: 10,
      height: 10,
      bytes: 100,
      alt: "Original alt",
      uploadedById: owner.id,
    },
  });
}

/** The rejection of a promise that must fail (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("Expected the call to be refused, but it succeeded.");
    },
    (error: unknown) => error,
  );
}
