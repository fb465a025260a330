import { afterAll, describe, expect, it, vi } from "vitest";

// broadcastExpiry logs changes only where there are several instances (REDIS_URL set); env() reads
// the environment once, so it is set before anything is imported.
vi.hoisted(() => {
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
});

const { prisma } = await import("../src/server/db.ts");
const { broadcastExpiry, loggedExpiriesAfter, mergeExpiries } = await import("../src/server/invalidation-bus.ts");

const written: number[] = [];
afterAll(async () => {
  await prisma.cacheExpiry.deleteMany({ where: { id: { in: written } } });
});

async function newestId() {
  return (await prisma.cacheExpiry.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0;
}

describe("the database's log of publishing changes (for instances cut off from Redis)", () => {
  it("keeps every broadcast change, and hands over those after a given id merged into one", async () => {
    const start = (await loggedExpiriesAfter(null)).last;
    expect(start).toBe(await newestId());
    await broadcastExpiry({ tags: ["article:log-a", "lists"], paths: ["/politics/log-a"] });
    await broadcastExpiry({ tags: ["article:log-b", "lists"], paths: null });
    const rows = await prisma.cacheExpiry.findMany({ where: { id: { gt: start } }, orderBy: { id: "asc" } });
    written.push(...rows.map((r) => r.id));
    expect(rows.map((r) => r.expiry)).toEqual(
      expect.arrayContaining([
        { tags: ["article:log-a", "lists"], paths: ["/politics/log-a"] },
        { tags: ["article:log-b", "lists"], paths: null },
      ]),
    );

    const { last, expiry } = await loggedExpiriesAfter(start);
    expect(last).toBe(await newestId());
    expect(expiry?.tags).toEqual(expect.arrayContaining(["article:log-a", "article:log-b", "lists"]));
    expect(expiry?.paths).toEqual(expect.arrayContaining(["/politics/log-a"]));
    expect(expiry?.everything).toBeUndefined();

    // Read up to date: nothing more until the next change.
    expect(await loggedExpiriesAfter(last)).toEqual({ last, expiry: null });
    await broadcastExpiry({ tags: ["article:log-c"], paths: "all" });
    const next = await loggedExpiriesAfter(last);
    written.push(next.last);
    expect(next.expiry).toMatchObject({ tags: ["article:log-c"], paths: "all" });
  });

  it("gives 'everything' to a reader whose place in the log was already dropped", async () => {
    const row = await prisma.cacheExpiry.create({ data: { expiry: { tags: ["article:log-d"], paths: null } } });
    written.push(row.id);
    // The log dropped everything older (it keeps 10 minutes) while a reader last saw an id two
    // before: it may have missed a change, so it forgets everything. (Only this file writes the log.)
    const reader = row.id - 2;
    await prisma.cacheExpiry.deleteMany({ where: { id: { lt: row.id } } });
    const { expiry } = await loggedExpiriesAfter(reader);
    expect(expiry).toEqual({ tags: [], paths: "all", everything: true });
  });

  it("merges changes: every tag once, paths 'all' over a list, null only when none names paths", () => {
    expect(mergeExpiries([])).toBeNull();
    expect(mergeExpiries([{ tags: ["a"], paths: null }, { tags: ["a", "b"], paths: null }])).toEqual({ tags: ["a", "b"], paths: null });
    expect(mergeExpiries([{ tags: [], paths: ["/x"] }, { tags: [], paths: ["/x", "/y"] }, { tags: [], paths: null }])).toEqual({ tags: [], paths: ["/x", "/y"] });
    expect(mergeExpiries([{ tags: [], paths: ["/x"] }, { tags: [], paths: "all" }])).toEqual({ tags: [], paths: "all" });
    expect(mergeExpiries([{ tags: [], paths: null }, { tags: [], paths: "all", everything: true }])).toEqual({ tags: [], paths: "all", everything: true });
  });

  it("merges deleted images: each once, none when no change names one", () => {
    const deleted = [{ tags: [], paths: null, images: ["/media/a.png"] }, { tags: ["t"], paths: null }, { tags: [], paths: null, images: ["/media/b.png", "/media/a.png"] }];
    expect(mergeExpiries(deleted)).toEqual({ tags: ["t"], paths: null, images: ["/media/a.png", "/media/b.png"] });
    expect(mergeExpiries([{ tags: ["t"], paths: null }])).not.toHaveProperty("images");
  });
});
