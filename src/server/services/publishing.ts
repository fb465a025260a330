import "server-only";
import { revalidateTag } from "next/cache";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { cacheTags } from "@/lib/cache-tags";
import { purgePageCache } from "@/server/page-cache";
import { forgetPathStatus } from "@/server/path-status";

/**
 * Publishing side effects in one place: the redirects an article leaves behind when its URL
 * changes, and the cache tags a change expires. Nothing else calls revalidateTag. Every change
 * also empties the page cache in front of Next.js (scripts/runtime/page-cache.mjs), whole: one
 * edit touches the article, the lists, the feeds and the sitemaps, and misses are cheap.
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
  forgetPathStatus([oldPath, newPath]);
  purgePageCache();
}

/** A path is live again (a new section took a slug that used to redirect): it stops redirecting. */
export async function reclaimPath(db: Db, path: string): Promise<void> {
  await db.redirect.deleteMany({ where: { fromPath: path } });
  forgetPathStatus([path]);
  purgePageCache();
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
  forgetPathStatus(paths);
  purgePageCache();
}

/** After an article's content or visibility changed: its page, and every list that may show it. */
export function expireArticle(slugs: string[]): void {
  for (const slug of slugs) revalidateTag(cacheTags.article(slug), { expire: 0 });
  revalidateTag(cacheTags.articleLists, { expire: 0 });
  forgetPathStatus();
  purgePageCache();
}

/** After curation (front page, editors' picks) or the breaking-news banner changed. */
export function expireCuration(): void {
  revalidateTag(cacheTags.curation, { expire: 0 });
  revalidateTag(cacheTags.settings, { expire: 0 });
  purgePageCache();
}

/** After a staff profile (name, bio, photo) changed: author pages, and every byline in lists. */
export function expireAuthors(): void {
  revalidateTag(cacheTags.authors, { expire: 0 });
  revalidateTag(cacheTags.articleLists, { expire: 0 });
  purgePageCache();
}

/** After sections changed (names, slugs, order, new or deleted): the navigation and every list. */
export function expireSections(): void {
  revalidateTag(cacheTags.sections, { expire: 0 });
  revalidateTag(cacheTags.articleLists, { expire: 0 });
  purgePageCache();
}
