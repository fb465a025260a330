// Runs in every instance's server (server.mjs) when REDIS_URL is set: receives the cache-expiry
// broadcasts (src/server/invalidation-bus.ts), has this instance's Next.js apply each one through
// /api/internal/expire, then acknowledges it so that the instance that published can answer.
// While its Redis connection is down it reads the changes from the database's log instead
// (/api/internal/catch-up), every pollMs.
import { createClient } from "redis";
import { EXPIRY_CHANNEL, ackKey, requestCatchUp, requestExpiry, requestFullExpiry } from "./expiry-protocol.mjs";
import { logEvent as log } from "./log.mjs";

/** @param {{ redisUrl: string, port: number, secret: string, pollMs?: number }} options */
export async function startExpiryRelay({ redisUrl, port, secret, pollMs = 1_000 }) {
  const subscriber = createClient({ url: redisUrl });
  const acker = subscriber.duplicate();
  for (const client of [subscriber, acker]) client.on("error", (error) => log("error", "redis (expiry relay)", { error: error.message }));
  const changeLog = logReader(port, secret);
  const catchUp = changeLog.read;
  await Promise.all([subscriber.connect(), acker.connect()]);
  await catchUp(); // where reading the log will start
  let closed = false;
  /** @type {NodeJS.Timeout | null} */
  let polling = null;
  const stopPolling = () => {
    if (polling) clearInterval(polling);
    polling = null;
  };
  // Cut off from Redis: broadcasts no longer arrive, the database's log has them.
  const startPolling = () => {
    if (polling || closed || subscriber.isReady) return;
    log("warn", "cache expiry: redis unreachable, reading changes from the database", { everyMs: pollMs });
    polling = setInterval(() => void catchUp(), pollMs);
    polling.unref();
  };
  subscriber.on("error", startPolling);
  subscriber.on("reconnecting", startPolling);
  // Back after a lost connection (Redis restarted, the network broke): broadcasts sent meanwhile
  // never reached this instance, and the log was read up to a poll late, so it forgets everything
  // it has cached rather than serve a change it missed.
  subscriber.on("ready", () => {
    stopPolling();
    requestFullExpiry(port, secret)
      .then((response) => log(response.ok ? "info" : "error", "cache expiry: redis is back, expired everything this instance cached", { status: response.status }))
      .catch((error) => log("error", "cache expiry: could not expire after reconnecting", { error: error.message }));
    void catchUp(); // the log's newest id, for the next outage
  });
  await subscriber.subscribe(EXPIRY_CHANNEL, async (message) => {
    let id = "";
    try {
      const change = JSON.parse(message);
      id = change.id;
      if (Number.isInteger(change.logId)) changeLog.saw(change.logId);
      const response = await requestExpiry(port, secret, message);
      if (!response.ok) log("error", "cache expiry: not applied", { status: response.status });
    } catch (error) {
      log("error", "cache expiry: relay failed", { error: error.message });
    } finally {
      // Acknowledged even when it failed: the publisher must not wait for a broken instance.
      if (id) await acker.multi().rPush(ackKey(id), "1").expire(ackKey(id), 30).exec().catch(() => undefined);
    }
  });
  return {
    close: () => {
      closed = true;
      stopPolling();
      // quit() waits for a reply, which never comes while Redis is unreachable.
      return Promise.allSettled([subscriber, acker].map((c) => (c.isReady ? c.quit() : c.destroy())));
    },
  };
}

/**
 * Reads the database's log of changes through this instance's Next.js, one read at a time: each
 * read applies what was logged since the last change this instance knows of (the last read, or a
 * newer broadcast: saw()). The first read (or any after a failed start) only learns where the log is.
 */
function logReader(port, secret) {
  /** @type {number | null} */
  let last = null;
  let reading = false;
  const saw = (logId) => {
    if (last !== null && logId > last) last = logId;
  };
  const read = async () => {
    if (reading) return; // a slow database: never stack reads
    reading = true;
    try {
      const response = await requestCatchUp(port, secret, last);
      if (!response.ok) return log("error", "cache expiry: could not read the database's log", { status: response.status });
      const answer = await response.json();
      if (answer.applied) log("info", "cache expiry: applied changes from the database's log", { after: last, last: answer.last });
      last = Math.max(answer.last, last ?? 0);
    } catch (error) {
      log("warn", "cache expiry: could not read the database's log", { error: error.message });
    } finally {
      reading = false;
    }
  };
  return { read, saw };
}
