// A Redis connection that never makes a request wait for Redis: commands are not queued while it
// is disconnected (they fail at once), connecting gives up after a second, and it reconnects in
// the background. Shared by the 'use cache' handler (cache-handler.mjs) and the expiry broadcast
// (src/server/invalidation-bus.ts). Plain JavaScript, like the server.
import { createClient } from "redis";

/** @param {string} url */
export function createFailFastClient(url) {
  return createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 1_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) } });
}

/**
 * The promise, or a rejection after `ms`.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function within(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}
