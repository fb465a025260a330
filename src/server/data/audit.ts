import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { auditQuerySchema } from "@/lib/schemas/user";
import { can, ensure, type Actor } from "@/server/services/permissions";

/** The audit log for admins, newest first. Never cached: it is read rarely and must be current. */

export const auditPerPage = 50;

/** Action prefixes offered by the filter (the names services write, see services/audit.ts callers). */
export const auditActionPrefixes = ["article.", "user.", "api_token."] as const;

export async function listAudit(db: PrismaClient, actor: Actor, query: { page?: number; action?: string }) {
  ensure(can.viewAuditLog(actor), "Only admins can read the audit log.");
  const { page, action } = auditQuerySchema.parse(query);
  const where: Prisma.AuditLogWhereInput = action ? { action: { startsWith: action } } : {};
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * auditPerPage,
      take: auditPerPage,
      select: { id: true, action: true, entityType: true, entityId: true, details: true, createdAt: true, actor: { select: { name: true, email: true } } },
    }),
    db.auditLog.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / auditPerPage)), action: action ?? "" };
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>["rows"][number];

/** A one-line summary of an entry's details ("from: DRAFT, to: PUBLISHED"), for the table. */
export function summarizeDetails(details: Prisma.JsonValue, maxLength = 160): string {
  if (!details || typeof details !== "object" || Array.isArray(details)) return "";
  const text = Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
