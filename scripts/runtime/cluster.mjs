// `npm run cluster`: CLUSTER_SIZE (2) instances of the production server (server.mjs) on the ports
// after PORT, on one database and one Redis (REDIS_URL, required: it carries the cache-expiry
// broadcasts), behind load-balancer.mjs on PORT. Started by scripts/launcher.ts, which provides
// the database, AUTH_SECRET and SITE_URL as for `npm start`.
import { spawn } from "node:child_process";
import path from "node:path";
import { createLoadBalancer } from "./load-balancer.mjs";
import { dropBrokenOutput, watchParent } from "./parent-watch.mjs";

const port = Number(process.env.PORT ?? 3000);
const size = Number(process.env.CLUSTER_SIZE ?? 2);
const started = performance.now();
if (!process.env.REDIS_URL) {
  console.error("npm run cluster needs REDIS_URL (e.g. redis://127.0.0.1:6379): instances share cache expiries through it.");
  process.exit(1);
}

const server = path.join(import.meta.dirname, "server.mjs");
const instances = Array.from({ length: size }, (_, i) => {
  const instancePort = port + 1 + i;
  const child = spawn(process.execPath, [server], {
    // Only the load balancer reaches an instance: it trusts the address the balancer forwards, which
    // nobody else may set (X-Forwarded-For), so it listens on loopback alone.
    env: { ...process.env, PORT: String(instancePort), HOSTNAME: "127.0.0.1", TRUSTED_PROXY_HOPS: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      if (chunk.toString().includes("Ready in")) resolve(undefined);
    });
    child.once("exit", (code) => reject(new Error(`instance on ${instancePort} exited with ${code}`)));
  });
  return { port: instancePort, child, ready };
});

const stopAll = () => instances.forEach(({ child }) => child.exitCode === null && child.kill("SIGTERM"));
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => (stopAll(), process.exit(0)));
dropBrokenOutput();
// Started by the launcher: its instances go with it (each also watches this process).
if (process.env.EXIT_WITH_PARENT === "1") watchParent(() => (stopAll(), process.exit(0)));
try {
  await Promise.all(instances.map((i) => i.ready));
} catch (error) {
  console.error(error.message);
  stopAll();
  process.exit(1);
}
// An instance that dies takes the cluster down: the launcher (or a supervisor) restarts it whole.
for (const { child, port: p } of instances) child.once("exit", (code) => (console.error(`instance on ${p} exited with ${code}`), stopAll(), process.exit(1)));

const balancer = createLoadBalancer({ upstreams: instances.map((i) => ({ host: "127.0.0.1", port: i.port })) });
await balancer.check();
balancer.server.listen(port, () => {
  console.log(`▲ load balancer on http://localhost:${port} → ${instances.map((i) => i.port).join(", ")}`);
  console.log(`✓ Ready in ${Math.round(performance.now() - started)}ms (cluster of ${size})`);
});
