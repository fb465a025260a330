import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { ServiceError } from "@/server/services/errors";
import { actorFromToken, createApiToken, listApiTokens, revokeApiToken } from "@/server/services/api-tokens";
import { hashPassword } from "@/server/services/passwords";
import type { Actor } from "@/server/services/permissions";
import { checkOAuth, checkPassword, checkSecondStep, signInLimits } from "@/server/services/sign-in";
import {
  beginTwoStep,
  confirmTwoStep,
  profileCodeLimit,
  removeTwoStep,
  renewRecoveryCodes,
  resealTwoStepSecrets,
  RECOVERY_CODE_COUNT,
  secondStepTicket,
  spendSecondStepCode,
  turnOffTwoStep,
  twoStepRequired,
  twoStepStatus,
} from "@/server/services/two-step";
import { base32Decode, hotp, timeStep, totpAt } from "@/server/totp";

// Two-step sign-in against the real database: set-up, the second step of sign-in, its limits,
// recovery codes, and turning it off (by the member, or by an admin).

const run = Math.random().toString(36).slice(2, 8);
const password = "correct horse battery staple";
const ip = (label: string) => `ip-${label}-${run}`;

beforeAll(() => {
  process.env.AUTH_SECRET ??= "two-step-test-secret-of-at-least-32-characters";
});

afterAll(async () => {
  const users = await prisma.user.findMany({ where: { email: { contains: run } }, select: { id: true } });
  await prisma.auditLog.deleteMany({ where: { OR: [{ entityId: { in: users.map((u) => u.id) } }, { actorId: { in: users.map((u) => u.id) }, entityType: "ApiToken" }] } });
  await prisma.user.deleteMany({ where: { email: { contains: run } } });
  await prisma.rateLimit.deleteMany({ where: { OR: [{ key: { contains: run } }, { key: { in: users.map((u) => `two-step-profile:${u.id}`) } }] } });
});

let count = 0;
async function member(role: User["role"] = "AUTHOR"): Promise<Actor & { email: string }> {
  const n = ++count;
  const user = await prisma.user.create({
    data: { email: `two-step-${n}-${run}@dellboys.example`, name: `Two Step ${n} ${run}`, slug: `two-step-${n}-${run}`, role, passwordHash: await hashPassword(password) },
  });
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

const row = (id: string) => prisma.user.findUniqueOrThrow({ where: { id } });
const actions = async (id: string) => (await prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
/** A code the member has not used yet: the step after the last one used (within the window). */
const nextCode = async (secret: Buffer, id: string) => hotp(secret, ((await row(id)).totpLastStep ?? timeStep(new Date()) - 1) + 1);

/** Two-step sign-in set up for a new member: their secret and recovery codes. */
async function withTwoStep(role: User["role"] = "AUTHOR") {
  const actor = await member(role);
  const { secret: text } = await beginTwoStep(prisma, actor, "The Dell Boys");
  const secret = base32Decode(text)!;
  const { recoveryCodes } = await confirmTwoStep(prisma, actor, totpAt(secret, new Date()));
  return { actor, secret, recoveryCodes };
}

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

async function ticketFor(email: string, label: string): Promise<string> {
  const first = await checkPassword(prisma, ip(label), email, password);
  if (first.ok || first.reason !== "second_step") throw new Error(`expected the second step, got ${JSON.stringify(first)}`);
  return first.ticket;
}

describe("setting up two-step sign-in", () => {
  it("is on only once a code from the app confirms it; the secret is stored sealed, the recovery codes hashed", async () => {
    const actor = await member();
    const { secret: text, uri } = await beginTwoStep(prisma, actor, "The Dell Boys");
    expect(uri).toContain(`otpauth://totp/The%20Dell%20Boys:${encodeURIComponent(actor.email)}?secret=${text.replace(/ /g, "")}`);
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ enabled: false });
    const pending = await row(actor.id);
    expect(pending.totpSecret).toBeTruthy();
    expect(pending.totpSecret).not.toContain(text.replace(/ /g, ""));
    // Not yet on: the password alone still signs in.
    expect(await checkPassword(prisma, ip("pending"), actor.email, password)).toMatchObject({ ok: true });

    const secret = base32Decode(text)!;
    const wrong = await refusal(confirmTwoStep(prisma, actor, String((Number(totpAt(secret, new Date())) + 1) % 1_000_000).padStart(6, "0")));
    expect(wrong.fields).toHaveProperty("code");
    expect((await refusal(confirmTwoStep(prisma, actor, " "))).fields).toHaveProperty("code");
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ enabled: false });

    const { recoveryCodes } = await confirmTwoStep(prisma, actor, totpAt(secret, new Date()));
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);
    const on = await row(actor.id);
    expect(on.recoveryCodeHashes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(on.recoveryCodeHashes.join()).not.toContain(recoveryCodes[0]!.replace(/-/g, ""));
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ enabled: true, recoveryCodesLeft: RECOVERY_CODE_COUNT });
    expect(await actions(actor.id)).toContain("user.two_step_on");
    // Set up again while on: refused, and nothing changes.
    expect((await refusal(beginTwoStep(prisma, actor, "The Dell Boys"))).code).toBe("conflict");
    expect((await row(actor.id)).totpSecret).toBe(on.totpSecret);
  });

  it("a secret sealed with another AUTH_SECRET cannot be read: the set-up must start again", async () => {
    const actor = await member();
    await beginTwoStep(prisma, actor, "The Dell Boys");
    const original = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "a-different-secret-of-at-least-32-characters!!";
    try {
      expect((await refusal(confirmTwoStep(prisma, actor, "123456"))).message).toMatch(/Start the set-up again/);
    } finally {
      process.env.AUTH_SECRET = original;
    }
  });

  it("a new AUTH_SECRET with the old one as AUTH_SECRET_PREVIOUS: codes still work, and resealing moves every secret to the new key", async () => {
    const { actor, secret } = await withTwoStep();
    const original = process.env.AUTH_SECRET;
    try {
      process.env.AUTH_SECRET = "the-next-secret-of-at-least-32-characters!!";
      process.env.AUTH_SECRET_PREVIOUS = original;
      // Signed in meanwhile: the password, then a code checked against the old key's secret.
      expect(await checkSecondStep(prisma, ip("rotate"), await ticketFor(actor.email, "rotate"), await nextCode(secret, actor.id))).toMatchObject({ ok: true });
      const before = (await row(actor.id)).totpSecret;
      const counts = await resealTwoStepSecrets(prisma);
      expect(counts.resealed).toBeGreaterThanOrEqual(1);
      expect((await row(actor.id)).totpSecret).not.toBe(before);
      // Again: nothing left to move.
      expect((await resealTwoStepSecrets(prisma)).resealed).toBe(0);
      // The old secret dropped: the member's codes still work, with the new key alone (the next
      // step's code, at its time).
      delete process.env.AUTH_SECRET_PREVIOUS;
      const step = (await row(actor.id)).totpLastStep! + 1;
      expect(await spendSecondStepCode(prisma, await row(actor.id), hotp(secret, step), new Date(step * 30_000))).toBe("app");
    } finally {
      // Every secret back under the suite's AUTH_SECRET (only this file sets two-step sign-in up).
      process.env.AUTH_SECRET_PREVIOUS = process.env.AUTH_SECRET;
      process.env.AUTH_SECRET = original;
      await resealTwoStepSecrets(prisma);
      delete process.env.AUTH_SECRET_PREVIOUS;
    }
  });
});

describe("signing in with two steps", () => {
  it("the password gives a ticket, not a session; the app's code with it signs in, and the same code never twice", async () => {
    const { actor, secret } = await withTwoStep();
    const ticket = await ticketFor(actor.email, "two");
    expect(ticket).not.toContain(password);
    const code = await nextCode(secret, actor.id);
    expect(await checkSecondStep(prisma, ip("two"), ticket, code)).toMatchObject({ ok: true, user: { id: actor.id } });
    const signIns = await prisma.auditLog.findMany({ where: { entityId: actor.id, action: "user.sign_in" } });
    expect(signIns.map((a) => a.details)).toEqual([{ method: "password+app code", ip: ip("two") }]);
    // Replayed (seen over a shoulder, say), with a new ticket: refused.
    expect(await checkSecondStep(prisma, ip("two"), await ticketFor(actor.email, "two"), code)).toMatchObject({ ok: false, reason: "second_step" });
  });

  it("a wrong code keeps the member at the second step; the ticket alone, altered, expired or outdated signs nobody in", async () => {
    const { actor, secret } = await withTwoStep();
    const ticket = await ticketFor(actor.email, "wrong");
    expect(await checkSecondStep(prisma, ip("wrong"), ticket, "000000")).toEqual({ ok: false, reason: "second_step", ticket });
    expect(await checkSecondStep(prisma, ip("wrong"), ticket, "")).toEqual({ ok: false, reason: "second_step", ticket });
    expect(await checkSecondStep(prisma, ip("wrong"), ticket.replace(/.$/, (c) => (c === "A" ? "B" : "A")), await nextCode(secret, actor.id))).toEqual({ ok: false, reason: "invalid" });
    const user = await row(actor.id);
    const expired = secondStepTicket(user, "password", Date.now() - 6 * 60_000);
    expect(await checkSecondStep(prisma, ip("wrong"), expired, await nextCode(secret, actor.id))).toEqual({ ok: false, reason: "invalid" });
    // The password changed (or the account was disabled) since the ticket was given.
    await prisma.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await checkSecondStep(prisma, ip("wrong"), ticket, await nextCode(secret, actor.id))).toEqual({ ok: false, reason: "invalid" });
    const fresh = await ticketFor(actor.email, "wrong");
    await prisma.user.update({ where: { id: actor.id }, data: { disabled: true } });
    expect(await checkSecondStep(prisma, ip("wrong"), fresh, await nextCode(secret, actor.id))).toEqual({ ok: false, reason: "invalid" });
  });

  it("wrong codes count against the account's limit, and a known password does not reset the count", async () => {
    const { actor, secret } = await withTwoStep();
    for (let i = 0; i < signInLimits.perAccount.max; i++) {
      const ticket = await ticketFor(actor.email, `guess-${i}`);
      expect(await checkSecondStep(prisma, ip(`guess-${i}`), ticket, String(100000 + i))).toMatchObject({ ok: false, reason: "second_step" });
    }
    // Locked: neither the password nor a right code gets through, from anywhere.
    expect(await checkPassword(prisma, ip("after"), actor.email, password)).toMatchObject({ ok: false, reason: "rate_limited" });
    const ticket = secondStepTicket(await row(actor.id));
    expect(await checkSecondStep(prisma, ip("after"), ticket, await nextCode(secret, actor.id))).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await actions(actor.id)).toContain("user.sign_in_locked");
  });

  it("a recovery code signs in once, typed in any case, with or without its hyphens", async () => {
    const { actor, recoveryCodes } = await withTwoStep();
    const code = recoveryCodes[3]!;
    expect(await checkSecondStep(prisma, ip("recovery"), await ticketFor(actor.email, "recovery"), code.toUpperCase().replace(/-/g, ""))).toMatchObject({ ok: true });
    expect(await checkSecondStep(prisma, ip("recovery"), await ticketFor(actor.email, "recovery"), code)).toMatchObject({ ok: false, reason: "second_step" });
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ recoveryCodesLeft: RECOVERY_CODE_COUNT - 1 });
    const signIn = await prisma.auditLog.findFirstOrThrow({ where: { entityId: actor.id, action: "user.sign_in" } });
    expect(signIn.details).toMatchObject({ method: "password+recovery code" });
  });

  it("GitHub or Google signs in existing staff by a verified email; with two-step sign-in on, the code is still asked for", async () => {
    const plain = await member();
    expect(await checkOAuth(prisma, "google", [plain.email.toUpperCase()])).toMatchObject({ ok: true, user: { id: plain.id } });
    // Any of the verified addresses: a GitHub account's work address need not be its primary one.
    expect(await checkOAuth(prisma, "github", [`private-${run}@example.com`, ` ${plain.email} `])).toMatchObject({ ok: true, user: { id: plain.id } });
    // Two staff members' addresses on one account: the first given (GitHub's primary) names it.
    const other = await member();
    expect(await checkOAuth(prisma, "github", [other.email, plain.email])).toMatchObject({ ok: true, user: { id: other.id } });
    expect(await checkOAuth(prisma, "github", [`nobody-${run}@dellboys.example`])).toEqual({ ok: false, reason: "invalid" });
    expect(await checkOAuth(prisma, "github", [])).toEqual({ ok: false, reason: "invalid" });
    expect(await checkOAuth(prisma, "github", [""])).toEqual({ ok: false, reason: "invalid" });
    await prisma.user.update({ where: { id: plain.id }, data: { disabled: true } });
    expect(await checkOAuth(prisma, "github", [plain.email])).toEqual({ ok: false, reason: "invalid" });
    const plainSignIns = await prisma.auditLog.findMany({ where: { entityId: plain.id, action: "user.sign_in" } });
    expect(plainSignIns.map((a) => a.details)).toEqual([{ method: "google" }, { method: "github" }]);

    const { actor, secret } = await withTwoStep();
    const first = await checkOAuth(prisma, "github", [actor.email]);
    if (first.ok || first.reason !== "second_step") throw new Error(`expected the second step, got ${JSON.stringify(first)}`);
    expect(await checkSecondStep(prisma, ip("github"), first.ticket, "000000")).toMatchObject({ ok: false, reason: "second_step" });
    expect(await checkSecondStep(prisma, ip("github"), first.ticket, await nextCode(secret, actor.id))).toMatchObject({ ok: true, user: { id: actor.id } });
    const signIns = await prisma.auditLog.findMany({ where: { entityId: actor.id, action: "user.sign_in" } });
    expect(signIns.map((a) => a.details)).toEqual([{ method: "github+app code", ip: ip("github") }]);
  });
});

describe("turning two-step sign-in off", () => {
  it("the member turns it off with a current code; a wrong code changes nothing", async () => {
    const { actor, secret } = await withTwoStep();
    expect((await refusal(turnOffTwoStep(prisma, actor, "000000"))).fields).toHaveProperty("code");
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ enabled: true });
    await turnOffTwoStep(prisma, actor, await nextCode(secret, actor.id));
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await row(actor.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null, recoveryCodeHashes: [] });
    expect(await checkPassword(prisma, ip("off"), actor.email, password)).toMatchObject({ ok: true });
    expect(await actions(actor.id)).toContain("user.two_step_off");
  });

  it("stays on where the member's role requires it (TWO_STEP_REQUIRED_ROLES)", async () => {
    const { actor, secret } = await withTwoStep("EDITOR");
    expect(twoStepRequired("EDITOR", ["ADMIN", "EDITOR"])).toBe(true);
    expect(twoStepRequired("AUTHOR", ["ADMIN", "EDITOR"])).toBe(false);
    expect(twoStepRequired("ADMIN", [])).toBe(false);
    expect((await refusal(turnOffTwoStep(prisma, actor, await nextCode(secret, actor.id), true))).code).toBe("forbidden");
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ enabled: true });
  });

  it("recovery codes spent at once are each spent once, and none comes back", async () => {
    const { actor, recoveryCodes } = await withTwoStep();
    const user = await row(actor.id);
    const results = await Promise.all([
      spendSecondStepCode(prisma, user, recoveryCodes[0]!),
      spendSecondStepCode(prisma, user, recoveryCodes[1]!),
      spendSecondStepCode(prisma, user, recoveryCodes[1]!),
    ]);
    expect(results.filter((r) => r === "recovery")).toHaveLength(2);
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ recoveryCodesLeft: RECOVERY_CODE_COUNT - 2 });
    expect(await spendSecondStepCode(prisma, await row(actor.id), recoveryCodes[0]!)).toBeNull();
  });

  it("new recovery codes replace the old, with a current code", async () => {
    const { actor, recoveryCodes } = await withTwoStep();
    expect((await refusal(renewRecoveryCodes(prisma, actor, "000000"))).fields).toHaveProperty("code");
    const { recoveryCodes: renewed } = await renewRecoveryCodes(prisma, actor, recoveryCodes[0]!);
    expect(renewed).toHaveLength(RECOVERY_CODE_COUNT);
    expect(renewed.filter((code) => recoveryCodes.includes(code))).toEqual([]);
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ recoveryCodesLeft: RECOVERY_CODE_COUNT });
    expect(await checkSecondStep(prisma, ip("renewed"), await ticketFor(actor.email, "renewed"), recoveryCodes[1]!)).toMatchObject({ ok: false });
    expect(await checkSecondStep(prisma, ip("renewed"), await ticketFor(actor.email, "renewed"), renewed[1]!)).toMatchObject({ ok: true });
    expect(await actions(actor.id)).toContain("user.recovery_codes_renewed");
  });

  it("codes typed on the profile are limited: a stolen session cannot try codes until one fits", async () => {
    const { actor, secret } = await withTwoStep();
    for (let i = 0; i < profileCodeLimit.max; i++) await refusal(turnOffTwoStep(prisma, actor, String(200000 + i)));
    const limited = await refusal(turnOffTwoStep(prisma, actor, await nextCode(secret, actor.id)));
    expect(limited.code).toBe("rate_limited");
    expect((await refusal(renewRecoveryCodes(prisma, actor, await nextCode(secret, actor.id)))).code).toBe("rate_limited");
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ enabled: true });
  });

  it("an admin turns it off for another member; nobody else can, and not for themselves", async () => {
    const { actor } = await withTwoStep();
    const admin = await member("ADMIN");
    const editor = await member("EDITOR");
    expect((await refusal(removeTwoStep(prisma, editor, actor.id))).code).toBe("forbidden");
    expect((await refusal(removeTwoStep(prisma, admin, admin.id))).code).toBe("forbidden");
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ enabled: true });
    await removeTwoStep(prisma, admin, actor.id);
    expect(await twoStepStatus(prisma, actor)).toMatchObject({ enabled: false });
    const removed = await prisma.auditLog.findFirstOrThrow({ where: { entityId: actor.id, action: "user.two_step_removed" } });
    expect(removed.actorId).toBe(admin.id);
    expect(await checkPassword(prisma, ip("removed"), actor.email, password)).toMatchObject({ ok: true });
  });
});

describe("API tokens of a member whose role requires two-step sign-in", () => {
  it("a token made before the requirement is refused until its owner sets two-step sign-in up; the list says why", async () => {
    const admin = await member("ADMIN");
    const { token, id } = await createApiToken(prisma, admin, { name: `Wire feed ${run}`, scope: "WRITE" });
    const stateOf = async (required: User["role"][]) => (await listApiTokens(prisma, admin, required)).find((t) => t.id === id)?.state;

    // Not required (yet): the token acts as its owner.
    expect(await actorFromToken(prisma, token, [])).toMatchObject({ actor: { id: admin.id, role: "ADMIN" }, scope: "WRITE", twoStepMissing: false });
    expect(await stateOf([])).toBe("active");
    const usedAt = (await prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(usedAt).not.toBeNull();

    // Admins must now sign in with two steps: the token is refused, and a refusal is not a use.
    await prisma.apiToken.update({ where: { id }, data: { lastUsedAt: null } });
    expect(await actorFromToken(prisma, token, ["ADMIN"])).toMatchObject({ actor: { id: admin.id }, twoStepMissing: true });
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    expect(await stateOf(["ADMIN"])).toBe("owner-two-step-missing");
    expect(await stateOf(["EDITOR"])).toBe("active");

    // Once they set it up, the same token works again.
    const { secret: text } = await beginTwoStep(prisma, admin, "The Dell Boys");
    await confirmTwoStep(prisma, admin, totpAt(base32Decode(text)!, new Date()));
    expect(await actorFromToken(prisma, token, ["ADMIN"])).toMatchObject({ twoStepMissing: false });
    expect(await stateOf(["ADMIN"])).toBe("active");

    // A disabled owner's token is no token at all; a revoked one neither.
    await prisma.user.update({ where: { id: admin.id }, data: { disabled: true } });
    expect(await actorFromToken(prisma, token, [])).toBeNull();
    expect(await stateOf([])).toBe("owner-disabled");
    await prisma.user.update({ where: { id: admin.id }, data: { disabled: false } });
    await revokeApiToken(prisma, admin, id);
    expect(await actorFromToken(prisma, token, [])).toBeNull();
    expect(await stateOf(["ADMIN"])).toBe("revoked");
  });
});
