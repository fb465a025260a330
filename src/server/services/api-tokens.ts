import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { ApiTokenScope, Prisma, PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { ensure, can, type Actor } from "@/server/services/permissions";
import { ServiceError } from "@/server/services/errors";
import { MAX_TOKEN_DAYS, TOKEN_WARNING_DAYS } from "@/lib/schemas/api-token";
import { audit } from "@/server/services/audit";
import { twoStepMissing } from "@/server/services/two-step";

/**
 * Bearer tokens for the JSON API: shown once, stored as SHA-256, scoped, revocable, expiring when
 * their maker chose (or never). A token acts as its owner as they are now: not at all while they
 * are disabled, or while their role requires two-step sign-in that they have not set up
 * (TWO_STEP_REQUIRED_ROLES, which may be set after the token was made).
 */

const PREFIX = "dbn_";
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const DAY_MS = 86_400_000;

/** `expiresInDays`: null or absent, never. */
export async function createApiToken(db: PrismaClient, actor: Actor, input: { name: string; scope: ApiTokenScope; expiresInDays?: number | null }, now = new Date()) {
  ensure(can.manageApiTokens(actor), "Only admins create API tokens.");
  const name = input.name.trim();
  if (!name || name.length > 100) throw new ServiceError("invalid", "Give the token a name (up to 100 characters).", { name: "Required, up to 100 characters." });
  const days = input.expiresInDays ?? null;
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= MAX_TOKEN_DAYS)) {
    throw new ServiceError("invalid", "Choose when the token expires.", { expiresInDays: `A whole number of days from 1 to ${MAX_TOKEN_DAYS}, or none.` });
  }
  const expiresAt = days === null ? null : new Date(now.getTime() + days * DAY_MS);
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await db.apiToken.create({
    data: { name, scope: input.scope, prefix: token.slice(0, PREFIX.length + 6), tokenHash: hashToken(token), userId: actor.id, expiresAt },
  });
  await audit(db, actor, "api_token.create", "ApiToken", row.id, { name, scope: input.scope, expiresAt: expiresAt?.toISOString() ?? null });
  return { token, id: row.id, name: row.name, scope: row.scope, prefix: row.prefix, createdAt: row.createdAt, expiresAt: row.expiresAt };
}

export async function revokeApiToken(db: PrismaClient, actor: Actor, id: string) {
  ensure(can.manageApiTokens(actor), "Only admins revoke API tokens.");
  const { count } = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (!count) throw new ServiceError("not_found", "That token was not found or is already revoked.");
  await audit(db, actor, "api_token.revoke", "ApiToken", id);
}

/** Why a token does not work now, if it does not: revoked, expired, or its owner's state. */
export type ApiTokenState = "active" | "revoked" | "expired" | "owner-disabled" | "owner-two-step-missing";

export async function listApiTokens(db: PrismaClient, actor: Actor, required?: readonly Role[], now = new Date()) {
  ensure(can.manageApiTokens(actor));
  return tokensWithState(db, {}, required, now);
}

/**
 * How many working tokens the list marks as expiring within TOKEN_WARNING_DAYS, for the admins'
 * notice on the newsroom's front page; 0 for anyone else.
 */
export async function countTokensExpiringSoon(db: PrismaClient, actor: Actor, now = new Date()): Promise<number> {
  if (!can.manageApiTokens(actor)) return 0;
  const soon = { revokedAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + TOKEN_WARNING_DAYS * DAY_MS) } };
  return (await tokensWithState(db, soon, undefined, now)).filter((t) => t.expiringInDays !== null).length;
}

async function tokensWithState(db: PrismaClient, where: Prisma.ApiTokenWhereInput, required: readonly Role[] | undefined, now: Date) {
  const rows = await db.apiToken.findMany({
    where,
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      scope: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
      user: { select: { name: true, role: true, disabled: true, totpEnabledAt: true } },
    },
  });
  return rows.map(({ user, ...token }) => {
    const state = tokenState(token, user, required, now);
    return { ...token, user: { name: user.name }, state, expiringInDays: state === "active" ? daysToExpiry(token, now) : null };
  });
}

/** Days (rounded up) until a token expires, when that is within TOKEN_WARNING_DAYS; else null. */
function daysToExpiry(token: { expiresAt: Date | null }, now: Date): number | null {
  if (!token.expiresAt) return null;
  const days = Math.ceil((token.expiresAt.getTime() - now.getTime()) / DAY_MS);
  return days >= 1 && days <= TOKEN_WARNING_DAYS ? days : null;
}

const expired = (token: { expiresAt: Date | null }, now: Date) => !!token.expiresAt && token.expiresAt <= now;

function tokenState(
  token: { revokedAt: Date | null; expiresAt: Date | null },
  owner: { role: Role; disabled: boolean; totpEnabledAt: Date | null },
  required: readonly Role[] | undefined,
  now: Date,
): ApiTokenState {
  if (token.revokedAt) return "revoked";
  if (expired(token, now)) return "expired";
  if (owner.disabled) return "owner-disabled";
  if (twoStepMissing(owner, required)) return "owner-two-step-missing";
  return "active";
}

export type TokenHolder = { actor: Actor; scope: ApiTokenScope; twoStepMissing: boolean };

/**
 * The actor a bearer token stands for (its owner, as they are now), or null for no valid token.
 * `twoStepMissing`: the owner must set up two-step sign-in first, and the token may do nothing.
 */
export async function actorFromToken(db: PrismaClient, token: string, required?: readonly Role[], now = new Date()): Promise<TokenHolder | null> {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row) return null;
  const state = tokenState(row, row.user, required, now);
  if (state !== "active" && state !== "owner-two-step-missing") return null;
  const actor = { id: row.user.id, role: row.user.role, name: row.user.name };
  // A refused request is not a use.
  if (state === "owner-two-step-missing") return { actor, scope: row.scope, twoStepMissing: true };
  // lastUsedAt to the minute: no write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { actor, scope: row.scope, twoStepMissing: false };
}
