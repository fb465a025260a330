import { randomUUID } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "redis";
import { afterAll, describe, expect, it } from "vitest";
import { cuttableProxy, throughPort } from "../../tests/cuttable-proxy";
import { EXPIRY_CHANNEL, ackKey, internalToken } from "./expiry-protocol.mjs";
import { startExpiryRelay } from "./expiry-relay.mjs";

// The relay of one instance, on the Redis this machine runs (TEST_REDIS_URL) reached through a
// TCP proxy this test can cut, as a Redis restart or a broken network would. "The instance" is an
// HTTP server recording what the relay asks of it.
const REDIS = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
const secret = "relay-test-secret";
const closers: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Redis through a proxy this test can cut. */
async function cuttableRedis() {
  const proxy = await cuttableProxy({ host: REDIS.hostname, port: Number(REDIS.port || 6379) });
  closers.push(() => proxy.close());
  return { url: throughPort(REDIS.href, proxy.port), cut: proxy.cut, mend: proxy.mend };
}

type Call = { path: string; body: { after?: number | null; everything?: boolean; tags?: string[] }; at: number };

/** The database's log as a read of it answers: the newest id, and whether there was something after `after`. */
type LogAnswer = (after: number | null) => { last: number; applied: boolean };

/** A log that grows by one change between reads (100 at first). */
const growingLog: LogAnswer = (after) => ({ last: after === null ? 100 : after + 1, applied: after !== null });

/** This instance's Next.js as the relay sees it. */
async function fakeInstance(log: LogAnswer = growingLog) {
  const calls: Call[] = [];
  const server: Server = createHttpServer(async (req: IncomingMessage, res) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    if (req.headers["x-internal-token"] !== internalToken(secret)) return res.writeHead(404).end();
    calls.push({ path: req.url ?? "", body: JSON.parse(text), at: Date.now() });
    if (req.url === "/api/internal/catch-up") {
      res.writeHead(200, { "content-type": "application/json" });
      const { after } = JSON.parse(text) as { after: number | null };
      return res.end(JSON.stringify(log(after)));
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return { port: (server.address() as AddressInfo).port, calls };
}

async function until(what: string, check: () => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A log whose newest id the test sets (`newest`): a read after an older id applies what is new. */
function settableLog(start: number) {
  const log = { newest: start, answer: ((after) => ({ last: Math.max(log.newest, after ?? 0), applied: after !== null && log.newest > after })) as LogAnswer };
  return log;
}

/** One instance's relay on a cuttable Redis, with the reads of the log it made so far. */
async function relayOn(log: LogAnswer, timing: { pollMs: number; backstopMs: number }) {
  const redis = await cuttableRedis();
  const instance = await fakeInstance(log);
  const relay = await startExpiryRelay({ redisUrl: redis.url, port: instance.port, secret, ...timing });
  closers.push(() => relay.close());
  const catchUps = () => instance.calls.filter((c) => c.path === "/api/internal/catch-up");
  return { redis, instance, catchUps };
}

/** Another instance's broadcasts, straight to Redis: each waits for this instance's acknowledgement. */
async function broadcaster() {
  const publisher = createClient({ url: REDIS.href });
  await publisher.connect();
  closers.push(() => publisher.quit());
  return async (change: { logId?: number; tags: string[] }) => {
    const id = randomUUID();
    await publisher.publish(EXPIRY_CHANNEL, JSON.stringify({ id, ...change, paths: null }));
    expect(await publisher.blPop(ackKey(id), 5)).toEqual({ key: ackKey(id), element: "1" });
  };
}

describe("the expiry relay", () => {
  it("applies broadcasts from Redis; cut off, it reads the database's log every poll; back, it expires everything and stops", async () => {
    const { redis, instance, catchUps } = await relayOn(growingLog, { pollMs: 200, backstopMs: 60_000 });

    // Started: it learns where the log is (after: null) and reads nothing else while Redis is there.
    expect(catchUps().map((c) => c.body.after)).toEqual([null]);

    // A broadcast reaches this instance's Next.js and is acknowledged; its log id (the next one,
    // 101) is how far this instance has seen the log.
    const broadcast = await broadcaster();
    await broadcast({ logId: 101, tags: ["article:relay"] });
    expect(instance.calls.find((c) => c.path === "/api/internal/expire")?.body.tags).toEqual(["article:relay"]);
    await sleep(600);
    expect(catchUps()).toHaveLength(1);

    // Redis unreachable: the log is read every poll, from the broadcast's log id on, each time
    // after the id the last read gave.
    redis.cut();
    await until("four reads of the log", () => catchUps().length >= 5);
    const afters = catchUps().map((c) => c.body.after);
    expect(afters.slice(0, 5)).toEqual([null, 101, 102, 103, 104]);
    const gaps = catchUps().slice(1).map((c, i, all) => (i ? c.at - all[i - 1]!.at : 0)).slice(1);
    expect(Math.max(...gaps)).toBeLessThan(1_000);

    // Back: everything this instance cached is expired (it may have missed a change), polling stops.
    redis.mend();
    await until("the full expiry after reconnecting", () => instance.calls.some((c) => c.path === "/api/internal/expire" && c.body.everything === true), 10_000);
    await sleep(400); // the read of the log's newest id that follows
    const settled = catchUps().length;
    await sleep(800);
    expect(catchUps()).toHaveLength(settled);

    // And broadcasts arrive again.
    await broadcast({ tags: ["article:relay-2"] });
  }, 30_000);

  it("connected, it still reads the log every backstop: a change whose broadcast never came (its publisher was cut off from Redis) is applied", async () => {
    const log = settableLog(40);
    const { catchUps } = await relayOn(log.answer, { pollMs: 60_000, backstopMs: 300 });

    // Another instance logged change 41 and could not broadcast it: read within a backstop, after 40.
    const before = catchUps().length;
    log.newest = 41;
    await until("a read of the log", () => catchUps().length > before, 2_000);
    await until("a read after change 41", () => catchUps().some((c) => c.body.after === 41), 2_000);
    expect(catchUps().map((c) => c.body.after)).toContain(40);
    // Reads keep coming at the backstop's pace, not faster.
    const startedAt = catchUps().length;
    await sleep(1_000);
    expect(catchUps().length - startedAt).toBeGreaterThanOrEqual(2);
    expect(catchUps().length - startedAt).toBeLessThanOrEqual(5);
  }, 15_000);

  it("a broadcast whose log id skips one makes it read the log at once; the next one in turn does not", async () => {
    const log = settableLog(70);
    const { instance, catchUps } = await relayOn(log.answer, { pollMs: 60_000, backstopMs: 60_000 });
    expect(catchUps().map((c) => c.body.after)).toEqual([null]);
    const send = await broadcaster();
    const broadcast = (logId: number) => send({ logId, tags: [`article:${logId}`] });

    // 71 follows 70: applied from the broadcast, no read.
    log.newest = 71;
    await broadcast(71);
    await sleep(300);
    expect(catchUps()).toHaveLength(1);

    // 73 arrives, 72 never did: the log is read after 71 (which brings 72), and the broadcast is applied.
    log.newest = 73;
    await broadcast(73);
    await until("a read of the log after 71", () => catchUps().some((c) => c.body.after === 71), 2_000);
    expect(instance.calls.filter((c) => c.path === "/api/internal/expire").map((c) => c.body.tags)).toEqual([["article:71"], ["article:73"]]);

    // 74 follows what that read gave (73): no read.
    log.newest = 74;
    const reads = catchUps().length;
    await broadcast(74);
    await sleep(300);
    expect(catchUps()).toHaveLength(reads);
  }, 15_000);
});
