import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { checkDatabase } from "@/server/health";
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
