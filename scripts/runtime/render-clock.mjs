// What the work for the current request inside Next.js knows about its request: when it began,
// whom to tell when a page render it started is done, and whom to tell its page's cache tags. The
// page caches need the first two to tell a render made before a change from one made after it,
// and the tags to forget only the pages a change touched (page-entry-cache.mjs, page-cache.mjs).
// Entered for every request handed to Next.js; Next.js's background (stale-while-revalidate)
// renders start inside that request, so they carry it too. Kept on globalThis: Next.js loads its
// cache handler by a path of its own, which may be a second copy of this module.
import { AsyncLocalStorage } from "node:async_hooks";

const key = Symbol.for("dellboys.render-clock");
/** @type {AsyncLocalStorage<{ startedAt: number, renderDone?: () => void, pageTags?: (tags: string[]) => void }>} */
const storage = (globalThis[key] ??= new AsyncLocalStorage());

/**
 * Runs fn as the start of a request's work inside Next.js. `renderDone`: called each time a
 * page render it started has been stored or thrown away; `pageTags`: with the cache tags of each
 * page entry Next.js reads or stores for it (page-entry-cache.mjs).
 * @param {{ now?: number, renderDone?: () => void, pageTags?: (tags: string[]) => void }} [options]
 */
export function startRenderClock(fn, { now = Date.now(), renderDone, pageTags } = {}) {
  return storage.run({ startedAt: now, renderDone, pageTags }, fn);
}

/** The current request's clock, or undefined outside one (the build, timers). */
export function renderClock() {
  return storage.getStore();
}
