import "server-only";
import { prisma } from "@/server/db";
import { logEvent } from "@/server/log";

/**
 * Page views for the most-read list, counted in memory and written in one statement per batch:
 * never a database write per view, and article pages stay fully cached (the count arrives by a
 * beacon after the page has loaded). Each instance flushes its own counts; sums are additive.
 * A crash loses at most one interval of counts, which is fine for a popularity ranking.
 */
const FLUSH_INTERVAL_MS = 10_000;
const MAX_PENDING = 10_000;

/**
 * One view per reader and article per VIEW_WINDOW_MS: a reload, or a script posting the beacon in a
 * loop, does not push a story up the most-read list. Readers are told apart by address; the memory
 * of who was counted is bounded (the oldest are forgotten first) and per instance.
 */
const VIEW_WINDOW_MS = 30 * 60_000;
const MAX_REMEMBERED = 100_000;

const pending = new Map<string, number>();
/** "viewer article" → until when another view of theirs is not counted; oldest first. */
const counted = new Map<string, number>();
let timer: NodeJS.Timeout | undefined;

/** Counts a view of articleId by viewer (their address); false when it was not counted. */
export function recordView(articleId: string, viewer: string, now = Date.now()): boolean {
  const key = `${viewer} ${articleId}`;
  if ((counted.get(key) ?? 0) > now) return false;
  counted.delete(key); // re-inserted at the newest end
  counted.set(key, now + VIEW_WINDOW_MS);
  for (const [oldest, until] of counted) {
    if (counted.size <= MAX_REMEMBERED && until > now) break;
    counted.delete(oldest);
  }
  pending.set(articleId, (pending.get(articleId) ?? 0) + 1);
  if (pending.size >= MAX_PENDING) void flushViews();
  else timer ??= setTimeout(() => void flushViews(), FLUSH_INTERVAL_MS).unref();
  return true;
}

/** Writes the pending counts (unknown article ids are ignored). Returns the views written. */
export async function flushViews(day: Date = new Date()): Promise<number> {
  clearTimeout(timer);
  timer = undefined;
  if (pending.size === 0) return 0;
  const batch = [...pending];
  pending.clear();
  const ids = batch.map(([id]) => id);
  const counts = batch.map(([, n]) => n);
  try {
    const written = await prisma.$queryRaw<{ articleId: string }[]>`
      INSERT INTO "ArticleViewDaily" ("articleId", "day", "views")
      SELECT v.id, ${day.toISOString().slice(0, 10)}::date, v.n
        FROM unnest(${ids}::text[], ${counts}::int[]) AS v(id, n)
        JOIN "Article" a ON a."id" = v.id
      ON CONFLICT ("articleId", "day") DO UPDATE SET "views" = "ArticleViewDaily"."views" + EXCLUDED."views"
      RETURNING "articleId"`;
    const counted = new Map(batch);
    return written.reduce((sum, row) => sum + (counted.get(row.articleId) ?? 0), 0);
  } catch (error) {
    // Keep the counts for the next attempt rather than losing them to a database hiccup.
    for (const [id, n] of batch) pending.set(id, (pending.get(id) ?? 0) + n);
    timer ??= setTimeout(() => void flushViews(), FLUSH_INTERVAL_MS).unref();
    logEvent("error", "view counter: flush failed, will retry", { error: (error as Error).message });
    return 0;
  }
}

export function pendingViews(): number {
  let total = 0;
  for (const n of pending.values()) total += n;
  return total;
}
