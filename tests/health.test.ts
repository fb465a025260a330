import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";

// The API's error mapping is under test, not sessions: Auth.js needs Next.js's request context.
vi.mock("@/server/services/session", () => ({ currentActor: async () => null }));
import { prisma } from "@/server/db";
import { checkDatabase } from "@/server/health";
import { errorResponse } from "@/server/api/handler";
import { isDatabaseUnavailable, violatedUniqueIndex } from "@/server/database-errors";
import { createPrismaClient } from "@/server/prisma-client";

// The readiness check against the real test database, a port where nothing listens, and a
// "database" that accepts connections and never answers (what a hung server looks like).

const sockets = new Set<import("node:net").Socket>();
const silent: Server = createServer((socket) => void sockets.add(socket)); // accepts, says nothing
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe("checkDatabase", () => {
  it("is ok when the database answers", async () => {
    const result = await checkDatabase(prisma);
    expect(result.ok).toBe(true);
  });

  it("says no when nothing listens", async () => {
    const client = createPrismaClient("postgresql://nobody@127.0.0.1:1/none", 1);
    const result = await checkDatabase(client, 2_000);
    expect(result.ok).toBe(false);
    await client.$disconnect();
  });

  it("says no within its time limit when the database hangs", async () => {
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const client = createPrismaClient(`postgresql://nobody@127.0.0.1:${port}/none`, 1);
    const result = await checkDatabase(client, 300);
    expect(result).toMatchObject({ ok: false, error: "no answer within 300 ms" });
    expect(result.ms).toBeLessThan(1_500);
    void client.$disconnect().catch(() => undefined);
  });
});

describe("an exhausted pool", () => {
  it("gives up on a connection within its limit, and callers get 503 with Retry-After, not a hang or a 500", async () => {
    // The test database, through a pool of one connection that waits at most 300 ms for it.
    const url = process.env.DATABASE_URL!;
    const client = createPrismaClient(url, 1, 300);
    const busy = Promise.resolve(client.$queryRaw`SELECT 1 AS slept FROM pg_sleep(1.5)`); // holds the only connection
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const error = await Promise.resolve(client.$queryRaw`SELECT 1`).then(() => null, (e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_200);
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    await busy;
    // Once the connection is free again, the same client works.
    expect(await client.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    await client.$disconnect();
  });

  it("tells an unreachable database from a bug", async () => {
    const client = createPrismaClient("postgresql://nobody@127.0.0.1:1/none", 1, 500);
    const error = await Promise.resolve(client.$queryRaw`SELECT 1`).then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x", { cause: new Error("timeout exceeded when trying to connect") }))).toBe(true);
    await client.$disconnect().catch(() => undefined);
  });
});

describe("a write a unique index refuses", () => {
  it("names the unique index a write ran into, and answers it 409 with nothing changed", async () => {
    const [tag] = await prisma.tag.findMany({ take: 1, orderBy: { slug: "asc" } });
    const error = await Promise.resolve(prisma.tag.create({ data: { slug: tag!.slug, name: "Twin" } })).then(() => null, (e: unknown) => e);
    expect(violatedUniqueIndex(error), String(error)).toBe("Tag_slug_key");
    expect(isDatabaseUnavailable(error)).toBe(false);
    const response = errorResponse(error);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "conflict", message: expect.stringMatching(/Nothing was changed/) });
    expect(await prisma.tag.count({ where: { slug: tag!.slug } })).toBe(1);
    const other = await Promise.resolve(prisma.tag.update({ where: { id: "no-such-tag" }, data: { name: "x" } })).then(() => null, (e: unknown) => e);
    expect(violatedUniqueIndex(other), String(other)).toBeNull();
    expect(violatedUniqueIndex(new Error("Unique constraint failed"))).toBeNull();
  });
});
