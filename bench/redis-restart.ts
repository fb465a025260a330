/**
 * Redis restarted in the middle of a load run on two instances (a script, not a test: it stops
 * and starts the machine's Redis). `npm run cluster` (two instances behind the load balancer) on
 * a fresh embedded database; DURATION (50) s of load at 50 connections through the balancer on
 * cached pages, while an editor changes a standfirst through instance A every second (each time
 * of the next of 15 articles) and a reader asks instance B for it until the change shows (up to
 * 20 s). Redis is shut down at STOP_AT (10) s and started again DOWN_FOR (10) s later.
 *
 * Reports per second: reader answers, whether each edit was saved, and how long it took to show
 * on the other instance; and: did both instances stay up, did any reader request fail, were any
 * edits lost, how soon after Redis returned did changes reach the other instance at once again.
 *
 *   npx tsx bench/redis-restart.ts    # needs root (redis-cli shutdown, redis-server) and Redis on 6379
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import autocannon from "./lib/autocannon.ts";
import { startServer } from "./lib/server.ts";
import { staffSession } from "./lib/staff.ts";

const DURATION = Number(process.env.DURATION ?? 50);
const STOP_AT = Number(process.env.STOP_AT ?? 10);
const DOWN_FOR = Number(process.env.DOWN_FOR ?? 10);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const port = Number(process.env.BENCH_PORT ?? 3900);
const [A, B] = [`http://127.0.0.1:${port + 1}`, `http://127.0.0.1:${port + 2}`];
const run = promisify(execFile);
// Debian's redis-server as the machine runs it (daemonized, from its own config file).
const redis = {
  stop: () => run("redis-cli", ["-u", REDIS_URL, "shutdown", "nosave"]).catch(() => undefined),
  start: () => run("redis-server", ["/etc/redis/redis.conf"]),
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let t0 = Date.now(); // reset when the load starts
const second = () => Math.floor((Date.now() - t0) / 1000);

type Bucket = { ok: number; failed: number };
const readers = new Map<number, Bucket>();
const edits: { at: number; saved: boolean; answeredMs: number; visibleAfterMs: number | null }[] = [];

const server = await startServer("cluster", { DATABASE_URL: "", REDIS_URL, LOG_REQUESTS: "0" });
let downAt = 0;
let upAt = 0;
try {
  const api = await staffSession(A);
  type Article = { id: string; version: number; path: string };
  const ROTATION = 15;
  const list = await api<Article[]>("GET", `/api/v1/articles?perPage=${ROTATION}&status=PUBLISHED`);
  const rotation = list.data.slice(0, ROTATION);
  const pages = [rotation[0]!.path, "/", "/politics"];
  // Both instances hold every page involved in their caches.
  for (const base of [A, B]) for (const p of [...pages, ...rotation.map((a) => a.path)]) await fetch(base + p);

  t0 = Date.now();
  const load = new Promise<void>((resolve) => {
    const instance = autocannon({ url: server.url, connections: 50, duration: DURATION, timeout: 5, requests: pages.map((path) => ({ path })) }, () => resolve());
    instance.on("response", (_c: unknown, status: number) => {
      const b = readers.get(second()) ?? { ok: 0, failed: 0 };
      if (status < 500) b.ok++;
      else b.failed++;
      readers.set(second(), b);
    });
    instance.on("reqError", () => {
      const b = readers.get(second()) ?? { ok: 0, failed: 0 };
      b.failed++;
      readers.set(second(), b);
    });
  });

  // One edit a second, each on the next of ROTATION articles (so that its text stays on the page
  // for ROTATION seconds), each watched on instance B in the background for up to 20 s.
  const watchers: Promise<void>[] = [];
  const editing = (async () => {
    for (let i = 0; Date.now() - t0 < (DURATION - 20) * 1000; i++) {
      const at = second();
      const target = rotation[i % rotation.length]!;
      const standfirst = `Redis restart edit ${i} ${Date.now().toString(36)}`;
      const asked = Date.now();
      const saved = await api<Article>("PATCH", `/api/v1/articles/${target.id}`, { version: target.version, standfirst }).catch(() => ({ status: 0, data: undefined }));
      const savedAt = Date.now();
      if (saved.status !== 200 || !saved.data) {
        edits.push({ at, saved: false, answeredMs: savedAt - asked, visibleAfterMs: null });
        const fresh = await api<Article>("GET", `/api/v1/articles/${target.id}`).catch(() => null);
        if (fresh?.data) rotation[i % rotation.length] = fresh.data;
      } else {
        rotation[i % rotation.length] = saved.data;
        const edit = { at, saved: true, answeredMs: savedAt - asked, visibleAfterMs: null as number | null };
        edits.push(edit);
        watchers.push(
          (async () => {
            while (Date.now() - savedAt < 20_000) {
              const html = await fetch(B + target.path).then((r) => r.text(), () => "");
              if (html.includes(standfirst)) return void (edit.visibleAfterMs = Date.now() - savedAt);
              await sleep(200);
            }
          })(),
        );
      }
      await sleep(Math.max(0, 1000 - (Date.now() - asked)));
    }
  })();

  const restart = (async () => {
    await sleep(STOP_AT * 1000);
    downAt = second();
    await redis.stop();
    await sleep(DOWN_FOR * 1000);
    await redis.start();
    upAt = second();
  })();

  await Promise.all([load, editing, restart]);
  await Promise.all(watchers);
  const alive = await Promise.all([A, B].map((base) => fetch(`${base}/api/health`).then((r) => r.ok, () => false)));
  console.log(`\nRedis down from ${downAt} s, started again at ${upAt} s\n\n| second | reader ok / failed | edit saved (answered in) | edit on the other instance after |\n|---|---|---|---|`);
  for (let s = 0; s <= DURATION; s++) {
    const r = readers.get(s) ?? { ok: 0, failed: 0 };
    const e = edits.filter((x) => x.at === s);
    const label = `${s}${s === downAt ? " (down)" : s === upAt ? " (up)" : ""}`;
    console.log(`| ${label} | ${r.ok} / ${r.failed} | ${e.map((x) => `${x.saved ? "yes" : "NO"} (${x.answeredMs} ms)`).join(", ")} | ${e.map((x) => (x.visibleAfterMs === null ? (x.saved ? "not within 20 s" : "–") : `${x.visibleAfterMs} ms`)).join(", ")} |`);
  }
  const readerFailures = [...readers.values()].reduce((n, b) => n + b.failed, 0);
  const lost = edits.filter((e) => !e.saved).length;
  const after = edits.filter((e) => e.at >= upAt);
  const firstPrompt = after.find((e) => e.visibleAfterMs !== null && e.visibleAfterMs < 1000);
  const slowAfter = firstPrompt ? after.filter((e) => e.at > firstPrompt.at && (e.visibleAfterMs === null || e.visibleAfterMs >= 1000)).length : after.length;
  const during = edits.filter((e) => e.at >= downAt && e.at < upAt && e.visibleAfterMs !== null).map((e) => e.visibleAfterMs!);
  console.log(`\n| figure | value |\n|---|---|`);
  console.log(`| both instances up after the run | ${alive.every(Boolean) ? "yes" : "NO"} |`);
  console.log(`| reader requests answered / failed | ${[...readers.values()].reduce((n, b) => n + b.ok, 0)} / ${readerFailures} |`);
  console.log(`| edits saved / refused | ${edits.length - lost} / ${lost} |`);
  const slowest = (list: typeof edits) => (list.length ? `${Math.max(...list.map((e) => e.answeredMs))} ms` : "–");
  console.log(`| slowest save answer: Redis up / down | ${slowest(edits.filter((e) => e.at < downAt || e.at >= upAt))} / ${slowest(edits.filter((e) => e.at >= downAt && e.at < upAt))} |`);
  console.log(`| edits made while Redis was down, shown on the other instance after | ${during.length ? during.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", ") : "none shown"} |`);
  console.log(`| changes reach the other instance at once (< 1 s) again | ${firstPrompt ? `${firstPrompt.at - upAt} s after Redis started` : "never"} (slower edits after that: ${slowAfter}) |`);
  if (!alive.every(Boolean) || readerFailures > 0 || lost > 0 || !firstPrompt || firstPrompt.at - upAt > 5) process.exitCode = 1;
} finally {
  if (downAt && !upAt) await redis.start();
  await server.cleanup();
}
