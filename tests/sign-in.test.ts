import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { hashPassword } from "@/server/services/passwords";
import { hit } from "@/server/services/rate-limit";
import { checkPassword, recentSignIns, recordSignIn, signInLimits } from "@/server/services/sign-in";

// Password sign-in against the real database: limits per address and per account, shared by
// every instance because they live in the database; one answer for unknown and wrong.

const run = Math.random().toString(36).slice(2, 8);
const email = `signin-${run}@dellboys.example`;
const password = "correct horse battery staple";

/** The audit log's entries about one user, oldest first. */
const auditOf = (userId: string) =>
  prisma.auditLog.findMany({ where: { entityId: userId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, details: true } });

afterAll(async () => {
  const users = await prisma.user.findMany({ where: { email: { contains: run } }, select: { id: true } });
  await prisma.auditLog.deleteMany({ where: { entityId: { in: users.map((u) => u.id) } } });
  await prisma.user.deleteMany({ where: { email: { contains: run } } });
  await prisma.rateLimit.deleteMany({ where: { key: { contains: run } } });
});

describe("checkPassword", () => {
  it("signs in with the right password, and says the same for a wrong password and an unknown email", async () => {
    await prisma.user.create({ data: { email, name: `Sign In ${run}`, slug: `sign-in-${run}`, role: "AUTHOR", passwordHash: await hashPassword(password) } });
    const ok = await checkPassword(prisma, `ip-ok-${run}`, ` ${email.toUpperCase()} `, password);
    expect(ok).toMatchObject({ ok: true, user: { email } });
    expect(await checkPassword(prisma, `ip-a-${run}`, email, "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkPassword(prisma, `ip-b-${run}`, `nobody-${run}@dellboys.example`, "wrong")).toEqual({ ok: false, reason: "invalid" });
  });

  it("puts a sign-in in the audit log, by the one signing in, with how and from where; a failure is not one", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    await prisma.auditLog.deleteMany({ where: { entityId: user.id } });
    expect(await checkPassword(prisma, `ip-audit-${run}`, email, "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await auditOf(user.id)).toEqual([]);
    expect(await checkPassword(prisma, `ip-audit-${run}`, email, password)).toMatchObject({ ok: true });
    expect(await auditOf(user.id)).toEqual([{ action: "user.sign_in", actorId: user.id, details: { method: "password", ip: `ip-audit-${run}` } }]);
    // OAuth sign-ins come through the same record, named by provider, without an address.
    await recordSignIn(prisma, user.id, "github");
    expect((await auditOf(user.id)).at(-1)).toEqual({ action: "user.sign_in", actorId: user.id, details: { method: "github" } });
  });

  it("locks an account after its failures, from any address, and the right password does not get through", async () => {
    const target = `locked-${run}@dellboys.example`;
    const user = await prisma.user.create({ data: { email: target, name: `Locked ${run}`, slug: `locked-${run}`, passwordHash: await hashPassword(password) } });
    for (let i = 0; i < signInLimits.perAccount.max; i++) await checkPassword(prisma, `ip-spread-${run}-${i}`, target, `guess-${i}`);
    const blocked = await checkPassword(prisma, `ip-fresh-${run}`, target, password);
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(blocked.ok === false && blocked.reason === "rate_limited" && blocked.retryAfterSeconds).toBeGreaterThan(0);
    // The lock is on the record once, from the failure that set it, and no sign-in is.
    const last = signInLimits.perAccount.max - 1;
    expect(await auditOf(user.id)).toEqual([
      {
        action: "user.sign_in_locked",
        actorId: null,
        details: { ip: `ip-spread-${run}-${last}`, failures: signInLimits.perAccount.max, minutes: signInLimits.perAccount.windowMs / 60_000 },
      },
    ]);
    await prisma.auditLog.deleteMany({ where: { entityId: user.id } });
    await prisma.user.deleteMany({ where: { email: target } });
  });

  it("records nothing for guesses at an email that has no account", async () => {
    const since = new Date();
    const nobody = `nobody-locked-${run}@dellboys.example`;
    for (let i = 0; i < signInLimits.perAccount.max + 1; i++) await checkPassword(prisma, `ip-nobody-${run}-${i}`, nobody, `guess-${i}`);
    expect(await checkPassword(prisma, `ip-nobody-${run}-x`, nobody, "guess")).toMatchObject({ ok: false, reason: "rate_limited" });
    const entries = await prisma.auditLog.findMany({ where: { action: { startsWith: "user.sign_in" }, createdAt: { gte: since } }, select: { details: true } });
    expect(entries.filter((e) => JSON.stringify(e.details).includes(`ip-nobody-${run}`))).toEqual([]);
  });

  it("limits one address across many accounts", async () => {
    const ip = `ip-spray-${run}`;
    for (let i = 0; i < signInLimits.perIp.max; i++) await hit(prisma, `signin:ip:${ip}`, signInLimits.perIp);
    const result = await checkPassword(prisma, ip, email, password);
    expect(result).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("counts concurrent failures without losing any", async () => {
    const key = `signin:ip:concurrent-${run}`;
    await Promise.all(Array.from({ length: 20 }, () => hit(prisma, key, { max: 100, windowMs: 60_000 })));
    expect((await prisma.rateLimit.findUnique({ where: { key } }))?.count).toBe(20);
  });

  it("starts a new window once the old one has run out", async () => {
    const key = `signin:ip:window-${run}`;
    const limit = { max: 2, windowMs: 1_000 };
    const t0 = Date.now();
    await hit(prisma, key, limit, t0);
    expect((await hit(prisma, key, limit, t0 + 10)).limited).toBe(true);
    expect(await hit(prisma, key, limit, t0 + 2_000)).toMatchObject({ count: 1, limited: false });
  });
});

describe("recentSignIns", () => {
  it("lists a member's sign-ins and lock-outs, newest first, with how and from where; nobody else's", async () => {
    const target = `recent-${run}@dellboys.example`;
    const user = await prisma.user.create({ data: { email: target, name: `Recent ${run}`, slug: `recent-${run}`, passwordHash: await hashPassword(password) } });
    expect(await recentSignIns(prisma, user.id)).toEqual([]);
    expect(await checkPassword(prisma, `ip-recent-1-${run}`, target, password)).toMatchObject({ ok: true });
    for (let i = 0; i < signInLimits.perAccount.max; i++) await checkPassword(prisma, `ip-recent-2-${run}`, target, `guess-${i}`);
    await recordSignIn(prisma, user.id, "github");
    const events = await recentSignIns(prisma, user.id);
    expect(events.map(({ at: _at, ...event }) => event)).toEqual([
      { kind: "signed_in", method: "github", ip: null },
      { kind: "locked", ip: `ip-recent-2-${run}`, failures: signInLimits.perAccount.max },
      { kind: "signed_in", method: "password", ip: `ip-recent-1-${run}` },
    ]);
    expect(events[0]!.at.getTime()).toBeGreaterThanOrEqual(events[2]!.at.getTime());
    expect(await recentSignIns(prisma, user.id, 1)).toHaveLength(1);
    // Another member's page shows none of these.
    const other = await prisma.user.create({ data: { email: `recent-other-${run}@dellboys.example`, name: `Other ${run}`, slug: `recent-other-${run}` } });
    expect(await recentSignIns(prisma, other.id)).toEqual([]);
  });
});
