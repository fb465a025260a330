// Runs in every instance's server (server.mjs) when REDIS_URL is set: receives the cache-expiry
// broadcasts (src/server/invalidation-bus.ts), has this instance's Next.js apply each one through
// /api/internal/expire, then acknowledges it so that the instance that published can answer.
// It also reads the changes from the database's log (/api/internal/catch-up): every pollMs while
// its Redis connection is down, every backstopMs while it is up (a change whose broadcast failed,
// because the instance that made it could not reach Redis, is there too), and at once when a
// broadcast's log id shows that it missed one.
import { createClient } from "redis";
import { EXPIRY_CHANNEL, ackKey, requestCatchUp, requestExpiry, requestFullExpiry } from "./expiry-protocol.mjs";
import { logEvent as log } from "./log.mjs";
import { clientName } from "./redis.mjs";

/** @param {{ redisUrl: string, port: number, secret: string, pollMs?: number, backstopMs?: number }} options */
export async function startExpiryRelay({ redisUrl, port, secret, pollMs = 1_000, backstopMs = 2_000 }) {
  const subscriber = createClient({ url: redisUrl, name: clientName("relay") });
  const acker = subscriber.duplicate();
  for (const client of [subscriber, acker]) client.on("error", (error) => log("error", "redis (expiry relay)", { error: error.message }));
  const changeLog = logReader(port, secret);
  await Promise.all([subscriber.connect(), acker.connect()]);
  await changeLog.read(); // where reading the log will start
  let closed = false;
  let cutOff = false;
  /** @type {NodeJS.Timeout | null} */
  let timer = null;
  /** Reads the log in `ms`, and again after each read: each poll while cut off, each backstop while connected. */
  const readIn = (ms) => {
    if (timer) clearTimeout(timer);
    if (closed) return;
    timer = setTimeout(async () => {
      await changeLog.read();
      readIn(cutOff ? pollMs : backstopMs);
    }, ms);
    timer.unref();
  };
  readIn(backstopMs);
  // Cut off from Redis: broadcasts no longer arrive, the database's log has them.
  const cutOffFromRedis = () => {
    if (cutOff || closed || subscriber.isReady) return;
    cutOff = true;
    log("warn", "cache expiry: redis unreachable, reading changes from the database", { everyMs: pollMs });
    readIn(pollMs);
  };
  subscriber.on("error", cutOffFromRedis);
  subscriber.on("reconnecting", cutOffFromRedis);
  // Back after a lost connection (Redis restarted, the network broke): broadcasts sent meanwhile
  // never reached this instance, and the log was read up to a poll late, so it forgets everything
  // it has cached rather than serve a change it missed.
  subscriber.on("ready", () => {
    cutOff = false;
    requestFullExpiry(port, secret)
      .then((response) => log(response.ok ? "info" : "error", "cache expiry: redis is back, expired everything this instance cached", { status: response.status }))
      .catch((error) => log("error", "cache expiry: could not expire after reconnecting", { error: error.message }));
    readIn(0); // now (the log's newest id, for the next outage), then each backstop
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
      if (timer) clearTimeout(timer);
      // quit() waits for a reply, which never comes while Redis is unreachable.
      return Promise.allSettled([subscriber, acker].map((c) => (c.isReady ? c.quit() : c.destroy())));
    },
  };
}

/**
 * Reads the database's log of changes through this instance's Next.js, one read at a time: each
 * read applies what was logged since the last change this instance knows of (the last read, or a
 * broadcast that followed it: saw()). The first read (or any after a failed start) only learns
 * where the log is. A failing read is logged once, and its recovery once.
 */
function logReader(port, secret) {
  /** @type {number | null} */
  let last = null;
  let reading = false;
  let again = false;
  let failing = false;
  const failed = (detail) => {
    if (!failing) log("warn", "cache expiry: could not read the database's log", detail);
    failing = true;
  };
  const read = async () => {
    if (reading) return void (again = true); // a slow database: never stack reads, read once more after
    reading = true;
    try {
      const response = await requestCatchUp(port, secret, last);
      if (!response.ok) return failed({ status: response.status });
      const answer = await response.json();
      if (answer.applied) log("info", "cache expiry: applied changes from the database's log", { after: last, last: answer.last });
      if (failing) log("info", "cache expiry: reading the database's log again");
      failing = false;
      last = Math.max(answer.last, last ?? 0);
    } catch (error) {
      failed({ error: error.message });
    } finally {
      reading = false;
      if (again) {
        again = false;
        void read();
      }
    }
  };
  /**
   * A broadcast's log id: the next one moves this instance's place on; one further on means a
   * change in between was not broadcast to it (its publisher could not reach Redis) or not yet:
   * the log is read now.
   */
  const saw = (logId) => {
    if (last === null || logId <= last) return;
    if (logId === last + 1) last = logId;
    else void read();
  };
  return { read, saw };
}
