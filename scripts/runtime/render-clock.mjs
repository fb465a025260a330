// What the work for the current request inside Next.js knows about its request: when it began,
// how it was answered (from a stale copy: the render is a background one), and whom to tell when
// a page render it started is done. The page caches need these to tell a render made before a
// change from one made after it (page-entry-cache.mjs, page-cache.mjs).
// Entered for every request handed to Next.js; Next.js's background (stale-while-revalidate)
// renders start inside that request, so they carry it too. Kept on globalThis: Next.js loads its
// cache handler by a path of its own, which may be a second copy of this module.
import { AsyncLocalStorage } from "node:async_hooks";

const key = Symbol.for("dellboys.render-clock");
/** @type {AsyncLocalStorage<{ startedAt: number, res?: import("node:http").ServerResponse, renderDone?: () => void }>} */
const storage = (globalThis[key] ??= new AsyncLocalStorage());

/**
 * Runs fn as the start of the work inside Next.js for the request answered by `res`.
 * `renderDone`: called each time a page render it started has been stored or thrown away
 * (page-entry-cache.mjs).
 * @param {import("node:http").ServerResponse | undefined} res
 * @param {{ now?: number, renderDone?: () => void }} [options]
 */
export function startRenderClock(res, fn, { now = Date.now(), renderDone } = {}) {
  return storage.run({ startedAt: now, res, renderDone }, fn);
}

/**
 * Whether Next.js answered the request from its stale copy (stale-while-revalidate): then the
 * render it started is a background one, which nobody waiting for the response sees.
 * @param {import("node:http").ServerResponse | undefined} res
 */
export function answeredStale(res) {
  return res?.getHeader("x-nextjs-cache") === "STALE";
}

/** The current request's clock, or undefined outside one (the build, timers). */
export function renderClock() {
  return storage.getStore();
}
