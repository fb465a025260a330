/** What the benchmark scripts share: a server of their own (or BENCH_URL's), and medians. */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { distDir, distDirName } from "../../scripts/runtime/dist-dir.mjs";

export const root = path.resolve(import.meta.dirname, "../..");

/** Options of startServer beyond the environment. */
export interface ServerOptions {
  /** The checkout to run (privateBuild()'s copy); the repository itself by default. */
  root?: string;
}

/**
 * `npm start` (or `npm run cluster`) on a fresh embedded database with the demo content (or on
 * the DATABASE_URL given in `env`), on
 * BENCH_PORT (3900); builds first if the build is stale. BENCH_URL: a server already running.
 * The rest of the environment passes through (PAGE_CACHE_MB, LOG_REQUESTS, REDIS_URL…).
 */
export async function startServer(
  command: "start" | "cluster" = "start",
  env: Record<string, string> = { DATABASE_URL: "" },
  options: ServerOptions = {},
): Promise<{ url: string; child?: ChildProcess; cleanup: () => Promise<void> }> {
  if (process.env.BENCH_URL) return { url: process.env.BENCH_URL, cleanup: async () => {} };
  const cwd = options.root ?? root;
  const dataDir = mkdtempSync(path.join(tmpdir(), "news-bench-"));
  const port = process.env.BENCH_PORT ?? "3900";
  // The server's output (its request log) goes to a file: a pipe that this process stops reading
  // (while Lighthouse runs synchronously, or autocannon saturates it) would fill up and block the
  // server's writes to stdout, which are synchronous on Linux.
  const logFile = path.join(dataDir, "server.log");
  const child = spawn(path.join(cwd, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/launcher.ts", command], {
    cwd,
    env: { ...process.env, PORT: port, DATA_DIR: dataDir, ...env },
    stdio: ["ignore", openSync(logFile, "a"), "inherit"],
    detached: true, // a process group of its own: stopped whole (launcher, server, database), below
  });
  const stop = () => stopGroup(child);
  running.add(stop);
  const url = `http://127.0.0.1:${port}`;
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? 1));
  // Ready when the health check answers (a build may come first).
  for (;;) {
    if (exited !== null) throw new Error(`server exited with ${exited}; its output is in ${logFile}`);
    if (await fetch(`${url}/api/health?ready`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The data folder goes once the launcher has exited (PGlite flushes its files until then).
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve())).then(() => rmSync(dataDir, { recursive: true, force: true }));
  return {
    url,
    child,
    // Resolves when the server has exited (its port is free again); callers may ignore it.
    cleanup: () => {
      running.delete(stop);
      stop();
      return exit;
    },
  };
}

/**
 * The servers this script started and has not stopped. Each is stopped whole when the script
 * ends any other way (an exception, Ctrl-C, a timeout's SIGTERM): stopping only the launcher once
 * left its server answering on the bench port, with its embedded database gone (500s), for the
 * next run to measure.
 */
const running = new Set<() => void>();
function stopGroup(child: ChildProcess): void {
  if (!child.pid) return;
  try { // the whole group, even when the launcher itself has gone
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}
process.once("exit", () => running.forEach((stop) => stop()));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    running.forEach((stop) => stop());
    process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  });
}

/** Exits with a clear message when there is no production build (benchmarks never build one). */
export function requireBuild(): void {
  if (existsSync(path.join(distDir(root), "BUILD_ID"))) return;
  console.error(`No production build in ${distDirName()}: run \`npm run build\` first (this benchmark measures the existing build).`);
  process.exit(1);
}

/** Runs a launcher command (`seed`, `migrate`, `build`…) to its end; resolves with its duration in ms. */
export async function runLauncher(command: string, env: Record<string, string>, options: ServerOptions & { quiet?: boolean } = {}): Promise<number> {
  const cwd = options.root ?? root;
  const started = performance.now();
  const child = spawn(path.join(cwd, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/launcher.ts", command], {
    cwd,
    env: { ...process.env, ...env },
    // Progress to stderr: stdout is the benchmark's report.
    stdio: ["ignore", options.quiet ? "ignore" : process.stderr, "inherit"],
  });
  const code = await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`launcher ${command} exited with ${code}`);
  return performance.now() - started;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The four page types the browser benchmarks load (lighthouse.ts, main-thread.ts); PAGES=front,search
 * keeps only those.
 */
export function browserPages(): [name: string, path: string][] {
  const pages = {
    front: "/",
    article: "/politics/sessions-offered-to-quit-amid-rift-with-trump",
    section: "/politics",
    search: "/search?q=council",
  };
  const only = process.env.PAGES?.split(",");
  return Object.entries(pages).filter(([name]) => !only || only.includes(name));
}
