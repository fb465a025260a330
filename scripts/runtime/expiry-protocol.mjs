// The cache-expiry broadcast between instances (see src/server/invalidation-bus.ts): names and the
// relay's secret, shared by the publishing side (inside Next.js) and the relay (server.mjs).
import { createHmac } from "node:crypto";

export const EXPIRY_CHANNEL = "dellboys:expire";

/** The list an instance pushes to once it has applied broadcast `id`. */
export const ackKey = (id) => `dellboys:expire-ack:${id}`;

/** What an instance shows its own /api/internal/expire: derived from AUTH_SECRET. */
export function internalToken(secret) {
  return createHmac("sha256", secret).update("dellboys internal expire").digest("base64url");
}

/**
 * Has the Next.js of the server on `port` (this process's) apply an expiry: a request of its own,
 * where revalidateTag works. `expiry` is the JSON text of { tags, paths } (extra fields ignored).
 */
export function requestExpiry(port, secret, expiry) {
  return requestInternal(port, secret, "/api/internal/expire", expiry);
}

/** The change that forgets everything an instance cached (Next.js's caches, path statuses, page cache). */
export const FULL_EXPIRY = Object.freeze({ tags: [], paths: "all", everything: true });

/**
 * Has this instance's Next.js forget everything it cached: for an instance that may have missed
 * changes (it just started, or its Redis connection was down while others published).
 */
export function requestFullExpiry(port, secret) {
  return requestExpiry(port, secret, JSON.stringify(FULL_EXPIRY));
}

/**
 * Has this instance's Next.js apply the changes logged in the database after log id `after`
 * (null: none, only learn the newest id). Answers { last, applied }.
 */
export function requestCatchUp(port, secret, after) {
  return requestInternal(port, secret, "/api/internal/catch-up", JSON.stringify({ after }));
}

/**
 * Has this instance's Next.js publish the scheduled articles whose time has come
 * (/api/internal/go-live; every instance asks, each article is released once).
 */
export function requestGoLive(port, secret) {
  return requestInternal(port, secret, "/api/internal/go-live", "{}");
}

function requestInternal(port, secret, path, body) {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-internal-token": internalToken(secret) },
    body,
    signal: AbortSignal.timeout(30_000),
  });
}
