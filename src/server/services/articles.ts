import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { ArticleStatus, Prisma, PrismaClient } from "@/generated/prisma/client";
import { bodyToPlainText, emptyBody, type ArticleBody } from "@/lib/article-body";
import { reservedSlugs, routes } from "@/lib/routes";
import {
  articleCreateSchema,
  type ArticleCreate,
  articleUpdateSchema,
  correctionSchema,
  returnSchema,
  scheduleSchema,
  slugify,
  slugSchema,
  UNTITLED_HEADLINE,
  versionSchema,
  type ArticleFields,
} from "@/lib/schemas/article";
import { isPublic } from "@/server/data/visibility";
import { violatedUniqueIndex } from "@/server/database-errors";
import { audit } from "@/server/services/audit";
import { ServiceError, notFound } from "@/server/services/errors";
import { can, ensure, isOwn, refOf, type Actor } from "@/server/services/permissions";
import { nameSlug } from "@/server/services/name-slug";
import { stopEveryLink } from "@/server/services/preview-links";
import { expireArticle, reclaimPath, recordDeletedPaths, recordPathChange, type StoryRef } from "@/server/services/publishing";

/**
 * Articles in the newsroom: every write (server actions and the API alike) goes through here.
 * Each write checks permission, checks the version it was based on (no lost updates), saves in
 * one transaction with a revision, then expires what readers may see.
 */

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

const editorInclude = {
  section: { select: { id: true, slug: true, name: true } },
  authors: { orderBy: { position: "asc" }, select: { userId: true, user: { select: { id: true, name: true, slug: true } } } },
  tags: { orderBy: { position: "asc" }, select: { tag: { select: { id: true, name: true, slug: true } } } },
  heroImage: { select: { id: true, storageKey: true, alt: true, width: true, height: true } },
  lastEditedBy: { select: { id: true, name: true } },
  returnedBy: { select: { id: true, name: true } },
  corrections: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true } },
} satisfies Prisma.ArticleInclude;

export type EditorArticle = Prisma.ArticleGetPayload<{ include: typeof editorInclude }>;

/** What expiring a change to it needs to know (server/services/publishing.ts). */
function storyOf(article: EditorArticle): StoryRef {
  return { slug: article.slug, sectionId: article.sectionId, tagIds: article.tags.map((t) => t.tag.id) };
}

async function load(db: Db | Tx, id: string): Promise<EditorArticle> {
  const article = await db.article.findUnique({ where: { id }, include: editorInclude });
  if (!article) throw notFound("The article");
  return article;
}

/** Any article by id, with no permission check: only for reads that apply the public rule. */
export const findArticleById = (db: Db, id: string) => load(db, id);

/** For the editor and the API: the article, if this actor may see it. */
export async function getArticleForStaff(db: Db, actor: Actor, id: string): Promise<EditorArticle> {
  const article = await load(db, id);
  ensure(can.viewArticle(actor, refOf(article)), "You can only open your own articles.");
  return article;
}

function conflict(current: EditorArticle): ServiceError {
  return new ServiceError(
    "conflict",
    `Someone else saved this article${current.lastEditedBy ? ` (${current.lastEditedBy.name})` : ""} since you opened it.`,
    undefined,
    { currentVersion: current.version, lastEditedBy: current.lastEditedBy?.name ?? null, updatedAt: current.updatedAt.toISOString() },
  );
}

function checkVersion(current: EditorArticle, version: number): void {
  // A version the article has not reached is a caller's mistake, not someone else's save.
  if (version > current.version) {
    throw new ServiceError("invalid", `This article is at version ${current.version}; there is no version ${version} yet.`, {
      version: `The article's version is ${current.version}.`,
    });
  }
  if (current.version !== version) throw conflict(current);
}

const SLUG_INDEX = "Article_slug_key";
const slugTaken = () => new ServiceError("conflict", "Another article already uses this slug.", { slug: "Already in use." });

/**
 * The headline's slug, or the first free one after it. Creates deriving a slug from one headline
 * wait for each other until commit (a transaction lock), so each finds the slugs the others took:
 * under READ COMMITTED every statement sees what committed before it.
 */
async function freeSlugFor(tx: Tx, headline: string): Promise<string> {
  const base = slugify(headline);
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`article-slug:${base}`}))::text`;
  const free = await firstFreeSlug(tx, base);
  if (!free) throw new ServiceError("conflict", "Could not find a free slug; choose one.");
  return free;
}

/** base, or base-2, base-3…: the first that is neither reserved nor another article's. */
async function firstFreeSlug(db: Db | Tx, base: string, exceptId?: string): Promise<string | null> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 110)}-${n}`;
    // A headline such as "Page" or "Search" must not yield a slug the router owns.
    if (reservedSlugs.has(candidate)) continue;
    const taken = await db.article.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken || taken.id === exceptId) return candidate;
  }
  return null;
}

/**
 * Whether slug is free for the article (for the editor's check-as-you-type), and when it is taken
 * or reserved, the first free one after it (the editor moves a slug that follows the headline there).
 */
export async function slugAvailability(db: Db, slug: string, exceptId?: string): Promise<{ ok: boolean; message: string; suggestion?: string }> {
  const parsed = slugSchema.safeParse(slug);
  const suggest = async (base: string) => (await firstFreeSlug(db, base, exceptId)) ?? undefined;
  if (!parsed.success) {
    const reserved = reservedSlugs.has(slug.trim());
    return { ok: false, message: parsed.error.issues[0]!.message, suggestion: reserved ? await suggest(slug.trim()) : undefined };
  }
  const taken = await db.article.findUnique({ where: { slug: parsed.data }, select: { id: true } });
  if (taken && taken.id !== exceptId) return { ok: false, message: "Another article already uses this slug.", suggestion: await suggest(parsed.data) };
  return { ok: true, message: "Available." };
}

/** Tag names → tag ids, creating unknown ones when the actor may. */
async function resolveTags(tx: Tx, actor: Actor, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const slug = nameSlug(name, "tag");
    const existing = await tx.tag.findFirst({ where: { OR: [{ slug }, { name: { equals: name, mode: "insensitive" } }] } });
    if (existing) {
      if (!ids.includes(existing.id)) ids.push(existing.id);
      continue;
    }
    if (!can.createTagInline(actor)) throw new ServiceError("forbidden", `The tag "${name}" does not exist, and contributors cannot create tags.`, { tags: "Unknown tag." });
    // INSERT … ON CONFLICT DO NOTHING: a writer adding the same new tag at the same moment waits for
    // the other's commit, then finds that tag.
    const { count } = await tx.tag.createMany({ data: [{ slug, name }], skipDuplicates: true });
    // A tag renamed or merged away may have left its old page redirecting here: the new tag has it now.
    if (count === 1) await reclaimPath(tx, routes.tag(slug));
    const created = await tx.tag.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    if (!ids.includes(created.id)) ids.push(created.id);
  }
  return ids;
}

/** The same ids in the same order. */
const sameOrder = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

async function checkAuthors(tx: Tx, actor: Actor, authorIds: string[], current: string[]): Promise<void> {
  const unique = [...new Set(authorIds)];
  if (unique.length !== authorIds.length) throw new ServiceError("invalid", "An author is listed twice.", { authorIds: "Each author once." });
  const found = await tx.user.count({ where: { id: { in: unique }, disabled: false } });
  if (found !== unique.length) throw new ServiceError("invalid", "Unknown author.", { authorIds: "Choose authors from the staff list." });
  if (!can.setAnyAuthors(actor)) {
    // Authors and contributors may keep the byline as it is, or name only themselves.
    if (!sameOrder(unique, current) && !(unique.length === 1 && unique[0] === actor.id)) {
      throw new ServiceError("forbidden", "Only editors can change who is on the byline.", { authorIds: "Only editors can change this." });
    }
  }
}

async function checkSection(tx: Tx, sectionId: string): Promise<void> {
  if (!(await tx.section.findUnique({ where: { id: sectionId }, select: { id: true } }))) {
    throw new ServiceError("invalid", "Unknown section.", { sectionId: "Choose a section." });
  }
}

async function checkHero(tx: Tx, heroImageId: string | null | undefined): Promise<void> {
  if (heroImageId && !(await tx.media.findUnique({ where: { id: heroImageId }, select: { id: true } }))) {
    throw new ServiceError("invalid", "Unknown image.", { heroImageId: "Choose an image from the media library." });
  }
}

function snapshotOf(a: {
  headline: string; standfirst: string; slug: string; body: unknown; sectionId: string; seoTitle: string; seoDescription: string;
  heroImageId: string | null; heroCaption: string; heroCredit: string; tags: string[]; authorIds: string[];
}): Prisma.InputJsonObject {
  return { ...a, body: a.body as Prisma.InputJsonObject } as Prisma.InputJsonObject;
}

function currentFields(a: EditorArticle) {
  return {
    headline: a.headline, standfirst: a.standfirst, slug: a.slug, body: a.body, sectionId: a.sectionId, seoTitle: a.seoTitle,
    seoDescription: a.seoDescription, heroImageId: a.heroImageId, heroCaption: a.heroCaption, heroCredit: a.heroCredit,
    tags: a.tags.map((t) => t.tag.name), authorIds: a.authors.map((x) => x.userId),
  };
}

const pathOf = (a: { slug: string; section: { slug: string } }) => routes.article(a.section.slug, a.slug);
/**
 * When readers first saw the article. A scheduled article goes live at its time with no job to
 * stamp firstPublishedAt, so until a write stamps it, that time is its publishedAt.
 */
type PublicationTimes = { status: ArticleStatus; publishedAt: Date | null; firstPublishedAt: Date | null };
const firstPublishedOf = (a: PublicationTimes) => a.firstPublishedAt ?? (isPublic(a) ? a.publishedAt : null);
const wasEverPublic = (a: PublicationTimes) => firstPublishedOf(a) !== null;

export async function createArticle(db: Db, actor: Actor, input: unknown): Promise<EditorArticle> {
  const data = articleCreateSchema.parse(input);
  ensure(can.createArticle(actor));
  // A slug is checked free, then written: a concurrent write can take it between the two, and the
  // unique index refuses the second. A derived slug then moves on to the next free one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await load(db, await insertArticle(db, actor, data));
    } catch (error) {
      if (violatedUniqueIndex(error) !== SLUG_INDEX) throw error;
      if (data.slug || attempt === 3) throw slugTaken();
    }
  }
}

async function insertArticle(db: Db, actor: Actor, data: ArticleCreate): Promise<string> {
  return db.$transaction(async (tx) => {
    const sectionId = data.sectionId ?? (await tx.section.findFirst({ orderBy: { position: "asc" }, select: { id: true } }))?.id;
    if (!sectionId) throw new ServiceError("invalid", "Create a section first.", { sectionId: "No sections exist." });
    await checkSection(tx, sectionId);
    const authorIds = data.authorIds ?? [actor.id];
    await checkAuthors(tx, actor, authorIds, [actor.id]);
    await checkHero(tx, data.heroImageId);
    const slug = data.slug ?? (await freeSlugFor(tx, data.headline));
    if (data.slug && (await tx.article.findUnique({ where: { slug }, select: { id: true } }))) throw slugTaken();
    const tagIds = await resolveTags(tx, actor, data.tags ?? []);
    const body = (data.body ?? emptyBody) as ArticleBody;
    const fields = {
      headline: data.headline, standfirst: data.standfirst ?? "", slug, sectionId, seoTitle: data.seoTitle ?? "", seoDescription: data.seoDescription ?? "",
      heroImageId: data.heroImageId ?? null, heroCaption: data.heroCaption ?? "", heroCredit: data.heroCredit ?? "",
    };
    const created = await tx.article.create({
      data: {
        ...fields,
        body: body as unknown as Prisma.InputJsonObject,
        bodyText: bodyToPlainText(body),
        createdById: actor.id,
        lastEditedById: actor.id,
        authors: { create: authorIds.map((userId, position) => ({ userId, position })) },
        tags: { create: tagIds.map((tagId, position) => ({ tagId, position })) },
        revisions: { create: { version: 1, authorId: actor.id, snapshot: snapshotOf({ ...fields, body, tags: data.tags ?? [], authorIds }) } },
      },
    });
    return created.id;
  });
}

/** Why this member may not edit this article, in the words of the permission table. */
function cannotEdit(actor: Actor, article: EditorArticle): string {
  if (!isOwn(actor, refOf(article))) return "You can only edit your own articles.";
  return `Contributors cannot edit ${article.status.toLowerCase().replace("_", " ")} articles.`;
}

/**
 * Saves changes based on `version`. A save based on an older version is refused (409) with who
 * saved last, so the editor can offer to reload or copy the text (one based on a version never
 * reached, 422). "Updated" for readers moves only when a public article's headline, standfirst
 * or body really changed.
 */
export async function updateArticle(db: Db, actor: Actor, id: string, input: unknown): Promise<EditorArticle> {
  const { version, ...changes } = articleUpdateSchema.parse(input);
  const before = await load(db, id);
  ensure(can.editArticle(actor, refOf(before)), cannotEdit(actor, before));
  checkVersion(before, version);
  return saveChanges(db, actor, before, changes);
}

/**
 * `restored`: the version a restore brings back, for the history and the audit log. A save that
 * changes nothing writes nothing (no new version, no revision: autosaves and API calls sent the
 * same text again); a story that is live, or scheduled to be, must keep what publishing required.
 */
async function saveChanges(db: Db, actor: Actor, before: EditorArticle, changes: Partial<ArticleFields>, restored?: number): Promise<EditorArticle> {
  const current = currentFields(before);
  const unchanged = (Object.keys(changes) as (keyof typeof current)[]).every((key) => isDeepStrictEqual(changes[key], current[key]));
  if (unchanged && restored === undefined) return before; // a restore is asked for, and recorded, even when it changes nothing
  const merged = { ...current, ...changes };
  const bodyText = changes.body ? bodyToPlainText(changes.body as ArticleBody) : before.bodyText;
  if (before.status === "PUBLISHED" || before.status === "SCHEDULED") {
    // Judged on what this save changes: a story stored without one (an import) can still be tagged.
    const refused = unpublishable({ headline: merged.headline, bodyText });
    const made = Object.fromEntries(Object.entries(refused).filter(([field]) => field in changes));
    if (Object.keys(made).length) {
      throw new ServiceError("invalid", `A ${before.status === "PUBLISHED" ? "published" : "scheduled"} article keeps a headline and a body.`, made);
    }
  }
  const now = new Date();
  // The slug check above the write can lose to a concurrent save; then the unique index refuses it.
  try {
    await db.$transaction(async (tx) => {
      if (changes.sectionId) await checkSection(tx, changes.sectionId);
      if (changes.authorIds) await checkAuthors(tx, actor, changes.authorIds, before.authors.map((a) => a.userId));
      if (changes.heroImageId !== undefined) await checkHero(tx, changes.heroImageId);
      if (changes.slug && changes.slug !== before.slug && (await tx.article.findUnique({ where: { slug: changes.slug }, select: { id: true } }))) {
        throw slugTaken();
      }
      const tagIds = changes.tags ? await resolveTags(tx, actor, changes.tags) : undefined;
      // Deep comparison: the stored body comes back from jsonb with its keys reordered.
      const contentChanged =
        merged.headline !== before.headline || merged.standfirst !== before.standfirst || !isDeepStrictEqual(merged.body, before.body);
      // Compare-and-set on the version inside the transaction: two saves racing on one version
      // cannot both succeed.
      const { count } = await tx.article.updateMany({
        where: { id: before.id, version: before.version },
        data: {
          headline: merged.headline, standfirst: merged.standfirst, slug: merged.slug, sectionId: merged.sectionId,
          seoTitle: merged.seoTitle, seoDescription: merged.seoDescription, heroImageId: merged.heroImageId,
          heroCaption: merged.heroCaption, heroCredit: merged.heroCredit,
          body: merged.body as unknown as Prisma.InputJsonObject,
          bodyText,
          version: { increment: 1 },
          lastEditedById: actor.id,
          firstPublishedAt: firstPublishedOf(before),
          ...(contentChanged && isPublic(before, now) ? { contentUpdatedAt: now } : {}),
        },
      });
      if (count === 0) throw conflict(await load(tx, before.id));
      // Byline and tags are written again only when they changed (an autosave sends them every
      // time): each write also renews the article's names for search (the search_names migration).
      if (changes.authorIds && !sameOrder(changes.authorIds, before.authors.map((a) => a.userId))) {
        await tx.articleAuthor.deleteMany({ where: { articleId: before.id } });
        await tx.articleAuthor.createMany({ data: changes.authorIds.map((userId, position) => ({ articleId: before.id, userId, position })) });
      }
      if (tagIds && !sameOrder(tagIds, before.tags.map((t) => t.tag.id))) {
        await tx.articleTag.deleteMany({ where: { articleId: before.id } });
        await tx.articleTag.createMany({ data: tagIds.map((tagId, position) => ({ articleId: before.id, tagId, position })) });
      }
      await tx.revision.create({ data: { articleId: before.id, version: before.version + 1, authorId: actor.id, snapshot: snapshotOf(merged as never) } });
      if (restored !== undefined) {
        await audit(tx, actor, "article.restore", "Article", before.id, { slug: before.slug, headline: merged.headline, restored: `version ${restored}`, status: before.status });
      }
      if (wasEverPublic(before)) {
        const section = merged.sectionId === before.sectionId ? before.section : await tx.section.findUniqueOrThrow({ where: { id: merged.sectionId } });
        await recordPathChange(tx, pathOf(before), pathOf({ slug: merged.slug, section }));
      }
    });
  } catch (error) {
    if (violatedUniqueIndex(error) === SLUG_INDEX) throw slugTaken();
    throw error;
  }
  const after = await load(db, before.id);
  await expireArticle([storyOf(before), storyOf(after)]);
  return after;
}

/**
 * `returnNote`: the editor's note when returning it to its writers. `keepReturnNote`: submitting
 * it again or withdrawing it keeps the last note (for the reviewer to check against, and the
 * writer to go on from); any other step clears it.
 */
type Transition = {
  status: ArticleStatus;
  publishedAt?: Date | null;
  firstPublishedAt?: Date;
  action: string;
  details?: Prisma.InputJsonObject;
  returnNote?: string;
  keepReturnNote?: boolean;
  /** Taking it down (often for a legal reason) stops the preview links given out too. */
  stopPreviewLinks?: boolean;
};

async function transition(db: Db, actor: Actor, before: EditorArticle, t: Transition): Promise<EditorArticle> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.article.updateMany({
      where: { id: before.id, version: before.version },
      data: {
        status: t.status,
        ...(t.publishedAt !== undefined ? { publishedAt: t.publishedAt } : {}),
        firstPublishedAt: t.firstPublishedAt ?? firstPublishedOf(before),
        version: { increment: 1 },
        lastEditedById: actor.id,
        ...(t.keepReturnNote ? {} : { returnNote: t.returnNote ?? null, returnedAt: t.returnNote ? new Date() : null, returnedById: t.returnNote ? actor.id : null }),
      },
    });
    if (count === 0) throw conflict(await load(tx, before.id));
    const stopped = t.stopPreviewLinks ? await stopEveryLink(tx, before.id) : 0;
    await tx.revision.create({ data: { articleId: before.id, version: before.version + 1, authorId: actor.id, snapshot: snapshotOf(currentFields(before) as never) } });
    await audit(tx, actor, t.action, "Article", before.id, { slug: before.slug, headline: before.headline, from: before.status, to: t.status, ...t.details, ...(stopped ? { previewLinksStopped: stopped } : {}) });
    if (t.status !== "PUBLISHED" && t.status !== "SCHEDULED") await tx.curatedSlot.deleteMany({ where: { articleId: before.id } });
  });
  // Curated slots it leaves go with it: the lists showing them carry its tag.
  await expireArticle([storyOf(before)]);
  return load(db, before.id);
}

async function loadForTransition(db: Db, actor: Actor, id: string, input: unknown) {
  const { version } = versionSchema.parse(input);
  const before = await load(db, id);
  ensure(can.viewArticle(actor, refOf(before)), "You can only work on your own articles.");
  checkVersion(before, version);
  return before;
}

/** What publishing needs and this article lacks, per field: a real headline (not the new draft's placeholder) and a body. */
function unpublishable(a: { headline: string; bodyText: string }): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!a.headline.trim()) fields.headline = "A headline is required to publish.";
  else if (a.headline.trim() === UNTITLED_HEADLINE) fields.headline = `Write a headline: "${UNTITLED_HEADLINE}" only holds the place of one.`;
  if (!a.bodyText.trim()) fields.body = "The body is empty.";
  return fields;
}

function assertPublishable(a: { headline: string; bodyText: string }, message = "This article is not ready to publish."): void {
  const fields = unpublishable(a);
  if (Object.keys(fields).length) throw new ServiceError("invalid", message, fields);
}

export async function submitForReview(db: Db, actor: Actor, id: string, input: unknown) {
  const before = await loadForTransition(db, actor, id, input);
  // Permission first (403), then state (409): an editor may act on a published article, it just isn't a draft.
  ensure(can.editArticle(actor, refOf(before)), "You cannot edit this article.");
  if (before.status !== "DRAFT") throw new ServiceError("conflict", "Only drafts can be submitted for review.");
  // A reviewer's queue is for stories to read: not the placeholder of one.
  assertPublishable(before, "This article is not ready for review.");
  return transition(db, actor, before, { status: "IN_REVIEW", action: "article.submit", keepReturnNote: true });
}

export async function publishArticle(db: Db, actor: Actor, id: string, input: unknown) {
  const before = await loadForTransition(db, actor, id, input);
  ensure(can.publish(actor, refOf(before)), "You cannot publish this article.");
  assertPublishable(before);
  const now = new Date();
  // Re-publishing a live article keeps its time; publishing a draft or a future scheduled one is "now".
  const publishedAt = isPublic(before, now) ? before.publishedAt! : now;
  return transition(db, actor, before, { status: "PUBLISHED", publishedAt, firstPublishedAt: firstPublishedOf(before) ?? now, action: "article.publish" });
}

export async function scheduleArticle(db: Db, actor: Actor, id: string, input: unknown) {
  const { publishAt, version } = scheduleSchema.parse(input);
  const before = await loadForTransition(db, actor, id, { version });
  ensure(can.publish(actor, refOf(before)), "You cannot schedule this article.");
  assertPublishable(before);
  const at = new Date(publishAt);
  if (at.getTime() <= Date.now() + 30_000) throw new ServiceError("invalid", "Choose a time in the future.", { publishAt: "Must be in the future." });
  if (isPublic(before)) throw new ServiceError("conflict", "This article is already published; unpublish it first.");
  return transition(db, actor, before, { status: "SCHEDULED", publishedAt: at, action: "article.schedule", details: { publishAt: at.toISOString() } });
}

/** From review back to its writers as a draft, with the editor's note, which they see on it. */
export async function returnToWriter(db: Db, actor: Actor, id: string, input: unknown) {
  const { note, version } = returnSchema.parse(input);
  const before = await loadForTransition(db, actor, id, { version });
  ensure(can.returnToWriter(actor), "Only editors return articles to their writers.");
  if (before.status !== "IN_REVIEW") throw new ServiceError("conflict", "Only articles in review can be returned to their writers.");
  return transition(db, actor, before, { status: "DRAFT", action: "article.return", returnNote: note, details: { note } });
}

/** Its writer takes it back from review, to go on working on it as a draft. */
export async function withdrawFromReview(db: Db, actor: Actor, id: string, input: unknown) {
  const before = await loadForTransition(db, actor, id, input);
  ensure(can.withdrawFromReview(actor, refOf(before)), "Only its writers can withdraw an article from review.");
  if (before.status !== "IN_REVIEW") throw new ServiceError("conflict", "This article is not in review.");
  return transition(db, actor, before, { status: "DRAFT", action: "article.withdraw", keepReturnNote: true });
}

/** Back to draft. If it was public, its URL answers 410 from now on. */
export async function unpublishArticle(db: Db, actor: Actor, id: string, input: unknown) {
  const before = await loadForTransition(db, actor, id, input);
  ensure(can.publish(actor, refOf(before)), "You cannot unpublish this article.");
  if (before.status !== "PUBLISHED" && before.status !== "SCHEDULED") throw new ServiceError("conflict", "This article is not published or scheduled.");
  return transition(db, actor, before, { status: "DRAFT", action: "article.unpublish", stopPreviewLinks: true });
}

export async function archiveArticle(db: Db, actor: Actor, id: string, input: unknown) {
  const before = await loadForTransition(db, actor, id, input);
  ensure(can.publish(actor, refOf(before)), "You cannot archive this article.");
  return transition(db, actor, before, { status: "ARCHIVED", action: "article.archive", stopPreviewLinks: true });
}

export async function deleteArticle(db: Db, actor: Actor, id: string, input: unknown) {
  const before = await loadForTransition(db, actor, id, input);
  ensure(can.deleteArticle(actor, refOf(before)), "You cannot delete this article.");
  await db.$transaction(async (tx) => {
    if (wasEverPublic(before)) await recordDeletedPaths(tx, pathOf(before));
    await tx.article.delete({ where: { id: before.id } });
    await audit(tx, actor, "article.delete", "Article", before.id, { slug: before.slug, headline: before.headline, status: before.status });
  });
  await expireArticle([storyOf(before)]);
}

export async function addCorrection(db: Db, actor: Actor, id: string, input: unknown) {
  const { text } = correctionSchema.parse(input);
  ensure(can.addCorrection(actor), "Only editors add corrections.");
  const article = await load(db, id);
  if (!wasEverPublic(article)) throw new ServiceError("conflict", "Corrections are for published articles.");
  const correction = await db.correction.create({ data: { articleId: id, text, authorId: actor.id } });
  await audit(db, actor, "article.correct", "Article", id, { slug: article.slug, text });
  await expireArticle([storyOf(article)]);
  return correction;
}

export async function listRevisions(db: Db, actor: Actor, id: string) {
  await getArticleForStaff(db, actor, id);
  return db.revision.findMany({
    where: { articleId: id },
    orderBy: { version: "desc" },
    select: { id: true, version: true, createdAt: true, snapshot: true, author: { select: { name: true } } },
  });
}

/** The workflow's actions an article's history shows (the audit log's names, less "article."). */
const historyActions = ["submit", "withdraw", "return", "publish", "schedule", "live", "unpublish", "archive", "correct", "restore", "preview_link", "preview_link_stopped", "preview_links_stopped"] as const;

export type HistoryEvent = {
  id: string;
  action: (typeof historyActions)[number] | "create";
  at: Date;
  /** Who did it; null for the scheduler, or someone whose account is gone. */
  by: string | null;
  /** What they wrote with it: a return's note, a correction's text, whom a preview link is for. */
  note: string | null;
  /** The time it names: a schedule's publish time, a preview link's expiry. */
  time: string | null;
};

const historyLimit = 200;

/**
 * What happened to it in the newsroom, newest first: made, submitted, returned (with the note),
 * published, corrected … from the audit log, for everyone who can open it (the log itself is for
 * admins). Saves are its revisions, listed beside it.
 */
export async function listHistory(db: Db, actor: Actor, id: string): Promise<HistoryEvent[]> {
  const article = await getArticleForStaff(db, actor, id);
  const [entries, first] = await Promise.all([
    db.auditLog.findMany({
      where: { entityType: "Article", entityId: id, action: { in: historyActions.map((a) => `article.${a}`) } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: historyLimit,
      select: { id: true, action: true, details: true, createdAt: true, actor: { select: { name: true } } },
    }),
    db.revision.findFirst({ where: { articleId: id }, orderBy: { version: "asc" }, select: { author: { select: { name: true } } } }),
  ]);
  const text = (details: Prisma.JsonValue, key: string) => {
    const value = details && typeof details === "object" && !Array.isArray(details) ? details[key] : undefined;
    return typeof value === "string" ? value : null;
  };
  const events: HistoryEvent[] = entries.map((e) => ({
    id: e.id,
    action: e.action.slice("article.".length) as HistoryEvent["action"],
    at: e.createdAt,
    by: e.actor?.name ?? null,
    note: text(e.details, "note") ?? text(e.details, "text") ?? text(e.details, "restored") ?? (text(e.details, "label") || null),
    time: text(e.details, "publishAt") ?? text(e.details, "expiresAt"),
  }));
  // The start, unless the list was cut short before it. A story published before the log knew
  // of it (the demo's, an import's) still shows when it was first published, by nobody named.
  if (entries.length < historyLimit) {
    if (article.firstPublishedAt && !events.some((e) => e.action === "publish" || e.action === "live")) {
      events.push({ id: `${id}-first-published`, action: "publish", at: article.firstPublishedAt, by: null, note: null, time: null });
    }
    events.push({ id: `${id}-create`, action: "create", at: article.createdAt, by: first?.author?.name ?? null, note: null, time: null });
  }
  return events.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Restoring a revision is a new save with that revision's content (nothing is rewritten). */
export async function restoreRevision(db: Db, actor: Actor, id: string, revisionId: string, input: unknown) {
  const { version } = versionSchema.parse(input);
  const before = await load(db, id);
  ensure(can.editArticle(actor, refOf(before)), "You cannot edit this article.");
  checkVersion(before, version);
  const revision = await db.revision.findFirst({ where: { id: revisionId, articleId: id } });
  if (!revision) throw notFound("The revision");
  const snap = revision.snapshot as Record<string, unknown>;
  const restored = articleUpdateSchema.parse({
    version,
    headline: snap.headline,
    standfirst: snap.standfirst ?? "",
    body: snap.body,
    ...(typeof snap.seoTitle === "string" ? { seoTitle: snap.seoTitle, seoDescription: snap.seoDescription } : {}),
  });
  const { version: _v, ...changes } = restored;
  return saveChanges(db, actor, before, changes, revision.version);
}
