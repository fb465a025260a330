// The 'use cache' computations under way in this process, and when each began.
//
// Next.js 16.4.6 lets a 'use cache' call join the same computation already under way for another
// request (`crossRequestPendingCacheInvocations` in use-cache-wrapper.js) without checking tag
// expiries and without asking our handler. A computation that read the database before a change
// and is still under way when Next.js applies the change's expiry therefore hands the old value
// to requests that began after the change. CI saw it twice: the old editors' picks on a front
// page, and a cleared breaking-news banner on the front page at the next request (2026-12-02).
//
// The cache handler (cache-handler.mjs) counts a computation from its lookup that missed until its
// new entry is stored, which is when Next.js stops letting other requests join it. The
// page cache (page-cache.mjs) holds every request that arrives after an expiry until the
// computations that began before it are done, so that whatever such a request joins began after
// the change. Kept on globalThis: Next.js loads the cache handler by a path of its own, which may
// be a second copy of this module.
import { logEvent } from "./log.mjs";

/**
 * @param {{ maxComputationMs?: number }} [options] `maxComputationMs`: a computation not reported
 * done by then (a render that failed before Next.js stored anything) is no longer counted.
 */
export function createComputations({ maxComputationMs = 10_000 } = {}) {
  let nextId = 0;
  /** @type {Map<number, number>} computation → when it began */
  const running = new Map();
  /** @type {Set<() => void>} */
  const waiters = new Set();
  const counters = { begun: 0, timedOut: 0 };

  // After the current microtasks: Next.js lets go of a finished computation a few promise
  // callbacks after our handler's part in it is done, and nobody must be let in before that.
  const wake = () => waiters.size && setImmediate(() => waiters.forEach((check) => check()));

  const runningSince = (time) => {
    for (const began of running.values()) if (began <= time) return true;
    return false;
  };

  return {
    /** A computation begins now; call the function returned (once or more) when it is done. `what` names it in the warning. */
    begin(what = "") {
      const id = nextId++;
      counters.begun++;
      running.set(id, Date.now());
      const timer = setTimeout(() => {
        counters.timedOut++;
        logEvent("warn", "use cache: a computation was not reported done; it is no longer waited for", { what, waitedMs: maxComputationMs });
        done();
      }, maxComputationMs);
      timer.unref();
      function done() {
        if (!running.delete(id)) return;
        clearTimeout(timer);
        wake();
      }
      return done;
    },

    /** Whether a computation that began at or before `time` (ms since the epoch) is still under way. */
    runningSince,

    /**
     * Resolves true once no computation that began at or before `time` is under way (at once if
     * none is), false after `maxWaitMs` if one still is.
     */
    settled(time, maxWaitMs) {
      if (!runningSince(time)) return Promise.resolve(true);
      return new Promise((resolve) => {
        const check = () => {
          if (runningSince(time)) return;
          finish(true);
        };
        const timer = setTimeout(() => finish(false), maxWaitMs);
        timer.unref();
        function finish(settled) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(settled);
        }
        waiters.add(check);
      });
    },

    stats: () => ({ ...counters, running: running.size }),
  };
}

const key = Symbol.for("dellboys.use-cache-computations");

/** This process's computations: the cache handler reports them, the page cache waits for them. */
export const computations = (globalThis[key] ??= createComputations());
