// A Redis connection that never makes a request wait for Redis: commands are not queued while it
// is disconnected (they fail at once), connecting gives up after a second, and it reconnects in
// the background. Shared by the 'use cache' handler (cache-handler.mjs) and the expiry broadcast
// (src/server/invalidation-bus.ts). Plain JavaScript, like the server.
import { createClient } from "redis";

/**
 * @param {string} url
 * @param {string} role what the connection is for, in its name (clientName)
 */
export function createFailFastClient(url, role) {
  return createClient({ url, name: clientName(role), disableOfflineQueue: true, socket: { connectTimeout: 1_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) } });
}

/**
 * The name a connection gives itself (CLIENT SETNAME): what it is for and which instance (its
 * port) opened it, so that `CLIENT LIST` tells them apart (and a test can cut one of them).
 * @param {string} role
 */
export function clientName(role) {
  return `dellboys:${role}:${process.env.PORT ?? process.pid}`;
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
