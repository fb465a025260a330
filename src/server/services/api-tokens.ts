import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { ApiTokenScope, PrismaClient } from "@/generated/prisma/client";
import { ensure, can, type Actor } from "@/server/services/permissions";
import { ServiceError } from "@/server/services/errors";
import { audit } from "@/server/services/audit";

/** Bearer tokens for the JSON API: shown once, stored as SHA-256, scoped, revocable. */

const PREFIX = "dbn_";
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createApiToken(db: PrismaClient, actor: Actor, input: { name: string; scope: ApiTokenScope }) {
  ensure(can.manageApiTokens(actor), "Only admins create API tokens.");
  const name = input.name.trim();
  if (!name || name.length > 100) throw new ServiceError("invalid", "Give the token a name (up to 100 characters).", { name: "Required, up to 100 characters." });
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await db.apiToken.create({
    data: { name, scope: input.scope, prefix: token.slice(0, PREFIX.length + 6), tokenHash: hashToken(token), userId: actor.id },
  });
  await audit(db, actor, "api_token.create", "ApiToken", row.id, { name, scope: input.scope });
  return { token, id: row.id, name: row.name, scope: row.scope, prefix: row.prefix, createdAt: row.createdAt };
}

export async function revokeApiToken(db: PrismaClient, actor: Actor, id: string) {
  ensure(can.manageApiTokens(actor), "Only admins revoke API tokens.");
  const { count } = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (!count) throw new ServiceError("not_found", "That token was not found or is already revoked.");
  await audit(db, actor, "api_token.revoke", "ApiToken", id);
}

export async function listApiTokens(db: PrismaClient, actor: Actor) {
  ensure(can.manageApiTokens(actor));
  return db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { name: true } } },
  });
}

/** The actor a bearer token stands for (its owner, as they are now), or null. */
export async function actorFromToken(db: PrismaClient, token: string): Promise<{ actor: Actor; scope: ApiTokenScope } | null> {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.revokedAt || row.user.disabled) return null;
  // lastUsedAt to the minute: no write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { actor: { id: row.user.id, role: row.user.role, name: row.user.name }, scope: row.scope };
}
