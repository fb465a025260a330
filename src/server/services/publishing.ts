import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { cacheTags, storyNeighbourhood } from "@/lib/cache-tags";
import { broadcastExpiry, deliverToThisInstance, type Expiry } from "@/server/invalidation-bus";
import { prisma } from "@/server/db";
import { logEvent } from "@/server/log";
import { forgetDeletedImages, forgetOptimizedImages } from "@/server/optimized-images";
import { purgePageCache } from "@/server/page-cache";
import { forgetPathStatus } from "@/server/path-status";

/**
 * Publishing side effects in one place: the redirects an article leaves behind when its URL
 * changes, and the caches a change expires. Nothing else calls revalidateTag or decides when a
 * cache goes stale. The path functions run inside the caller's transaction and apply here only;
 * the expire* functions run after the commit and reach every instance (each one forgets the path
 * statuses that may have moved). Every change also purges the page cache in front of Next.js
 * (scripts/runtime/page-cache.mjs): the pages carrying an expired tag, and those whose tags it
 * does not know. With several instances (REDIS_URL), each change is applied
 * on every one before the call returns (server/invalidation-bus.ts carries it).
 */

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * An article moved from oldPath to newPath (slug or section changed). Every earlier path now
 * points straight at newPath, so a reader or crawler never follows more than one redirect, and
 * a path that becomes live again stops redirecting.
 */
export async function recordPathChange(db: Db, oldPath: string, newPath: string): Promise<void> {
  if (oldPath === newPath) return;
  await db.redirect.deleteMany({ where: { fromPath: newPath } });
  await db.redirect.updateMany({ where: { toPath: oldPath }, data: { toPath: newPath, statusCode: 301 } });
  await db.redirect.upsert({
    where: { fromPath: oldPath },
    create: { fromPath: oldPath, toPath: newPath, statusCode: 301 },
    update: { toPath: newPath, statusCode: 301 },
  });
  applyExpiry({ tags: [], paths: [oldPath, newPath] }); // here; other instances after the commit
}

/** A path is live again (a new section took a slug that used to redirect): it stops redirecting. */
export async function reclaimPath(db: Db, path: string): Promise<void> {
  await db.redirect.deleteMany({ where: { fromPath: path } });
  applyExpiry({ tags: [], paths: [path] });
}

/**
 * An article was deleted: its paths (current and earlier) answer 410 from now on. Unpublished
 * and archived articles need no row: the proxy derives "gone" from the article itself.
 */
export async function recordDeletedPaths(db: Db, currentPath: string): Promise<void> {
  const earlier = await db.redirect.findMany({ where: { toPath: currentPath }, select: { fromPath: true } });
  const paths = [currentPath, ...earlier.map((r) => r.fromPath)];
  await db.redirect.deleteMany({ where: { fromPath: { in: paths } } });
  await db.redirect.createMany({ data: paths.map((fromPath) => ({ fromPath, toPath: null, statusCode: 410 })) });
  applyExpiry({ tags: [], paths });
}

/** A story as a change to it is expired: its page, and where it is, for the rails that may list it. */
export interface StoryRef {
  slug: string;
  sectionId: string;
  tagIds: string[];
}

/** What to select of an article to expire a change to it (`storyRef`). */
export const storySelect = { slug: true, sectionId: true, tags: { select: { tagId: true } } } satisfies Prisma.ArticleSelect;

export function storyRef(row: { slug: string; sectionId: string; tags: { tagId: string }[] }): StoryRef {
  return { slug: row.slug, sectionId: row.sectionId, tagIds: row.tags.map((t) => t.tagId) };
}

/** The stories matching `where` that readers have ever seen (drafts have no page or card to expire). */
export async function everPublicStories(db: Db, where: Prisma.ArticleWhereInput): Promise<StoryRef[]> {
  const rows = await db.article.findMany({ where: { ...where, firstPublishedAt: { not: null } }, select: storySelect });
  return rows.map(storyRef);
}

/**
 * After an article's content or visibility changed: its page, every list that may show it, and
 * the rails of the articles near it (give the story as it was and as it is, when its section or
 * tags changed). Editors' picks carry the tags of their own stories. The rest of the archive's
 * article pages stay cached.
 */
export function expireArticle(stories: StoryRef[]): Promise<void> {
  const tags = new Set<string>([cacheTags.articleLists]);
  for (const story of stories) {
    tags.add(cacheTags.article(story.slug));
    for (const tag of storyNeighbourhood(story)) tags.add(tag);
  }
  return expire({ tags: [...tags], paths: "all" });
}

/** After curation (front page, editors' picks) or the breaking-news banner changed. */
export function expireCuration(): Promise<void> {
  return expire({ tags: [cacheTags.curation, cacheTags.settings], paths: null });
}

/** After a staff profile (name, bio, photo) changed: author pages, and every byline in lists. */
export function expireAuthors(): Promise<void> {
  return expire({ tags: [cacheTags.authors, cacheTags.articleLists], paths: null });
}

/** After sections changed (names, slugs, order, new or deleted): the navigation and every list. */
export function expireSections(): Promise<void> {
  return expire({ tags: [cacheTags.sections, cacheTags.articleLists], paths: "all" });
}

/**
 * After an image was deleted: every instance's page cache may hold its file (pages cannot show it:
 * it was unused), and its disk the image optimizer's copies of it.
 */
export function expireMedia(url: string): Promise<void> {
  return expire({ tags: [], paths: null, images: [url] });
}

/**
 * A change applied in this process's memory: Next.js's cache tags, the proxy's path-status memo,
 * the page cache. (applyExpiryWithFiles, below, adds what a change removes from disk.)
 */
export function applyExpiry({ tags, paths, everything, images }: Expiry): void {
  // Everything: this instance may have missed changes (its Redis connection was down).
  if (everything) revalidatePath("/", "layout");
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  if (paths !== null) forgetPathStatus(paths === "all" ? undefined : paths);
  // The pages carrying the tags, when tags say it all; every page when a change names paths
  // whose status moved (a redirect, a deletion), images, or everything.
  purgePageCache(undefined, everything || Array.isArray(paths) || images?.length || tags.length === 0 ? undefined : tags);
}

/**
 * A change, in memory and on disk: what /api/internal/expire and /api/internal/catch-up do with
 * changes other instances made. On disk: the image optimizer's copies of deleted images; for
 * `everything` (an instance that may have missed changes), of every image deleted in their lifetime.
 */
export async function applyExpiryWithFiles(expiry: Expiry): Promise<void> {
  applyExpiry(expiry);
  try {
    if (expiry.everything) await forgetDeletedImages(prisma);
    else if (expiry.images?.length) await forgetOptimizedImages(expiry.images);
  } catch (error) {
    logEvent("error", "deleted images: the optimizer's copies could not be removed", { error: (error as Error).message });
  }
}

async function expire(expiry: Expiry): Promise<void> {
  await applyExpiryWithFiles(expiry);
  await broadcastExpiry(expiry);
  settleLater(expiry);
}

/**
 * Applies the change once more, SETTLE_MS later, here and everywhere. Next.js can finish a render
 * that began before the change after the change was applied, and keep it: its page cache stamps a
 * page when it is stored, and a new request may join a 'use cache' computation already under way.
 * Under load that kept a published story off the front page for up to a minute
 * (bench/breaking-news.ts). The second pass catches every render shorter than SETTLE_MS.
 * (Renders begun inside a request are now also thrown away when they straddle a change, and
 * waited for by the page cache: scripts/runtime/page-entry-cache.mjs. This pass stays for the rest.)
 */
const SETTLE_MS = 2_000;

function settleLater(expiry: Expiry): void {
  setTimeout(() => {
    deliverToThisInstance(expiry)
      .then((delivered) => (delivered ? broadcastExpiry(expiry) : undefined))
      .catch((error: Error) => logEvent("error", "cache expiry: second pass failed", { error: error.message }));
  }, SETTLE_MS).unref();
}
