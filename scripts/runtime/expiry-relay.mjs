// Runs in every instance's server (server.mjs) when REDIS_URL is set: receives the cache-expiry
// broadcasts (src/server/invalidation-bus.ts), has this instance's Next.js apply each one through
// /api/internal/expire, then acknowledges it so that the instance that published can answer.
import { createClient } from "redis";
import { EXPIRY_CHANNEL, ackKey, requestExpiry, requestFullExpiry } from "./expiry-protocol.mjs";
import { logEvent as log } from "./log.mjs";

/** @param {{ redisUrl: string, port: number, secret: string }} options */
export async function startExpiryRelay({ redisUrl, port, secret }) {
  const subscriber = createClient({ url: redisUrl });
  const acker = subscriber.duplicate();
  for (const client of [subscriber, acker]) client.on("error", (error) => log("error", "redis (expiry relay)", { error: error.message }));
  await Promise.all([subscriber.connect(), acker.connect()]);
  // Back after a lost connection (Redis restarted, the network broke): broadcasts sent meanwhile
  // never reached this instance, so it forgets everything it has cached rather than serve a change
  // it missed until its caches run out (hours for an article).
  subscriber.on("ready", () => {
    requestFullExpiry(port, secret)
      .then((response) => log(response.ok ? "info" : "error", "cache expiry: redis is back, expired everything this instance cached", { status: response.status }))
      .catch((error) => log("error", "cache expiry: could not expire after reconnecting", { error: error.message }));
  });
  await subscriber.subscribe(EXPIRY_CHANNEL, async (message) => {
    let id = "";
    try {
      ({ id } = JSON.parse(message));
      const response = await requestExpiry(port, secret, message);
      if (!response.ok) log("error", "cache expiry: not applied", { status: response.status });
    } catch (error) {
      log("error", "cache expiry: relay failed", { error: error.message });
    } finally {
      // Acknowledged even when it failed: the publisher must not wait for a broken instance.
      if (id) await acker.multi().rPush(ackKey(id), "1").expire(ackKey(id), 30).exec().catch(() => undefined);
    }
  });
  return { close: () => Promise.allSettled([subscriber.quit(), acker.quit()]) };
}
