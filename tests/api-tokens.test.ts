import { afterAll, describe, expect, it } from "vitest";
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { prisma } from "@/server/db";
import { actorFromToken, countTokensExpiringSoon, createApiToken, listApiTokens, revokeApiToken } from "@/server/services/api-tokens";
import { ServiceError } from "@/server/services/errors";
import type { Actor } from "@/server/services/permissions";

// API tokens that expire, against the real database: the chosen lifetime, refusal from the
// expiry on, the list's state, and lifetimes that are refused without saving anything.

const run = Math.random().toString(36).slice(2, 8);
const DAY = 86_400_000;

afterAll(async () => {
  const users = await prisma.user.findMany({ where: { email: { contains: run } }, select: { id: true } });
  await prisma.auditLog.deleteMany({ where: { actorId: { in: users.map((u) => u.id) } } });
  await prisma.user.deleteMany({ where: { email: { contains: run } } });
});

let admins = 0;
async function admin(): Promise<Actor> {
  const n = ++admins;
  const user = await prisma.user.create({ data: { email: `tokens-${n}-${run}@dellboys.example`, name: `Token Admin ${n} ${run}`, slug: `token-admin-${n}-${run}`, role: "ADMIN" } });
  return { id: user.id, role: user.role, name: user.name };
}

describe("API tokens that expire", () => {
  it("a token made to last 30 days works until then and is refused from then on; the list says it expired", async () => {
    const actor = await admin();
    const now = new Date("2026-12-07T12:00:00Z");
    const made = await createApiToken(prisma, actor, { name: `Importer ${run}`, scope: "WRITE", expiresInDays: 30 }, now);
    expect(made.expiresAt?.toISOString()).toBe("2027-01-06T12:00:00.000Z");
    const lasting = await createApiToken(prisma, actor, { name: `Archive bot ${run}`, scope: "READ", expiresInDays: null }, now);
    expect(lasting.expiresAt).toBeNull();

    const justBefore = new Date(made.expiresAt!.getTime() - 1000);
    expect(await actorFromToken(prisma, made.token, [], justBefore)).toMatchObject({ actor: { id: actor.id }, scope: "WRITE" });
    expect(await actorFromToken(prisma, made.token, [], made.expiresAt!)).toBeNull();
    const stateAt = async (at: Date) => Object.fromEntries((await listApiTokens(prisma, actor, [], at)).filter((t) => t.name.endsWith(run)).map((t) => [t.name, t.state]));
    expect(await stateAt(justBefore)).toEqual({ [`Importer ${run}`]: "active", [`Archive bot ${run}`]: "active" });
    expect(await stateAt(made.expiresAt!)).toEqual({ [`Importer ${run}`]: "expired", [`Archive bot ${run}`]: "active" });

    // One without an expiry works years later.
    expect(await actorFromToken(prisma, lasting.token, [], new Date(now.getTime() + 20 * 365 * DAY))).toMatchObject({ scope: "READ" });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityId: made.id, action: "api_token.create" } });
    expect(entry.details).toMatchObject({ expiresAt: "2027-01-06T12:00:00.000Z" });
  });

  it("the form's and the API's lifetimes: a number of days, or none; anything else is named at the field, and nothing is made", async () => {
    const parse = (expiresInDays: unknown) => apiTokenCreateSchema.safeParse({ name: "x", ...(expiresInDays === undefined ? {} : { expiresInDays }) });
    expect(parse(undefined).data?.expiresInDays).toBeNull();
    expect(parse("never").data?.expiresInDays).toBeNull();
    expect(parse(null).data?.expiresInDays).toBeNull();
    expect(parse("90").data?.expiresInDays).toBe(90);
    expect(parse(365).data?.expiresInDays).toBe(365);
    for (const bad of [0, -1, 1.5, 3651, "soon", "9e2", true]) {
      const result = parse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["expiresInDays"]);
    }

    const actor = await admin();
    for (const bad of [0, 1.5, 3651]) {
      const error = await createApiToken(prisma, actor, { name: `Bad ${run}`, scope: "READ", expiresInDays: bad }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).fields).toHaveProperty("expiresInDays");
    }
    expect(await prisma.apiToken.count({ where: { userId: actor.id } })).toBe(0);
  });

  it("a working token within 14 days of its expiry is pointed out with the days left, and counted for the admins' notice", async () => {
    // Far in the future, where no other test's token expires: the count is this test's alone.
    const actor = await admin();
    const start = new Date("2090-01-01T00:00:00Z");
    const make = (name: string, expiresInDays: number | null) => createApiToken(prisma, actor, { name: `${name} ${run}`, scope: "READ", expiresInDays }, start);
    await make("Monthly", 30);
    await make("Ten days", 10);
    await make("Forever", null);
    const revoked = await make("Revoked", 5);
    await revokeApiToken(prisma, actor, revoked.id);
    const gone = await admin();
    await createApiToken(prisma, gone, { name: `Disabled owner ${run}`, scope: "READ", expiresInDays: 7 }, start);
    await prisma.user.update({ where: { id: gone.id }, data: { disabled: true } });

    const at = async (at: Date) => ({
      days: Object.fromEntries((await listApiTokens(prisma, actor, [], at)).filter((t) => [actor.name, gone.name].includes(t.user.name)).map((t) => [t.name.replace(` ${run}`, ""), t.expiringInDays])),
      count: await countTokensExpiringSoon(prisma, actor, at),
    });
    expect(await at(start)).toEqual({ days: { Monthly: null, "Ten days": 10, Forever: null, Revoked: null, "Disabled owner": null }, count: 1 });
    // 17 days on: the monthly one has 13 days left; the ten-day one has expired (the list says so).
    expect(await at(new Date(start.getTime() + 17 * DAY))).toEqual({ days: { Monthly: 13, "Ten days": null, Forever: null, Revoked: null, "Disabled owner": null }, count: 1 });
    // Hours before the expiry count as a day; from the expiry on, nothing is left to point out.
    expect((await at(new Date(start.getTime() + 29.5 * DAY))).days.Monthly).toBe(1);
    expect(await at(new Date(start.getTime() + 30 * DAY))).toMatchObject({ days: { Monthly: null }, count: 0 });
    // Anyone but an admin is told nothing.
    expect(await countTokensExpiringSoon(prisma, { ...actor, role: "EDITOR" }, start)).toBe(0);
  });
});
