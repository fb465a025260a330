import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/server/prisma-client";
import { env } from "@/lib/env";

function createDefaultClient(): PrismaClient {
  const e = env();
  if (!e.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` or `npm run dev`, which serve the embedded database, or set DATABASE_URL.",
    );
  }
  return createPrismaClient(e.DATABASE_URL, e.DATABASE_POOL_MAX ?? (e.EMBEDDED_DATABASE ? 4 : 10), e.DATABASE_POOL_TIMEOUT_MS);
}

// One client per process, also across hot reloads in development.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };

export const prisma: PrismaClient = (globalForPrisma.__prisma ??= createDefaultClient());
