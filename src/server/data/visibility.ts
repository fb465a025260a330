import "server-only";
import { Prisma } from "@/generated/prisma/client";

/**
 * The one rule for what readers, crawlers and machines may see: an article is public when it is
 * published, or scheduled and its time has come, and its publish time is not in the future.
 * Drafts, articles in review and archived articles are never public. Scheduled articles need no
 * job to go live: every instance applies the same rule at read time. The same rule in three
 * forms, side by side so that they cannot drift apart: a Prisma filter, raw SQL, a row check.
 */
export function publicArticleWhere(now: Date = new Date()): Prisma.ArticleWhereInput {
  return { status: { in: ["PUBLISHED", "SCHEDULED"] }, publishedAt: { lte: now } };
}

/** For raw queries: `alias` is the Article table's alias in the query. */
export function publicArticleSql(alias: string, now: Date = new Date()): Prisma.Sql {
  const a = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`${a}."status" IN ('PUBLISHED', 'SCHEDULED') AND ${a}."publishedAt" <= ${now}`;
}

/** The same rule for a loaded row. */
export function isPublic(article: { status: string; publishedAt: Date | null }, now: Date = new Date()): boolean {
  return (
    (article.status === "PUBLISHED" || article.status === "SCHEDULED") &&
    article.publishedAt !== null &&
    article.publishedAt.getTime() <= now.getTime()
  );
}
