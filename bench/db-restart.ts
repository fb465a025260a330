/**
 * PostgreSQL restarted in the middle of a load run (a script, not a test: it stops and starts the
 * machine's PostgreSQL). `npm start` on a fresh database of that server; DURATION (40) s of load
 * at 50 connections on cached pages (an article, the front page) and at 10 on a database-backed
 * endpoint (/api/health?ready: SELECT 1 per request); PostgreSQL is stopped at STOP_AT (10) s and
 * started again DOWN_FOR (10) s later. Reports, per second, answers by kind, and: did the process
 * stay up, were cached pages served while the database was down, how long after the database
 * came back did database-backed requests succeed again (target: within 5 s).
 *
 *   npx tsx bench/db-restart.ts     # needs root and pg_ctlcluster (Debian), PostgreSQL on 5432
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import autocannon from "./lib/autocannon.ts";
import { createTestDatabase } from "../tests/test-database.ts";
import { startServer } from "./lib/server.ts";

const DURATION = Number(process.env.DURATION ?? 40);
const STOP_AT = Number(process.env.STOP_AT ?? 10);
const DOWN_FOR = Number(process.env.DOWN_FOR ?? 10);
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
const cluster = readdirSync("/etc/postgresql")[0]!;
// Asynchronous: a synchronous call would stall this process's load generator, not the server.
const pg = (action: "stop" | "start") => promisify(execFile)("pg_ctlcluster", ["--skip-systemctl-redirect", cluster, "main", action, ...(action === "stop" ? ["-m", "fast"] : [])]);

type Bucket = { ok: number; failed: number };
const buckets = { cached: new Map<number, Bucket>(), database: new Map<number, Bucket>() };
const t0 = Date.now();
const second = () => Math.floor((Date.now() - t0) / 1000);
function count(kind: keyof typeof buckets, ok: boolean) {
  const b = buckets[kind].get(second()) ?? { ok: 0, failed: 0 };
  if (ok) b.ok++;
  else b.failed++;
  buckets[kind].set(second(), b);
}

function load(kind: keyof typeof buckets, url: string, paths: string[], connections: number) {
  return new Promise<void>((resolve) => {
    const instance = autocannon({ url, connections, duration: DURATION, timeout: 5, requests: paths.map((path) => ({ path })) }, () => resolve());
    instance.on("response", (_client: unknown, status: number) => count(kind, status < 500));
    instance.on("reqError", () => count(kind, false));
  });
}

const database = await createTestDatabase("news_restart");
const server = await startServer("start", { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64url") });
let downAt = 0;
let upAt = 0;
try {
  const article = "/politics/sessions-offered-to-quit-amid-rift-with-trump";
  for (const p of [article, "/"]) await fetch(server.url + p);
  const t = (s: number) => new Promise((resolve) => setTimeout(resolve, s * 1000));
  const restart = (async () => {
    await t(STOP_AT);
    downAt = second(); // the outage starts with the stop (connections are cut while it runs)
    await pg("stop");
    await t(DOWN_FOR);
    await pg("start");
    upAt = second();
  })();
  await Promise.all([load("cached", server.url, [article, "/"], 50), load("database", server.url, ["/api/health?ready"], 10), restart]);
  const alive = (await fetch(`${server.url}/api/health`).then((r) => r.status, () => 0)) === 200;
  const recovered = [...buckets.database].filter(([s, b]) => s >= upAt && b.failed === 0 && b.ok > 0).map(([s]) => s).sort((a, b) => a - b)[0];
  const cachedWhileDown = [...buckets.cached].filter(([s]) => s >= downAt && s < upAt).reduce((n, [, b]) => n + b.ok, 0);
  const failedOutside = [...buckets.database, ...buckets.cached].filter(([s]) => s < downAt || s > (recovered ?? Infinity)).reduce((n, [, b]) => n + b.failed, 0);
  console.log(`\nPostgreSQL stopping from ${downAt} s, started again at ${upAt} s\n\n| second | cached ok / failed | database-backed ok / failed |\n|---|---|---|`);
  for (let s = 0; s <= DURATION; s++) {
    const c = buckets.cached.get(s) ?? { ok: 0, failed: 0 };
    const d = buckets.database.get(s) ?? { ok: 0, failed: 0 };
    console.log(`| ${s}${s === downAt ? " (down)" : s === upAt ? " (up)" : ""} | ${c.ok} / ${c.failed} | ${d.ok} / ${d.failed} |`);
  }
  console.log(`\n| figure | value |\n|---|---|`);
  console.log(`| process up after the run | ${alive ? "yes" : "NO"} |`);
  console.log(`| cached pages served while the database was down | ${cachedWhileDown} |`);
  console.log(`| database-backed requests all succeed again | ${recovered === undefined ? "never" : `${recovered - upAt} s after PostgreSQL started`} |`);
  console.log(`| failures outside the outage | ${failedOutside} |`);
  if (!alive || recovered === undefined || recovered - upAt > 5 || failedOutside > 0) process.exitCode = 1;
} finally {
  if (!upAt) await pg("start");
  server.cleanup();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await database.drop().catch(() => undefined);
}
