import "server-only";
import { randomUUID, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { prisma } from "@/server/db";
import { logEvent } from "@/server/log";
import { EXPIRY_CHANNEL, FULL_EXPIRY, ackKey, internalToken, requestExpiry } from "../../scripts/runtime/expiry-protocol.mjs";
import { createFailFastClient, within } from "../../scripts/runtime/redis.mjs";

/**
 * Transport only (what goes stale is decided in services/publishing.ts). Several instances
 * behind a load balancer each keep their own caches (Next.js's, the page
 * cache, the path-status memo). When REDIS_URL is set, a publishing change made on one instance
 * is broadcast on a Redis channel; every instance's server (scripts/runtime/server.mjs) relays it
 * to its own /api/internal/expire, which applies it (publishing.ts → applyExpiryWithFiles), and then
 * acknowledges. The instance that made the change waits for every acknowledgement (at most
 * ACK_TIMEOUT_MS) before it answers, so the editor's next request sees the change everywhere.
 *
 * Each change is also written to the database (CacheExpiry, kept LOG_KEEP_MS): an instance whose
 * Redis connection is down reads the ones after the last it saw every second (its relay calls
 * /api/internal/catch-up), so that a Redis outage delays changes on other instances by a second
 * instead of leaving them stale until Redis returns.
 */

/**
 * What a change makes stale: cache tags, paths whose status may have changed ("all": every path),
 * and deleted images (their paths, "/media/…") whose optimized copies each instance keeps on disk.
 */
export type Expiry = { tags: string[]; paths: string[] | "all" | null; everything?: boolean; images?: string[] };

const ACK_TIMEOUT_MS = 2_000;

/**
 * Commands fail at once while Redis is unreachable (no offline queue): an editor's save must not
 * wait for Redis to come back (it did, for the whole outage: bench/redis-restart.ts).
 */
async function connect(url: string) {
  const client = createFailFastClient(url, "publisher");
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
 * is logged, not thrown: the change is saved and applied here; instances that Redis does not
 * reach read it from the database's log.
 */
export async function broadcastExpiry(expiry: Expiry): Promise<void> {
  const url = env().REDIS_URL;
  if (!url) return;
  const logId = await logExpiry(expiry);
  const id = randomUUID();
  try {
    const client = await publisher(url);
    if (!client.isReady) throw new Error("redis is not connected");
    const receivers = await within(client.publish(EXPIRY_CHANNEL, JSON.stringify({ id, logId, ...expiry })), ACK_TIMEOUT_MS, "redis publish");
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

/** How long a change stays in the database's log: far longer than any instance polls without reading it. */
const LOG_KEEP_MS = 10 * 60_000;

/**
 * Writes a change to the log (its id goes with the broadcast, so that a relay knows how far it
 * has seen the log), and drops what is older than LOG_KEEP_MS. Failures are logged: null.
 */
async function logExpiry(expiry: Expiry): Promise<number | null> {
  try {
    const { id } = await prisma.cacheExpiry.create({ data: { expiry }, select: { id: true } });
    if (id % 100 === 0) await prisma.cacheExpiry.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - LOG_KEEP_MS) } } });
    return id;
  } catch (error) {
    logEvent("error", "cache expiry: not written to the database's log", { error: (error as Error).message });
    return null;
  }
}

/**
 * The changes logged after `after` (a log id), merged into one expiry (null when there are none),
 * and the newest id, to pass next time. `after` null: nothing, only the newest id (where a relay
 * starts reading). Also when `after` is older than the log keeps (the instance was cut off for
 * longer): everything, since changes may have been dropped unread.
 */
export async function loggedExpiriesAfter(after: number | null): Promise<{ last: number; expiry: Expiry | null }> {
  const newest = await prisma.cacheExpiry.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const last = newest?.id ?? 0;
  if (after === null || after >= last) return { last: Math.max(last, after ?? 0), expiry: null };
  const oldest = await prisma.cacheExpiry.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
  if (!oldest || oldest.id > after + 1) return { last, expiry: FULL_EXPIRY };
  const rows = await prisma.cacheExpiry.findMany({ where: { id: { gt: after, lte: last } }, orderBy: { id: "asc" }, select: { expiry: true } });
  return { last, expiry: mergeExpiries(rows.map((r) => r.expiry as Expiry)) };
}

/** One expiry doing what each of `expiries` does. */
export function mergeExpiries(expiries: Expiry[]): Expiry | null {
  if (expiries.length === 0) return null;
  const tags = new Set<string>();
  const paths = new Set<string>();
  const images = new Set<string>();
  let allPaths = false;
  let anyPaths = false;
  let everything = false;
  for (const e of expiries) {
    for (const tag of e.tags) tags.add(tag);
    if (e.paths === "all") allPaths = true;
    else if (e.paths) for (const p of e.paths) paths.add(p);
    if (e.paths !== null) anyPaths = true;
    if (e.everything) everything = true;
    for (const image of e.images ?? []) images.add(image);
  }
  return {
    tags: [...tags],
    paths: allPaths ? "all" : anyPaths ? [...paths] : null,
    ...(everything ? { everything } : {}),
    ...(images.size ? { images: [...images] } : {}),
  };
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

/**
 * The answer for a request to an /api/internal route that does not come from this instance's own
 * server (relay, go-live timer): a 404, as if the route did not exist. Null for one that does.
 */
export function refuseUnlessInternal(request: Request): Response | null {
  if (isInternalToken(request.headers.get("x-internal-token"), env().AUTH_SECRET)) return null;
  return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
}

/** Whether a request to an /api/internal route comes from this instance's own server. */
export function isInternalToken(given: string | null, secret: string | undefined): boolean {
  if (!given || !secret) return false;
  const expected = Buffer.from(internalToken(secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
