import "server-only";
import type { PrismaClient, User } from "@/generated/prisma/client";
import { audit } from "@/server/services/audit";
import { hashPassword, verifyPassword } from "@/server/services/passwords";
import { clear, hit, peek, type Limit, type LimitState } from "@/server/services/rate-limit";
import type { FirstStep } from "@/lib/sign-in-methods";
import { secondStepTicket, ticketHolder, twoStepEnabled, spendSecondStepCode } from "@/server/services/two-step";

/**
 * Password sign-in with brute-force limits. Failures count per client address and per account
 * (the email as typed, so unknown emails are limited exactly like known ones and the answer never
 * tells them apart). Counters live in the database: every instance sees them.
 */
export const signInLimits = {
  perIp: { max: 30, windowMs: 15 * 60_000 } satisfies Limit,
  perAccount: { max: 5, windowMs: 15 * 60_000 } satisfies Limit,
};

const ipKey = (ip: string) => `signin:ip:${ip}`;
const accountKey = (email: string) => `signin:account:${email}`;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** The longer wait of the two limits, or null when sign-in may be tried. */
export async function signInBlocked(db: PrismaClient, ip: string, email: string): Promise<LimitState | null> {
  const states = await Promise.all([
    peek(db, ipKey(ip), signInLimits.perIp),
    email ? peek(db, accountKey(normalizeEmail(email)), signInLimits.perAccount) : null,
  ]);
  const limited = states.filter((s): s is LimitState => !!s?.limited);
  if (!limited.length) return null;
  return limited.reduce((a, b) => (a.retryAfterSeconds >= b.retryAfterSeconds ? a : b));
}

// Compared against when the email is unknown, so that both answers take the same time.
let dummyHash: Promise<string> | undefined;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  /** The password was right and the member has two-step sign-in: the code comes next, with this ticket. */
  | { ok: false; reason: "second_step"; ticket: string }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * A failed attempt counts against both limits. The failure that locks a staff account goes on the
 * record, once per window: admins see whose password is being guessed, and from where. Unknown
 * emails are counted but not recorded.
 */
async function countFailure(db: PrismaClient, ip: string, email: string, user: User | null): Promise<void> {
  const [, account] = await Promise.all([hit(db, ipKey(ip), signInLimits.perIp), hit(db, accountKey(email), signInLimits.perAccount)]);
  if (user && account.count === signInLimits.perAccount.max) {
    await audit(db, null, "user.sign_in_locked", "User", user.id, { ip, failures: account.count, minutes: signInLimits.perAccount.windowMs / 60_000 });
  }
}

const signedIn = (user: User): SignInResult => ({
  ok: true,
  user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
});

export async function checkPassword(db: PrismaClient, ip: string, emailInput: string, password: string): Promise<SignInResult> {
  const email = normalizeEmail(emailInput);
  const blocked = await signInBlocked(db, ip, email);
  if (blocked) return { ok: false, reason: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds };

  const user = email ? await db.user.findUnique({ where: { email } }) : null;
  const hash = user?.passwordHash ?? (await (dummyHash ??= hashPassword("not-a-real-password-0000")));
  const matches = (await verifyPassword(password, hash)) && !!user?.passwordHash && !user.disabled;
  if (!matches || !user) {
    await countFailure(db, ip, email, user);
    return { ok: false, reason: "invalid" };
  }
  // The account's failures are cleared only once both steps pass: a known password must not
  // reset the count of wrong codes.
  if (twoStepEnabled(user)) return { ok: false, reason: "second_step", ticket: secondStepTicket(user) };
  await clear(db, accountKey(email));
  await recordSignIn(db, user.id, "password", ip);
  return signedIn(user);
}

/**
 * The second step: a ticket from checkPassword and a code from the member's app (or a recovery
 * code). Wrong codes count against the same limits as wrong passwords. An expired or forged
 * ticket is "invalid" and counts against the address.
 */
export async function checkSecondStep(db: PrismaClient, ip: string, ticket: string, code: string): Promise<SignInResult> {
  const holder = await ticketHolder(db, ticket);
  const blocked = await signInBlocked(db, ip, holder?.user.email ?? "");
  if (blocked) return { ok: false, reason: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds };
  if (!holder) {
    await hit(db, ipKey(ip), signInLimits.perIp);
    return { ok: false, reason: "invalid" };
  }
  const { user, via } = holder;
  const used = await spendSecondStepCode(db, user, code);
  if (!used) {
    await countFailure(db, ip, user.email, user);
    return { ok: false, reason: "second_step", ticket };
  }
  await clear(db, accountKey(user.email));
  await recordSignIn(db, user.id, `${via}+${used === "app" ? "app code" : "recovery code"}`, ip);
  return signedIn(user);
}

/**
 * A sign-in with GitHub or Google, by the addresses it vouches for (verified): existing, enabled
 * staff only. A member with two-step sign-in is asked for their code as after a password: the
 * provider's own second step is not ours to rely on.
 */
export async function checkOAuth(db: PrismaClient, provider: FirstStep, verifiedEmails: string[]): Promise<SignInResult> {
  const user = await oauthStaff(db, verifiedEmails);
  if (!user) return { ok: false, reason: "invalid" };
  if (twoStepEnabled(user)) return { ok: false, reason: "second_step", ticket: secondStepTicket(user, provider) };
  await recordSignIn(db, user.id, provider);
  return signedIn(user);
}

/** The enabled member with one of these verified addresses: the first address's, when several are staff's (GitHub's primary comes first). */
export async function oauthStaff(db: PrismaClient, verifiedEmails: string[]): Promise<User | null> {
  const emails = [...new Set(verifiedEmails.map(normalizeEmail).filter(Boolean))];
  if (!emails.length) return null;
  const found = await db.user.findMany({ where: { email: { in: emails }, disabled: false } });
  return emails.map((email) => found.find((u) => u.email === email)).find((u) => u !== undefined) ?? null;
}

/** A staff member's sign-in, in the audit log, by them: how (password, or the OAuth provider), and from where when known. */
export async function recordSignIn(db: PrismaClient, userId: string, method: string, ip?: string): Promise<void> {
  await audit(db, { id: userId }, "user.sign_in", "User", userId, ip ? { method, ip } : { method });
}

export type SignInEvent =
  | { at: Date; kind: "signed_in"; method: string; ip: string | null }
  | { at: Date; kind: "locked"; ip: string | null; failures: number };

/**
 * A member's latest sign-ins and lock-outs, newest first, from the audit log: shown on their
 * profile so that they notice one that was not them, or someone guessing their password.
 */
export async function recentSignIns(db: PrismaClient, userId: string, take = 8): Promise<SignInEvent[]> {
  const rows = await db.auditLog.findMany({
    where: { entityType: "User", entityId: userId, action: { in: ["user.sign_in", "user.sign_in_locked"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { action: true, details: true, createdAt: true },
  });
  return rows.map(({ action, details, createdAt }) => {
    const d = (details ?? {}) as { method?: unknown; ip?: unknown; failures?: unknown };
    const ip = typeof d.ip === "string" ? d.ip : null;
    return action === "user.sign_in_locked"
      ? { at: createdAt, kind: "locked", ip, failures: typeof d.failures === "number" ? d.failures : signInLimits.perAccount.max }
      : { at: createdAt, kind: "signed_in", method: typeof d.method === "string" ? d.method : "unknown", ip };
  });
}
