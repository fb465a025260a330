import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

function logPoolError(where: string, error: Error): void {
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: `database ${where} failed`, error: error.message }));
}

/** A Prisma client on its own bounded pg pool (the one driver for PGlite and PostgreSQL alike). */
export function createPrismaClient(databaseUrl: string, poolMax: number): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: poolMax,
    // An exhausted pool fails fast instead of hanging a request.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  }, {
    // A database restart breaks idle and busy connections alike: log it, never crash; the pool
    // opens new connections when the database is back.
    onPoolError: (error) => logPoolError("idle connection", error),
    onConnectionError: (error) => logPoolError("connection", error),
  });
  return new PrismaClient({ adapter });
}
