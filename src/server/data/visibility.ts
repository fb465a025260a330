import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * The one rule for what readers, crawlers and machines may see: an article is public when it is
 * published, or scheduled and its time has come, and its publish time is not in the future.
 * Drafts, articles in review and archived articles are never public. Scheduled articles need no
 * job to go live: every instance applies the same rule at read time.
 */
export function publicArticleWhere(now: Date = new Date()): Prisma.ArticleWhereInput {
  return { status: { in: ["PUBLISHED", "SCHEDULED"] }, publishedAt: { lte: now } };
}

/** The same rule for a loaded row. */
export function isPublic(article: { status: string; publishedAt: Date | null }, now: Date = new Date()): boolean {
  return (
    (article.status === "PUBLISHED" || article.status === "SCHEDULED") &&
    article.publishedAt !== null &&
    article.publishedAt.getTime() <= now.getTime()
  );
}
