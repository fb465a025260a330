// Next.js's page (ISR) cache (next.config.ts `cacheHandler`): its own file-system cache, except
// that a render which began before a change to what it shows is not kept.
//
// Next.js stamps a page entry with the time it is stored, and compares that with its tags'
// expiries. A render that began before an expiry and ended after it (a background
// stale-while-revalidate render straddling a publication) was therefore stored as if it were
// newer than the change, and served until the next expiry: CI saw an unpublished story on the
// front page 0.8 s after the unpublish. Now `set` looks at when the render's request began
// (render-clock.mjs): if one of the entry's tags expired or went stale since, the render is thrown
// away and the entry from before stays, expired, so the next request renders afresh.
//
// Every render, not only background ones. A narrower version (background renders only: the page
// cache holds a page's requests behind a render a reader waits for, and expires it again after)
// let CI see a cleared banner on the front page at the next request: a render that nothing holds
// for (a staff page's router prefetch of "/", most likely) was stored after the change. The price,
// while changes come every half second (bench/breaking-news.ts): 248 renders thrown away in 30 s,
// 108–112 against 136–184 req/s for the build before.
import fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import nextTags from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { renderClock } from "./render-clock.mjs";

const FileSystemCache = fileSystemCache.default ?? fileSystemCache;
const TAGS_HEADER = "x-next-cache-tags";

export default class PageEntryCache extends FileSystemCache {
  /** Renders not kept because they straddled a change, in this process (for tests and stats). */
  static discarded = 0;

  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    reportTags(entry?.value);
    return entry;
  }

  async set(key, data, ctx) {
    const clock = renderClock();
    reportTags(data);
    try {
      if (straddledChange(data, clock?.startedAt)) PageEntryCache.discarded++;
      else await super.set(key, data, ctx);
    } finally {
      // The page cache in front counts a background render as inside Next.js until now.
      clock?.renderDone?.();
    }
  }
}

/**
 * Tells the page cache in front (through the request's render clock) the cache tags of a page
 * entry Next.js read or stored for the request, so that a change to other tags leaves the page
 * kept there (page-cache.mjs). A page whose entry carries no tags is never reported: unknown, it
 * is forgotten at every change.
 * @param {{ headers?: Record<string, unknown> } | null | undefined} value
 */
function reportTags(value) {
  const header = value?.headers?.[TAGS_HEADER];
  if (typeof header === "string" && header !== "") renderClock()?.pageTags?.(header.split(","));
}

/**
 * Whether an entry rendered from `startedAt` until now may show what a tag's expiry since has
 * changed: a page or route response whose tags expired or went stale after the render began.
 * @param {{ headers?: Record<string, unknown> } | null | undefined} data
 * @param {number | undefined} startedAt
 */
export function straddledChange(data, startedAt, tagsManifest = nextTags.tagsManifest, now = Date.now()) {
  const header = data?.headers?.[TAGS_HEADER];
  if (startedAt === undefined || typeof header !== "string") return false;
  return header.split(",").some((tag) => {
    const state = tagsManifest.get(tag);
    return [state?.expired, state?.stale].some((at) => typeof at === "number" && at >= startedAt && at <= now);
  });
}
