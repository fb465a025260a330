import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * Fixed-window counters in the database, so that every instance sees the same counts. One
 * statement per hit: concurrent hits on one key serialise on its row and never lose a count.
 */

export type Limit = { max: number; windowMs: number };
export type LimitState = { count: number; limited: boolean; retryAfterSeconds: number };

function stateOf(count: number, expiresAt: Date, limit: Limit, now: number): LimitState {
  const limited = count >= limit.max && expiresAt.getTime() > now;
  return { count, limited, retryAfterSeconds: limited ? Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000)) : 0 };
}

/** Count one event against key; a window that has run out starts again at 1. */
export async function hit(db: PrismaClient, key: string, limit: Limit, now = Date.now()): Promise<LimitState> {
  const start = new Date(now);
  const expires = new Date(now + limit.windowMs);
  const rows = await db.$queryRaw<{ count: number; expiresAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "expiresAt")
    VALUES (${key}, 1, ${start}, ${expires})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."expiresAt" <= ${start} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."expiresAt" <= ${start} THEN ${start} ELSE "RateLimit"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimit"."expiresAt" <= ${start} THEN ${expires} ELSE "RateLimit"."expiresAt" END
    RETURNING "count", "expiresAt"`;
  const row = rows[0]!;
  return stateOf(row.count, row.expiresAt, limit, now);
}

/** Where key stands, without counting. */
export async function peek(db: PrismaClient, key: string, limit: Limit, now = Date.now()): Promise<LimitState> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.expiresAt.getTime() <= now) return { count: 0, limited: false, retryAfterSeconds: 0 };
  return stateOf(row.count, row.expiresAt, limit, now);
}

export async function clear(db: PrismaClient, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Drop finished windows (called now and then; rows are tiny). */
export async function sweep(db: PrismaClient, now = Date.now()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  return count;
}
