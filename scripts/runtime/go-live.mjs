// Runs in every instance's server (server.mjs): every few seconds, has this instance's Next.js
// publish the scheduled articles whose time has come (src/server/services/scheduler.ts). Every
// instance asks; each article is released, and written to the audit log, exactly once.
import { requestGoLive } from "./expiry-protocol.mjs";
import { logEvent } from "./log.mjs";

/** @param {{ port: number, secret: string, seconds: number }} options */
export function startGoLiveTimer({ port, secret, seconds }) {
  let running = false;
  const tick = async () => {
    if (running) return; // a slow database: never stack ticks
    running = true;
    try {
      const response = await requestGoLive(port, secret);
      if (!response.ok) return logEvent("error", "go-live: not run", { status: response.status });
      const { released } = await response.json();
      if (released.length) logEvent("info", "go-live: published scheduled articles", { slugs: released });
    } catch (error) {
      logEvent("warn", "go-live: failed, will retry", { error: error.message });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  return { close: () => clearInterval(timer) };
}
