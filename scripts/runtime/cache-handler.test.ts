import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createSharedCacheHandler, type TagState } from "./cache-handler.mjs";
import { createComputations, type Computations } from "./computations.mjs";

// Two "instances" (two handlers, each with its own tags manifest, as two processes have) on the
// Redis this machine runs (TEST_REDIS_URL). Keys are prefixed per run, so nothing else is touched.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test-${randomUUID()}:`;
const handlers: ReturnType<typeof createSharedCacheHandler>[] = [];
function instance(options: { redisUrl?: string; maxLocalBytes?: number; onExpired?: (applyAgain: () => void) => void; computations?: Computations } = { redisUrl: REDIS_URL }) {
  const manifest = new Map<string, TagState>();
  const handler = createSharedCacheHandler({ keyPrefix: prefix, tagsManifest: manifest, ...options });
  handlers.push(handler);
  return { handler, manifest };
}
afterAll(async () => Promise.all(handlers.map((h) => h.close())));

const text = (s: string) => new TextEncoder().encode(s);
function entry(value: string, { tags = ["t"], timestamp = Date.now(), revalidate = 60, expire = 300 } = {}) {
  return { value: new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(text(value)), c.close()) }), tags, stale: 30, timestamp, expire, revalidate };
}
async function read(handler: ReturnType<typeof createSharedCacheHandler>, key: string) {
  const found = await handler.get(key, []);
  return found ? { ...found, text: await new Response(found.value).text() } : undefined;
}
/** Redis connects in the background: wait until a write from `handler` is visible to `other`. */
async function connected(handler: ReturnType<typeof createSharedCacheHandler>, other: ReturnType<typeof createSharedCacheHandler>) {
  const key = `probe-${randomUUID()}`;
  for (let i = 0; i < 50; i++) {
    await handler.set(key, Promise.resolve(entry("probe")));
    if (await read(other, key)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Redis at ${REDIS_URL} is not reachable`);
}

describe("the shared 'use cache' handler", () => {
  it("serves a value computed on one instance to another, and each read gets its own stream", async () => {
    const a = instance(), b = instance();
    await connected(a.handler, b.handler);
    await a.handler.set("k1", Promise.resolve(entry("front page data", { tags: ["lists"] })));
    const first = await read(b.handler, "k1");
    expect(first).toMatchObject({ text: "front page data", tags: ["lists"], revalidate: 60, expire: 300 });
    expect((await read(b.handler, "k1"))?.text).toBe("front page data");
  });

  it("an expiry on one instance is honoured by the other from its next request on", async () => {
    const a = instance(), b = instance();
    await connected(a.handler, b.handler);
    await a.handler.set("k2", Promise.resolve(entry("old headline", { tags: ["article:x"] })));
    expect((await read(b.handler, "k2"))?.text).toBe("old headline"); // now also in B's own memory
    await new Promise((r) => setTimeout(r, 5));
    await a.handler.updateTags(["article:x"]);
    expect(await read(a.handler, "k2")).toBeUndefined();
    await b.handler.refreshTags(); // what Next.js does before a request's first read
    expect(await read(b.handler, "k2")).toBeUndefined();
    expect(b.manifest.get("article:x")?.expired).toBeGreaterThan(0);
    expect(await b.handler.getExpiration(["article:x", "other"])).toBe(b.manifest.get("article:x")!.expired);
  });

  it("tells the page cache of each expiry once Next.js applies it, with a way to apply it again later", async () => {
    const heard: Array<() => void> = [];
    const a = instance({ onExpired: (applyAgain) => heard.push(applyAgain) });
    await a.handler.updateTags([]);
    expect(heard).toHaveLength(0);
    await a.handler.updateTags(["front", "lists"], { expire: 0 });
    expect(heard).toHaveLength(1);
    const first = a.manifest.get("front")!.expired!;
    // A render that began before the expiry stores its result after it: applying the expiry
    // again moves it past that result, so it is not taken for a new one.
    await new Promise((r) => setTimeout(r, 5));
    await a.handler.set("k-late", Promise.resolve(entry("rendered before the change", { tags: ["front"], timestamp: first + 1 })));
    expect((await read(a.handler, "k-late"))?.text).toBe("rendered before the change");
    heard[0]!();
    expect(a.manifest.get("front")!.expired).toBeGreaterThan(first);
    expect(a.manifest.get("lists")!.expired).toBe(a.manifest.get("front")!.expired);
    expect(await read(a.handler, "k-late")).toBeUndefined();
  });

  it("refuses a value computed before an expiry even when it is stored after it", async () => {
    const a = instance(), b = instance();
    await connected(a.handler, b.handler);
    const startedAt = Date.now() - 1000;
    await a.handler.updateTags(["lists"]);
    await b.handler.set("k3", Promise.resolve(entry("rendered before the change", { tags: ["lists"], timestamp: startedAt })));
    await b.handler.refreshTags();
    expect(await read(b.handler, "k3")).toBeUndefined();
    expect(await read(a.handler, "k3")).toBeUndefined();
  });

  it("a stale-while-revalidate expiry is served once more, marked for recomputation", async () => {
    const a = instance(), b = instance();
    await connected(a.handler, b.handler);
    await a.handler.set("k4", Promise.resolve(entry("section list", { tags: ["sections"], timestamp: Date.now() - 10 })));
    await a.handler.updateTags(["sections"], { expire: 3600 });
    await b.handler.refreshTags();
    expect(await read(b.handler, "k4")).toMatchObject({ text: "section list", revalidate: -1 });
  });

  it("keeps no dynamic values, and drops values past their revalidate time", async () => {
    const { handler } = instance();
    await handler.set("k5", Promise.resolve(entry("dynamic", { expire: 0, revalidate: 0 })));
    expect(await read(handler, "k5")).toBeUndefined();
    await handler.set("k6", Promise.resolve(entry("old", { timestamp: Date.now() - 61_000, revalidate: 60 })));
    expect(await read(handler, "k6")).toBeUndefined();
  });

  it("bounds its own memory by bytes, least recently used first", async () => {
    const { handler } = instance({ maxLocalBytes: 100 });
    await handler.set("a", Promise.resolve(entry("x".repeat(40))));
    await handler.set("b", Promise.resolve(entry("y".repeat(40))));
    await read(handler, "a"); // a is now the most recently used
    await handler.set("c", Promise.resolve(entry("z".repeat(40))));
    expect((await read(handler, "a"))?.text).toBe("x".repeat(40));
    expect(await read(handler, "b")).toBeUndefined();
    expect((await read(handler, "c"))?.text).toBe("z".repeat(40));
  });

  it("counts a lookup that misses as a computation under way until its value is stored", async () => {
    // Next.js lets other requests join a 'use cache' computation until its new entry is stored
    // (computations.mjs); the page cache waits for those. A value found is no computation.
    const computations = createComputations();
    const { handler } = instance({ computations });
    expect(await handler.get("k8", [])).toBeUndefined(); // a miss: Next.js computes the value
    expect(computations.stats().running).toBe(1);
    await handler.set("k8", Promise.resolve(entry("computed")));
    expect(computations.stats().running).toBe(0);
    expect((await read(handler, "k8"))?.text).toBe("computed");
    expect(computations.stats()).toMatchObject({ begun: 2, running: 0 });
  });

  it("misses a value made before its page's path was expired, as Next.js would discard it", async () => {
    // Next.js throws such a value away itself and computes a new one, out of the handler's sight;
    // answering a miss keeps that computation counted until it is stored.
    const computations = createComputations();
    const { handler, manifest } = instance({ computations });
    await handler.set("k9", Promise.resolve(entry("before the path expired", { timestamp: Date.now() - 10 })));
    expect(await handler.get("k9", ["_N_T_/politics"])).toBeDefined();
    manifest.set("_N_T_/politics", { expired: Date.now() });
    expect(await handler.get("k9", ["_N_T_/politics"])).toBeUndefined();
    expect(await handler.get("k9", ["_N_T_/world"])).toBeDefined(); // another page's path
    expect(computations.stats().running).toBe(1);
  });

  it("without Redis (unreachable) still caches in memory and never fails or waits", async () => {
    const { handler, manifest } = instance({ redisUrl: "redis://127.0.0.1:1" });
    const started = Date.now();
    await handler.refreshTags();
    await handler.set("k7", Promise.resolve(entry("local only")));
    expect((await read(handler, "k7"))?.text).toBe("local only");
    await new Promise((r) => setTimeout(r, 5)); // an expiry in the entry's own millisecond does not count
    await handler.updateTags(["t"]);
    expect(manifest.get("t")?.expired).toBeGreaterThan(0);
    expect(await read(handler, "k7")).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
