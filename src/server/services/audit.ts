import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/server/services/permissions";

type Db = PrismaClient | Prisma.TransactionClient;

/** One line in the audit log (publishing, deletions, roles, accounts, tokens). */
export async function audit(db: Db, actor: Pick<Actor, "id"> | null, action: string, entityType: string, entityId: string, details: Prisma.InputJsonObject = {}) {
  await db.auditLog.create({ data: { actorId: actor?.id ?? null, action, entityType, entityId, details } });
}
