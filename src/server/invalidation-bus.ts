import "server-only";
import { randomUUID, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { logEvent } from "@/server/log";
import { EXPIRY_CHANNEL, ackKey, internalToken, requestExpiry } from "../../scripts/runtime/expiry-protocol.mjs";
import { createFailFastClient, within } from "../../scripts/runtime/redis.mjs";

/**
 * Transport only (what goes stale is decided in services/publishing.ts). Several instances
 * behind a load balancer each keep their own caches (Next.js's, the page
 * cache, the path-status memo). When REDIS_URL is set, a publishing change made on one instance
 * is broadcast on a Redis channel; every instance's server (scripts/runtime/server.mjs) relays it
 * to its own /api/internal/expire, which applies it (publishing.ts → applyExpiry), and then
 * acknowledges. The instance that made the change waits for every acknowledgement (at most
 * ACK_TIMEOUT_MS) before it answers, so the editor's next request sees the change everywhere.
 */

/** What a change makes stale: cache tags, and paths whose status may have changed ("all": every path). */
export type Expiry = { tags: string[]; paths: string[] | "all" | null; everything?: boolean };

const ACK_TIMEOUT_MS = 2_000;

/**
 * Commands fail at once while Redis is unreachable (no offline queue): an editor's save must not
 * wait for Redis to come back (it did, for the whole outage: bench/redis-restart.ts).
 */
async function connect(url: string) {
  const client = createFailFastClient(url);
  client.on("error", (error: Error) => logEvent("error", "redis (publisher)", { error: error.message }));
  try {
    await within(client.connect(), ACK_TIMEOUT_MS, "redis connect");
  } catch (error) {
    client.destroy(); // it would go on reconnecting in the background
    throw error;
  }
  return client;
}

type Redis = Awaited<ReturnType<typeof connect>>;
const shared = globalThis as unknown as { __expiryPublisher?: Promise<Redis> };

function publisher(url: string): Promise<Redis> {
  shared.__expiryPublisher ??= connect(url).catch((error: unknown) => {
    shared.__expiryPublisher = undefined; // try again next time
    throw error;
  });
  return shared.__expiryPublisher;
}

/**
 * Tells every instance (this one included; its relay only acknowledges) and waits until all have
 * applied it. Without REDIS_URL there is one instance and nothing to do. A broadcast that fails
 * is logged, not thrown: the change is saved and applied here; other instances catch up within
 * their cache lifetimes (the page cache's 10 s, Next.js's cacheLife).
 */
export async function broadcastExpiry(expiry: Expiry): Promise<void> {
  const url = env().REDIS_URL;
  if (!url) return;
  const id = randomUUID();
  try {
    const client = await publisher(url);
    if (!client.isReady) throw new Error("redis is not connected");
    const receivers = await within(client.publish(EXPIRY_CHANNEL, JSON.stringify({ id, ...expiry })), ACK_TIMEOUT_MS, "redis publish");
    if (receivers === 0) return;
    // BLPOP holds its connection: a connection of its own for this wait.
    const waiter = client.duplicate();
    waiter.on("error", () => undefined); // reported by the publisher's own handler
    try {
      await within(waiter.connect(), ACK_TIMEOUT_MS, "redis connect");
      const deadline = Date.now() + ACK_TIMEOUT_MS;
      let acknowledged = 0;
      while (acknowledged < receivers && Date.now() < deadline) {
        const seconds = Math.max(0.01, (deadline - Date.now()) / 1000);
        if (await waiter.blPop(ackKey(id), seconds)) acknowledged++;
      }
      if (acknowledged < receivers) {
        logEvent("warn", "cache expiry: not every instance acknowledged", { receivers, acknowledged });
      }
    } finally {
      waiter.destroy();
    }
  } catch (error) {
    logEvent("error", "cache expiry broadcast failed", { error: (error as Error).message });
  }
}

const serverPort = Symbol.for("dellboys.server-port");

/**
 * Delivers an expiry to this process's Next.js through a request of its own (for work outside
 * any request, where revalidateTag does not work). Only inside the production server, which
 * registers its port; elsewhere (next dev, tests) it does nothing and says so.
 */
export async function deliverToThisInstance(expiry: Expiry): Promise<boolean> {
  const port = (globalThis as { [serverPort]?: number })[serverPort];
  const secret = env().AUTH_SECRET;
  if (!port || !secret) return false;
  const response = await requestExpiry(port, secret, JSON.stringify(expiry));
  return response.ok;
}

/** Whether a request to /api/internal/expire comes from this instance's relay. */
export function isInternalToken(given: string | null, secret: string | undefined): boolean {
  if (!given || !secret) return false;
  const expected = Buffer.from(internalToken(secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
