import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { routes } from "@/lib/routes";
import { slugSchema } from "@/lib/schemas/article";
import { nameSlug } from "@/server/services/name-slug";
import {
  sectionCreateSchema,
  sectionMoveSchema,
  sectionOrderSchema,
  sectionUpdateSchema,
  tagMergeSchema,
  tagUpdateSchema,
} from "@/lib/schemas/taxonomy";
import { audit } from "@/server/services/audit";
import { ServiceError, notFound } from "@/server/services/errors";
import { can, ensure, type Actor } from "@/server/services/permissions";
import { everPublicStories, expireArticle, expireSections, reclaimPath, recordDeletedPaths, recordPathChange } from "@/server/services/publishing";

/**
 * Sections and tags. Their slugs are in public URLs (/politics, /politics/story, /tag/brexit):
 * a changed slug leaves 301s behind for every page that readers or crawlers may know, through
 * recordPathChange, so chains stay one hop long.
 */

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

/** A section rename rewrites one redirect per article: give big sections time. */
const LONG_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };
const FORBIDDEN = "Only editors and admins manage sections and tags.";

/** A slug given, or one derived from the name; either way it must be a valid, unreserved slug. */
function slugFor(given: string | undefined, name: string): string {
  if (given) return given;
  const parsed = slugSchema.safeParse(nameSlug(name, "section"));
  if (!parsed.success) throw new ServiceError("invalid", "Choose a slug: the one made from the name cannot be used.", { slug: parsed.error.issues[0]!.message });
  return parsed.data;
}

// ---- Sections -------------------------------------------------------------------------------

const sectionOrder = [{ position: "asc" }, { name: "asc" }] satisfies Prisma.SectionOrderByWithRelationInput[];

async function loadSection(db: Db | Tx, id: string) {
  const section = await db.section.findUnique({ where: { id } });
  if (!section) throw notFound("The section");
  return section;
}

async function assertSectionSlugFree(tx: Tx, slug: string, exceptId?: string): Promise<void> {
  const taken = await tx.section.findUnique({ where: { slug }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw new ServiceError("conflict", "Another section already uses this slug.", { slug: "Already in use." });
}

/** Two sections of one name would be two identical links in the navigation: names are unique too (any case). */
async function assertSectionNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const taken = await tx.section.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw new ServiceError("conflict", "Another section already has this name.", { name: "Already in use." });
}

/** Slugs of the section's articles that readers may have seen (their pages are cached, their URLs known). */
export async function createSection(db: Db, actor: Actor, input: unknown) {
  ensure(can.manageTaxonomy(actor), FORBIDDEN);
  const data = sectionCreateSchema.parse(input);
  const slug = slugFor(data.slug, data.name);
  const section = await db.$transaction(async (tx) => {
    await assertSectionNameFree(tx, data.name);
    await assertSectionSlugFree(tx, slug);
    const last = await tx.section.aggregate({ _max: { position: true } });
    const created = await tx.section.create({
      data: { name: data.name, slug, description: data.description ?? "", position: (last._max.position ?? -1) + 1 },
    });
    // An earlier section may have left a redirect at this path; the new section page wins.
    await reclaimPath(tx, routes.section(slug));
    await audit(tx, actor, "section.create", "Section", created.id, { slug, name: data.name });
    return created;
  });
  await expireSections();
  return section;
}

/**
 * Name, description and slug. A new slug moves the section page and every article in it that
 * was ever public; drafts have no public URL and are left alone.
 */
export async function updateSection(db: Db, actor: Actor, id: string, input: unknown) {
  ensure(can.manageTaxonomy(actor), FORBIDDEN);
  const data = sectionUpdateSchema.parse(input);
  const before = await loadSection(db, id);
  const slug = data.slug ?? before.slug;
  const { section, stories } = await db.$transaction(async (tx) => {
    if (data.name !== undefined) await assertSectionNameFree(tx, data.name, id);
    if (slug !== before.slug) await assertSectionSlugFree(tx, slug, id);
    const updated = await tx.section.update({
      where: { id },
      data: { name: data.name ?? before.name, description: data.description ?? before.description, slug },
    });
    const stories = await everPublicStories(tx, { sectionId: id });
    if (slug !== before.slug) {
      for (const story of stories) {
        await recordPathChange(tx, routes.article(before.slug, story.slug), routes.article(slug, story.slug));
      }
      await recordPathChange(tx, routes.section(before.slug), routes.section(slug));
    }
    await audit(tx, actor, "section.update", "Section", id, {
      from: { name: before.name, slug: before.slug },
      to: { name: updated.name, slug: updated.slug },
      articlesMoved: slug !== before.slug ? stories.length : 0,
    });
    return { section: updated, stories };
  }, LONG_TRANSACTION);
  await expireSections();
  // Article pages show the section's name and link; their URLs changed with a new slug.
  if (section.name !== before.name || section.slug !== before.slug) await expireArticle(stories);
  return section;
}

/** Writes positions 0…n-1 in the given order (only rows whose position changes). */
async function writeOrder(tx: Tx, current: { id: string; position: number }[], order: string[]): Promise<void> {
  const positionOf = new Map(current.map((s) => [s.id, s.position]));
  for (const [position, id] of order.entries()) {
    if (positionOf.get(id) !== position) await tx.section.update({ where: { id }, data: { position } });
  }
}

async function reorder(db: Db, actor: Actor, arrange: (ids: string[]) => string[], details: Prisma.InputJsonObject): Promise<string[]> {
  const order = await db.$transaction(async (tx) => {
    const current = await tx.section.findMany({ orderBy: sectionOrder, select: { id: true, slug: true, position: true } });
    const order = arrange(current.map((s) => s.id));
    await writeOrder(tx, current, order);
    const slugOf = new Map(current.map((s) => [s.id, s.slug]));
    await audit(tx, actor, "section.reorder", "Section", "*", { ...details, order: order.map((id) => slugOf.get(id)!) });
    return order;
  });
  await expireSections();
  return order;
}

/** One step up or down the navigation; at either end nothing moves. */
export async function moveSection(db: Db, actor: Actor, id: string, input: unknown): Promise<string[]> {
  ensure(can.manageTaxonomy(actor), FORBIDDEN);
  const { direction } = sectionMoveSchema.parse(input);
  return reorder(
    db,
    actor,
    (ids) => {
      const from = ids.indexOf(id);
      if (from === -1) throw notFound("The section");
      const to = direction === "up" ? from - 1 : from + 1;
      if (to < 0 || to >= ids.length) return ids;
      const next = [...ids];
      [next[from], next[to]] = [next[to]!, next[from]!];
      return next;
    },
    { moved: id, direction },
  );
}

/** The whole navigation order: every section exactly once. */
export async function reorderSections(db: Db, actor: Actor, input: unknown): Promise<string[]> {
  ensure(can.manageTaxonomy(actor), FORBIDDEN);
  const { order } = sectionOrderSchema.parse(input);
  return reorder(
    db,
    actor,
    (ids) => {
      const given = new Set(order);
      if (given.size !== order.length || order.length !== ids.length || !ids.every((id) => given.has(id))) {
        throw new ServiceError("invalid", "Give every section exactly once.", { order: "Every section exactly once." });
      }
      return order;
    },
    {},
  );
}

/** Only an empty section may go: its articles would have no home (and no URL). */
export async function deleteSection(db: Db, actor: Actor, id: string): Promise<void> {
  ensure(can.manageTaxonomy(actor), FORBIDDEN);
  await db.$transaction(async (tx) => {
    const section = await loadSection(tx, id);
    const count = await tx.article.count({ where: { sectionId: id } });
    if (count > 0) {
      throw new ServiceError("conflict", `“${section.name}” still has ${count} article${count === 1 ? "" : "s"} (drafts included): move them to another section first.`);
    }
    await tx.section.delete({ where: { id } });
    await audit(tx, actor, "section.delete", "Section", id, { slug: section.slug, name: section.name });
  });
  await expireSections();
}

// ---- Tags -----------------------------------------------------------------------------------

async function loadTag(db: Db | Tx, id: string, field?: string) {
  const tag = await db.tag.findUnique({ where: { id } });
  if (!tag) throw field ? new ServiceError("invalid", "That tag does not exist.", { [field]: "Choose an existing tag." }) : notFound("The tag");
  return tag;
}

/** Tags are matched by slug or by name (any case) when articles are tagged: both must stay unique. */
async function assertTagFree(tx: Tx, id: string, slug: string, name: string): Promise<void> {
  const bySlug = await tx.tag.findUnique({ where: { slug }, select: { id: true } });
  if (bySlug && bySlug.id !== id) throw new ServiceError("conflict", "Another tag already uses this slug; merge the tags instead.", { slug: "Already in use." });
  const byName = await tx.tag.findFirst({ where: { name: { equals: name, mode: "insensitive" }, id: { not: id } }, select: { id: true } });
  if (byName) throw new ServiceError("conflict", "Another tag already has this name; merge the tags instead.", { name: "Already in use." });
}

/**
 * Locks the articles carrying a tag, in id order, before the tag or its links change. The
 * search-names triggers (the search_names migration) then update those articles, while a writer's
 * save locks its article first and its tag links after: taken in the same order here, the two
 * wait for each other instead of deadlocking.
 */
async function lockTaggedArticles(tx: Tx, tagId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Article" WHERE "id" IN (SELECT "articleId" FROM "ArticleTag" WHERE "tagId" = ${tagId}) ORDER BY "id" FOR UPDATE`;
}

export async function renameTag(db: Db, actor: Actor, id: string, input: unknown) {
  ensure(can.manageTaxonomy(actor), FORBIDDEN);
  const data = tagUpdateSchema.parse(input);
  const before = await loadTag(db, id);
  const name = data.name ?? before.name;
  const slug = data.slug ?? before.slug;
  const { tag, stories } = await db.$transaction(async (tx) => {
    await assertTagFree(tx, id, slug, name);
    await lockTaggedArticles(tx, id);
    const tag = await tx.tag.update({ where: { id }, data: { name, slug, description: data.description ?? before.description } });
    if (slug !== before.slug) await recordPathChange(tx, routes.tag(before.slug), routes.tag(slug));
    await audit(tx, actor, "tag.update", "Tag", id, { from: { name: before.name, slug: before.slug }, to: { name, slug } });
    return { tag, stories: await everPublicStories(tx, { tags: { some: { tagId: id } } }) };
  });
  // Article pages link the tag by name and slug.
  await expireArticle(tag.name !== before.name || tag.slug !== before.slug ? stories : []);
  return tag;
}

/**
 * Folds source into target: its articles get the target tag (those already carrying it keep
 * one link), the source goes, and /tag/source answers 301 to /tag/target.
 */
export async function mergeTag(db: Db, actor: Actor, sourceId: string, input: unknown) {
  ensure(can.manageTaxonomy(actor), FORBIDDEN);
  const { targetId } = tagMergeSchema.parse(input);
  if (targetId === sourceId) throw new ServiceError("invalid", "A tag cannot be merged into itself.", { targetId: "Choose another tag." });
  const { target, stories } = await db.$transaction(async (tx) => {
    const source = await loadTag(tx, sourceId);
    const target = await loadTag(tx, targetId, "targetId");
    await lockTaggedArticles(tx, sourceId);
    // As they were (with the source tag) and as they will be (with the target's): rails of both.
    const stories = (await everPublicStories(tx, { tags: { some: { tagId: sourceId } } })).map((s) => ({ ...s, tagIds: [...s.tagIds, targetId] }));
    // Move only the links of articles without the target tag: no duplicate (articleId, tagId).
    // The rest go with the source tag (the link cascades).
    const moved = await tx.articleTag.updateMany({
      where: { tagId: sourceId, article: { tags: { none: { tagId: targetId } } } },
      data: { tagId: targetId },
    });
    await tx.tag.delete({ where: { id: sourceId } });
    await recordPathChange(tx, routes.tag(source.slug), routes.tag(target.slug));
    await audit(tx, actor, "tag.merge", "Tag", targetId, { source: { id: sourceId, slug: source.slug, name: source.name }, target: target.slug, moved: moved.count });
    return { target, stories };
  });
  await expireArticle(stories);
  return target;
}

/** Removes the tag from every article; /tag/slug is simply gone. */
export async function deleteTag(db: Db, actor: Actor, id: string): Promise<void> {
  ensure(can.manageTaxonomy(actor), FORBIDDEN);
  const stories = await db.$transaction(async (tx) => {
    const tag = await loadTag(tx, id);
    await lockTaggedArticles(tx, id);
    const stories = await everPublicStories(tx, { tags: { some: { tagId: id } } });
    await tx.tag.delete({ where: { id } });
    // Readers had a page for it (and feeds): gone, 410, until a new tag takes the name again.
    if (stories.length) await recordDeletedPaths(tx, routes.tag(tag.slug));
    await audit(tx, actor, "tag.delete", "Tag", id, { slug: tag.slug, name: tag.name, articles: stories.length });
    return stories;
  });
  await expireArticle(stories);
}

// ---- Reading ----------------------------------------------------------------------------------

/** For the taxonomy page and the API: sections in navigation order, tags by name, with article counts. */
export async function taxonomyState(db: Db, actor: Actor) {
  ensure(can.manageTaxonomy(actor), FORBIDDEN);
  const [sections, tags] = await Promise.all([
    db.section.findMany({
      orderBy: sectionOrder,
      select: { id: true, slug: true, name: true, description: true, position: true, _count: { select: { articles: true } } },
    }),
    db.tag.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, description: true, _count: { select: { articles: true } } } }),
  ]);
  return {
    sections: sections.map(({ _count, ...s }) => ({ ...s, articleCount: _count.articles })),
    tags: tags.map(({ _count, ...t }) => ({ ...t, articleCount: _count.articles })),
  };
}

export type TaxonomyState = Awaited<ReturnType<typeof taxonomyState>>;
