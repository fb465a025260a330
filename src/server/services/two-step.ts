import "server-only";
import { createHash, randomInt } from "node:crypto";
import type { PrismaClient, User } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { env } from "@/lib/env";
import { FIRST_STEPS, type FirstStep } from "@/lib/sign-in-methods";
import { resealed, seal, sign, unseal, verifySigned } from "@/server/sealed";
import { audit } from "@/server/services/audit";
import { ServiceError } from "@/server/services/errors";
import { can, ensure, type Actor } from "@/server/services/permissions";
import { hit, peek, type Limit } from "@/server/services/rate-limit";
import { findUser } from "@/server/services/users";
import { base32Encode, matchTotp, newTotpSecret, otpauthUri } from "@/server/totp";

/**
 * Two-step sign-in: after the password, a code from an authenticator app (TOTP), or one of ten
 * recovery codes, each good once. A member sets it up on their profile (the app reads a QR code;
 * the first code it shows confirms it) and turns it off there with a code; an admin can turn it
 * off for a member who lost their phone. Sign-in with GitHub or Google relies on the provider's
 * own second step. Every change is in the audit log.
 */

type Db = PrismaClient;

const SECRET_PURPOSE = "totp-secret";
const TICKET_PURPOSE = "sign-in-second-step";
/** How long the code may take after the password was accepted. */
export const TICKET_MINUTES = 5;
export const RECOVERY_CODE_COUNT = 10;

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
/** "k7mq-x2pw-9d" style: 50 random bits, typed with or without its hyphens, in any case. */
function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}
const recoveryHash = (code: string) => createHash("sha256").update(code.toLowerCase().replace(/[\s-]/g, "")).digest("hex");

const codeRequired = () => new ServiceError("invalid", "Enter the code.", { code: "Enter the 6-digit code from your app, or a recovery code." });
const wrongCode = () => new ServiceError("invalid", "That code is not right.", { code: "Not the code your app shows now (or an unused recovery code)." });

export const twoStepEnabled = (user: Pick<User, "totpEnabledAt" | "totpSecret">) => !!user.totpEnabledAt && !!user.totpSecret;

/** Whether this role must sign in with two steps (TWO_STEP_REQUIRED_ROLES). */
export const twoStepRequired = (role: Role, required: readonly Role[] = env().TWO_STEP_REQUIRED_ROLES) => required.includes(role);

/**
 * Whether this member's role requires two-step sign-in and they have not set it up: then they
 * may do nothing but set it up, with their session or with an API token made for them.
 */
export const twoStepMissing = (user: Pick<User, "role" | "totpEnabledAt">, required?: readonly Role[]) =>
  twoStepRequired(user.role, required) && !user.totpEnabledAt;

export async function twoStepStatus(db: Db, actor: Actor) {
  const user = await findUser(db, actor.id);
  return { enabled: twoStepEnabled(user), since: user.totpEnabledAt, recoveryCodesLeft: user.recoveryCodeHashes.length };
}

/**
 * A new secret for the member's app, kept sealed until a code from it confirms it (a set-up
 * begun again replaces one never confirmed). Refused while two-step sign-in is on.
 */
export async function beginTwoStep(db: Db, actor: Actor, issuer: string): Promise<{ secret: string; uri: string }> {
  const user = await findUser(db, actor.id);
  if (twoStepEnabled(user)) throw new ServiceError("conflict", "Two-step sign-in is already on.");
  const secret = newTotpSecret();
  await db.user.update({ where: { id: user.id }, data: { totpSecret: seal(secret, SECRET_PURPOSE), totpEnabledAt: null, totpLastStep: null } });
  return { secret: base32Encode(secret).replace(/(.{4})(?=.)/g, "$1 "), uri: otpauthUri({ issuer, account: user.email, secret }) };
}

/** The first code from the app turns it on; the recovery codes are returned, and shown, this once. */
export async function confirmTwoStep(db: Db, actor: Actor, code: string, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const user = await findUser(db, actor.id);
  if (twoStepEnabled(user)) throw new ServiceError("conflict", "Two-step sign-in is already on.");
  const secret = user.totpSecret ? unseal(user.totpSecret, SECRET_PURPOSE) : null;
  if (!secret) throw new ServiceError("conflict", "Start the set-up again: there is no code to check against.");
  if (!code.trim()) throw codeRequired();
  const step = matchTotp(secret, code, now, null);
  if (step === null) throw wrongCode();
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: user.id, totpSecret: user.totpSecret, totpEnabledAt: null },
      data: { totpEnabledAt: now, totpLastStep: step, recoveryCodeHashes: recoveryCodes.map(recoveryHash) },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", "The set-up changed meanwhile (another tab?). Start it again.");
    await audit(tx, actor, "user.two_step_on", "User", user.id, {});
  });
  return { recoveryCodes };
}

/**
 * Whether `code` is the member's current app code (one not used before) or an unused recovery
 * code; either is used up by this call, atomically, so two requests cannot both spend one code.
 */
export async function spendSecondStepCode(db: Db, user: User, code: string, now = new Date()): Promise<"app" | "recovery" | null> {
  const secret = user.totpSecret ? unseal(user.totpSecret, SECRET_PURPOSE) : null;
  if (!secret || !user.totpEnabledAt) return null;
  const step = matchTotp(secret, code, now, user.totpLastStep);
  if (step !== null) {
    const { count } = await db.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1 ? "app" : null;
  }
  const hash = recoveryHash(code);
  if (!/^[a-z0-9]{10}$/i.test(code.replace(/[\s-]/g, "")) || !user.recoveryCodeHashes.includes(hash)) return null;
  // Removed in the database, not written back from this read: two codes spent at once must not
  // write back each other's.
  const count = await db.$executeRaw`
    UPDATE "User" SET "recoveryCodeHashes" = array_remove("recoveryCodeHashes", ${hash})
    WHERE "id" = ${user.id} AND ${hash} = ANY("recoveryCodeHashes")`;
  return count === 1 ? "recovery" : null;
}

/**
 * Codes typed on the profile page (to turn two-step sign-in off, or for new recovery codes): at
 * most this many wrong ones per member and window. Without a limit, someone holding a stolen
 * session could try codes until one fits (three of the million are right at any time).
 */
export const profileCodeLimit: Limit = { max: 5, windowMs: 15 * 60_000 };

/** A code from the member's app (or a recovery code) on the profile page, spent; refusals counted. */
async function spendProfileCode(db: Db, user: User, code: string): Promise<void> {
  const key = `two-step-profile:${user.id}`;
  const state = await peek(db, key, profileCodeLimit);
  if (state.limited) {
    throw new ServiceError("rate_limited", `Too many wrong codes. Try again in ${Math.ceil(state.retryAfterSeconds / 60)} minutes.`);
  }
  if (!code.trim()) throw codeRequired();
  if (await spendSecondStepCode(db, user, code)) return;
  await hit(db, key, profileCodeLimit);
  throw wrongCode();
}

const newRecoveryCodes = () => Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

/** Ten new recovery codes in place of the old (used or not), with a current code; shown this once. */
export async function renewRecoveryCodes(db: Db, actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
  const user = await findUser(db, actor.id);
  if (!twoStepEnabled(user)) throw new ServiceError("conflict", "Two-step sign-in is off: there are no recovery codes.");
  await spendProfileCode(db, user, code);
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { recoveryCodeHashes: recoveryCodes.map(recoveryHash) } });
    await audit(tx, actor, "user.recovery_codes_renewed", "User", user.id, {});
  });
  return { recoveryCodes };
}

/**
 * Off again, by the member, with a current code (or a recovery code); never where their role
 * requires it (`required`: TWO_STEP_REQUIRED_ROLES by default).
 */
export async function turnOffTwoStep(db: Db, actor: Actor, code: string, required = twoStepRequired(actor.role)): Promise<void> {
  const user = await findUser(db, actor.id);
  if (!twoStepEnabled(user)) return;
  if (required) throw new ServiceError("forbidden", "Your role requires two-step sign-in: it stays on. An admin can reset it if you lose your phone.");
  await spendProfileCode(db, user, code);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [] } });
    await audit(tx, actor, "user.two_step_off", "User", user.id, {});
  });
}

/**
 * Off for a member who lost their app and recovery codes: by an admin, never for themselves.
 * Where their role requires it, they set it up again when they next sign in.
 */
export async function removeTwoStep(db: Db, actor: Actor, userId: string): Promise<void> {
  ensure(can.manageUsers(actor), "Only admins manage staff accounts.");
  if (userId === actor.id) throw new ServiceError("forbidden", "Turn your own two-step sign-in off on your profile.");
  const user = await findUser(db, userId);
  if (!user.totpSecret && !user.totpEnabledAt) return;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [] } });
    await audit(tx, actor, "user.two_step_removed", "User", user.id, { name: user.name });
  });
}

/**
 * After AUTH_SECRET changed, with the old one kept as AUTH_SECRET_PREVIOUS (sealed.ts): every
 * stored two-step secret sealed with the old key is sealed again with the new one, so that the
 * old secret can then be dropped. `npm run secrets:reseal` runs it.
 */
export async function resealTwoStepSecrets(db: Db): Promise<{ resealed: number; current: number; unreadable: number }> {
  const members = await db.user.findMany({ where: { totpSecret: { not: null } }, select: { id: true, totpSecret: true } });
  const counts = { resealed: 0, current: 0, unreadable: 0 };
  for (const { id, totpSecret } of members) {
    const next = resealed(totpSecret!, SECRET_PURPOSE);
    if (next) {
      // Only where it is still the value read: a set-up started meanwhile keeps its new secret.
      counts.resealed += (await db.user.updateMany({ where: { id, totpSecret }, data: { totpSecret: next } })).count;
    } else if (unseal(totpSecret!, SECRET_PURPOSE)) counts.current++;
    else counts.unreadable++;
  }
  return counts;
}

/**
 * After the first step (a right password, or an OAuth provider's word), what the sign-in form
 * carries to the second step instead of the password: the member, their session version and how
 * the first step was taken, signed, valid for TICKET_MINUTES.
 */
export const secondStepTicket = (user: Pick<User, "id" | "sessionVersion">, via: FirstStep = "password", now = Date.now()) =>
  sign([user.id, String(user.sessionVersion), via], TICKET_PURPOSE, TICKET_MINUTES * 60_000, now);

/** The member a ticket is for, and how they took the first step, when it is genuine, current, and they may still sign in with two steps. */
export async function ticketHolder(db: Db, ticket: string, now = Date.now()): Promise<{ user: User; via: FirstStep } | null> {
  const fields = verifySigned(ticket, TICKET_PURPOSE, now);
  const via = FIRST_STEPS.find((step) => step === fields?.[2]);
  if (!fields || fields.length !== 3 || !via) return null;
  const user = await db.user.findUnique({ where: { id: fields[0] } });
  if (!user || user.disabled || String(user.sessionVersion) !== fields[1] || !twoStepEnabled(user)) return null;
  return { user, via };
}
