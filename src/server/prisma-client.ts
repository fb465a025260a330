import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { logEvent } from "@/server/log";

/** A Prisma client on its own bounded pg pool (the one driver for PGlite and PostgreSQL alike). */
export function createPrismaClient(databaseUrl: string, poolMax: number, connectionTimeoutMillis = 3_000): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: poolMax,
    // An exhausted pool (or a database that does not answer) fails fast instead of hanging a
    // request; isDatabaseUnavailable() (database-errors.ts) turns that into a 503 and a "try again" message.
    connectionTimeoutMillis,
    idleTimeoutMillis: 30_000,
  }, {
    // A database restart breaks idle and busy connections alike: log it, never crash; the pool
    // opens new connections when the database is back.
    onPoolError: (error) => logEvent("error", "database idle connection failed", { error: error.message }),
    onConnectionError: (error) => logEvent("error", "database connection failed", { error: error.message }),
  });
  return new PrismaClient({ adapter });
}
