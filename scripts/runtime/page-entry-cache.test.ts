import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods.js";
import { areTagsExpired, tagsManifest } from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { afterAll, describe, expect, it } from "vitest";
import PageEntryCache, { straddledChange } from "./page-entry-cache.mjs";
import { renderClock, startRenderClock } from "./render-clock.mjs";

// Next.js's own file-system cache (memory and disk, in a temporary folder) and its own tags
// manifest, with our rule on top: what `next start` runs for pages, feeds and sitemaps.
const distDir = mkdtempSync(path.join(tmpdir(), "page-entry-cache-"));
afterAll(() => rmSync(distDir, { recursive: true, force: true }));
const cache = new PageEntryCache({ fs: nodeFs, serverDistDir: distDir, flushToDisk: true, maxMemoryCacheSize: 8 * 1024 * 1024, revalidatedTags: [], dev: false });

const ROUTE = "APP_ROUTE";
/** A route response (a feed, say) as Next.js stores it, carrying its cache tags. */
const response = (body: string, tags: string[]) => ({ kind: ROUTE, body: Buffer.from(body), status: 200, headers: { "content-type": "text/plain", "x-next-cache-tags": tags.join(",") } });
const ctx = { kind: ROUTE, cacheControl: { revalidate: 60, expire: 3600 } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function stored(key: string) {
  const entry = await cache.get(key, { kind: ROUTE, isFallback: false });
  return entry ? { body: String((entry.value as { body: Buffer }).body), lastModified: entry.lastModified } : null;
}
/** A render inside a request that began now: `during` runs while it renders, then it is stored. */
function render(key: string, body: string, tags: string[], during: () => void = () => {}) {
  return startRenderClock(async () => {
    await sleep(2);
    during();
    await sleep(2);
    await cache.set(key, response(body, tags), ctx);
  });
}

describe("the page cache keeps no render that began before a change to what it shows", () => {
  it("the request's start reaches work it starts later (what a background render is)", async () => {
    const seen = await startRenderClock(() => new Promise<number | undefined>((resolve) => setImmediate(() => setTimeout(() => resolve(renderClock()?.startedAt), 1))), { now: 1234 });
    expect(seen).toBe(1234);
    expect(renderClock()).toBeUndefined();
  });

  it("tells the request the cache tags of the entries it reads and stores, for the page cache in front", async () => {
    const key = `/route-cache/${randomUUID()}`;
    const heard: string[][] = [];
    await startRenderClock(() => cache.set(key, response("feed", ["article-lists", "settings"]), ctx), { pageTags: (tags) => heard.push(tags) });
    await startRenderClock(() => cache.get(key, { kind: ROUTE, isFallback: false }), { pageTags: (tags) => heard.push(tags) });
    await startRenderClock(() => cache.get(`/route-cache/${randomUUID()}`, { kind: ROUTE, isFallback: false }), { pageTags: (tags) => heard.push(tags) });
    expect(heard).toEqual([
      ["article-lists", "settings"],
      ["article-lists", "settings"],
    ]);
  });

  it("keeps a render when none of its tags changed while it ran", async () => {
    const key = `/route-cache/${randomUUID()}`;
    const lists = `lists-${randomUUID()}`;
    await render(key, "front page v1", [lists], () => tagsManifest.set(`other-${randomUUID()}`, { expired: Date.now() }));
    expect((await stored(key))?.body).toBe("front page v1");
  });

  it("throws away a render during which one of its tags expired: the entry from before stays, and Next.js finds it expired", async () => {
    const key = `/route-cache/${randomUUID()}`;
    const lists = `lists-${randomUUID()}`;
    await render(key, "with the story", [lists]);
    await sleep(2);
    const discarded = PageEntryCache.discarded;
    // The story is unpublished while a background render that read it is still running.
    await render(key, "with the story, rendered again", [lists, "settings"], () => tagsManifest.set(lists, { expired: Date.now() }));
    expect(PageEntryCache.discarded).toBe(discarded + 1);
    const entry = await cache.get(key, { kind: ROUTE, isFallback: false });
    // Next.js's file-system cache already reports an entry whose tags expired as missing: a render.
    expect(entry).toBeNull();
    // The next render, which began after the change, is kept.
    await render(key, "without the story", [lists]);
    expect((await stored(key))?.body).toBe("without the story");
    expect(areTagsExpired([lists], (await stored(key))!.lastModified)).toBe(false);
  });

  it("throws away a render during which one of its tags went stale (an expiry with a profile)", async () => {
    const key = `/route-cache/${randomUUID()}`;
    const tag = `article-${randomUUID()}`;
    await render(key, "v1", [tag]);
    await render(key, "v2 from before the change", [tag], () => tagsManifest.set(tag, { stale: Date.now(), expired: Date.now() + 3_600_000 }));
    expect((await stored(key))?.body).toBe("v1");
  });

  it("tells the request's clock when each render it started is done, kept or thrown away", async () => {
    const key = `/route-cache/${randomUUID()}`;
    const tag = `t-${randomUUID()}`;
    let done = 0;
    const renderDone = () => done++;
    await startRenderClock(() => cache.set(key, response("kept", [tag]), ctx), { renderDone });
    expect(done).toBe(1);
    await startRenderClock(async () => {
      await sleep(1);
      tagsManifest.set(tag, { expired: Date.now() });
      await cache.set(key, response("thrown away", [tag]), ctx);
    }, { renderDone });
    expect(done).toBe(2);
    expect(await stored(key)).toBeNull();
  });

  it("outside a request (the build, a timer) stores as Next.js does", async () => {
    const key = `/route-cache/${randomUUID()}`;
    const tag = `t-${randomUUID()}`;
    tagsManifest.set(tag, { expired: Date.now() });
    await sleep(2);
    await cache.set(key, response("built", [tag]), ctx);
    expect((await stored(key))?.body).toBe("built");
  });

  it("straddledChange: expiries inside the render count, earlier and future ones do not", () => {
    const manifest = new Map([
      ["before", { expired: 900 }],
      ["during", { expired: 1500 }],
      ["at-start", { expired: 1000 }],
      ["later", { stale: 900, expired: 5000 }],
    ]);
    const data = (tags: string) => ({ headers: { "x-next-cache-tags": tags } });
    expect(straddledChange(data("before,later"), 1000, manifest, 2000)).toBe(false);
    expect(straddledChange(data("before,during"), 1000, manifest, 2000)).toBe(true);
    expect(straddledChange(data("at-start"), 1000, manifest, 2000)).toBe(true);
    expect(straddledChange(data("during"), undefined, manifest, 2000)).toBe(false);
    expect(straddledChange({ headers: {} }, 1000, manifest, 2000)).toBe(false);
    expect(straddledChange(null, 1000, manifest, 2000)).toBe(false);
  });
});
