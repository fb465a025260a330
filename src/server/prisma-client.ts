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
    // request; isDatabaseUnavailable() turns that into a 503 and a "try again" message.
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

/**
 * The database could not be reached or no connection came free in time (pg-pool's and Prisma's
 * ways of saying so): a temporary condition, answered 503 with Retry-After, not a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { message?: unknown; code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null;
  if (!e || typeof e !== "object") return false;
  const kind = e.meta?.driverAdapterError?.cause?.kind;
  if (typeof kind === "string" && ["DatabaseNotReachable", "SocketTimeout", "ConnectionClosed", "TooManyConnections"].includes(kind)) return true;
  if (typeof e.code === "string" && ["P1001", "P1002", "P1017", "P2024", "ECONNREFUSED", "57P01", "57P03"].includes(e.code)) return true;
  if (typeof e.message === "string" && /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|Can't reach database server|the database system is (starting up|shutting down)/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== error && isDatabaseUnavailable(e.cause);
}
