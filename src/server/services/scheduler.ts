import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/server/services/audit";
import { expireArticle, storyRef, storySelect, type StoryRef } from "@/server/services/publishing";

/**
 * Scheduled articles whose time has come become published: once, whichever instance gets there
 * first. Readers never wait for this (visibility is decided at read time, data/visibility.ts); it
 * records the go-live in the audit log, stamps when readers first saw the article, and expires
 * every cache that lists it, on every instance, so it is on the front page, its section, the feeds
 * and the sitemap at its time rather than when those caches next run out.
 *
 * Every instance calls this every few seconds (scripts/runtime/server.mjs). Each article is
 * claimed by a conditional update (still SCHEDULED, its time passed): PostgreSQL re-checks the
 * condition after waiting for a concurrent claim's row lock, so exactly one caller's update counts,
 * and only that caller writes the audit line, in the same transaction.
 */
export async function releaseDueArticles(db: PrismaClient, now = new Date()): Promise<StoryRef[]> {
  const due = await db.article.findMany({
    where: { status: "SCHEDULED", publishedAt: { lte: now } },
    select: { ...storySelect, id: true, headline: true, publishedAt: true, firstPublishedAt: true },
    orderBy: { publishedAt: "asc" },
    take: 100,
  });
  const released: StoryRef[] = [];
  for (const article of due) {
    const claimed = await db.$transaction(async (tx) => {
      // Not a new version: the text did not change, so an editor's open copy stays saveable.
      const { count } = await tx.article.updateMany({
        where: { id: article.id, status: "SCHEDULED", publishedAt: { lte: now } },
        data: { status: "PUBLISHED", firstPublishedAt: article.firstPublishedAt ?? article.publishedAt },
      });
      if (count === 1) {
        await audit(tx, null, "article.live", "Article", article.id, {
          slug: article.slug, headline: article.headline, from: "SCHEDULED", to: "PUBLISHED", publishAt: article.publishedAt!.toISOString(),
        });
      }
      return count === 1;
    });
    if (claimed) released.push(storyRef(article));
  }
  if (released.length) await expireArticle(released);
  return released;
}
