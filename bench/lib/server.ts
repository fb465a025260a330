/** What the benchmark scripts share: a server of their own (or BENCH_URL's), and medians. */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

/**
 * `npm start` (or `npm run cluster`) on a fresh embedded database with the demo content (or on
 * the DATABASE_URL given in `env`), on
 * BENCH_PORT (3900); builds first if the build is stale. BENCH_URL: a server already running.
 * The rest of the environment passes through (PAGE_CACHE_MB, LOG_REQUESTS, REDIS_URL…).
 */
export async function startServer(
  command: "start" | "cluster" = "start",
  env: Record<string, string> = { DATABASE_URL: "" },
): Promise<{ url: string; child?: ChildProcess; cleanup: () => void }> {
  if (process.env.BENCH_URL) return { url: process.env.BENCH_URL, cleanup: () => {} };
  const dataDir = mkdtempSync(path.join(tmpdir(), "news-bench-"));
  const port = process.env.BENCH_PORT ?? "3900";
  // The server's output (its request log) goes to a file: a pipe that this process stops reading
  // (while Lighthouse runs synchronously, or autocannon saturates it) would fill up and block the
  // server's writes to stdout, which are synchronous on Linux.
  const logFile = path.join(dataDir, "server.log");
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/launcher.ts", command], {
    cwd: root,
    env: { ...process.env, PORT: port, DATA_DIR: dataDir, ...env },
    stdio: ["ignore", openSync(logFile, "a"), "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? 1));
  // Ready when the health check answers (a build may come first).
  for (;;) {
    if (exited !== null) throw new Error(`server exited with ${exited}; its output is in ${logFile}`);
    if (await fetch(`${url}/api/health?ready`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    child,
    cleanup: () => {
      child.kill("SIGTERM");
      setTimeout(() => rmSync(dataDir, { recursive: true, force: true }), 3000).unref();
    },
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
