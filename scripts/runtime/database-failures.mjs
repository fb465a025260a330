// Requests whose render failed because the database could not be reached, by request id: Next.js
// reports each failure to src/instrumentation.ts (onRequestError), and the server (server.mjs)
// asks here once the page is written, to answer 503 with Retry-After instead of 500: a temporary
// condition, as the API answers it, not a fault of the page. Both run in one process; the
// registry lives on globalThis because Next.js loads its own copy of this module. Next.js reports
// an error without waiting for the report (it loads the hook on the way), so the report can come
// just after the failed page is written: the server waits a little for it.
// Plain JavaScript, like the server.

/** What a 503 for want of the database asks a client to wait, pages and API alike. */
export const RETRY_AFTER_SECONDS = 5;

const REGISTRY = Symbol.for("dellboys.database-failures");
/** A mark nobody asked for (an API call, an action, a streamed page) is dropped after this. */
const KEPT_MS = 60_000;

/** @returns {Map<string, number>} request id → when it was marked, oldest first */
function registry() {
  return (globalThis[REGISTRY] ??= new Map());
}

/**
 * Notes that request `id` failed for want of the database.
 * @param {string | undefined} id
 * @param {number} [now]
 */
export function markDatabaseFailure(id, now = Date.now()) {
  if (!id) return;
  const marks = registry();
  for (const [old, at] of marks) {
    if (now - at < KEPT_MS) break;
    marks.delete(old);
  }
  marks.delete(id);
  marks.set(id, now);
}

/**
 * Whether request `id` was marked (the mark is taken: asked once).
 * @param {string | undefined} id
 * @returns {boolean}
 */
export function takeDatabaseFailure(id) {
  return id ? registry().delete(id) : false;
}

/**
 * Whether request `id` was marked, waiting up to `waitMs` for the mark (taken if found).
 * @param {string | undefined} id
 * @param {number} [waitMs]
 * @returns {Promise<boolean>}
 */
export async function awaitDatabaseFailure(id, waitMs = 250) {
  const until = Date.now() + waitMs;
  for (;;) {
    if (takeDatabaseFailure(id)) return true;
    if (!id || Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
