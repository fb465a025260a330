import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ImageOptimizerCache } from "next/dist/server/image-optimizer.js";
import { createClient } from "redis";
import sharp from "sharp";
import { cuttableProxy, throughPort } from "../../tests/cuttable-proxy";
import { createTestDatabase, testPostgresUrl, type TestDatabase } from "../../tests/test-database";
import { SEED_ARTICLE, SEED_HEADLINE } from "../helpers";
import { privateBuild } from "../../scripts/lib/private-build";
import { distDir } from "../../scripts/runtime/dist-dir.mjs";
import { startLauncher, type Launched } from "../launcher";
import { apiSession, staffPage } from "../newsroom/staff";

// Two instances of the site on one database and one Redis, behind the load balancer
// (`npm run cluster`): a change made through one instance is what the other serves on the very
// next request, although it had the old page in its page cache and Next.js's cache.
//
// They run from a private copy of the build: Next.js keeps the pages it renders on disk, in the
// build, and an instance reads a page from there when it no longer has it in memory. On the
// shared build, the cluster and the site under test (another database) served each other's front
// pages (CI, 2026-12-06). On a copy of their own, they can run beside the other specs.

const BASE = Number(process.env.E2E_CLUSTER_PORT ?? 3300);
const [A, B] = [`http://127.0.0.1:${BASE + 1}`, `http://127.0.0.1:${BASE + 2}`];
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

let cluster: Launched | undefined;
// The instances reach Redis through a proxy the Redis-outage test cuts.
let redisProxy: Awaited<ReturnType<typeof cuttableProxy>> | undefined;
let dataDir = "";
let database: TestDatabase | undefined;
let build: Awaited<ReturnType<typeof privateBuild>> | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "news-cluster-"));
  const redis = new URL(REDIS_URL);
  redisProxy = await cuttableProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(BASE),
    DATA_DIR: dataDir,
    REDIS_URL: throughPort(REDIS_URL, redisProxy.port),
    LOG_REQUESTS: "0",
    CLUSTER_SIZE: "2",
  };
  delete env.DATABASE_URL;
  if (testPostgresUrl()) {
    database = await createTestDatabase("news_cluster");
    env.DATABASE_URL = database.url;
    env.AUTH_SECRET = randomBytes(32).toString("base64url");
  }
  build = await privateBuild();
  cluster = await startLauncher("cluster", env, { ready: /cluster of 2/, hint: `is Redis running at ${REDIS_URL}?`, checkout: build.root });
});

test.afterAll(async () => {
  await cluster?.stop();
  await redisProxy?.close();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  build?.remove();
});

type Article = { id: string; version: number; slug: string; headline: string; path: string; section: { slug: string } };

async function seedArticle(api: APIRequestContext): Promise<Article> {
  const list = (await (await api.get("/api/v1/articles?perPage=100&q=Sessions")).json()) as { data: Article[] };
  const article = list.data.find((a) => SEED_ARTICLE.endsWith(`/${a.slug}`));
  expect(article, "the seed article").toBeTruthy();
  return article!;
}

test("a change made on one instance is served by the other on its next request", async ({ playwright }) => {
  test.setTimeout(120_000);
  const editorOnA = await apiSession(playwright, A, "editor");
  const readerOnB = await playwright.request.newContext({ baseURL: B });

  // B has the article and the front page in its caches.
  for (const p of [SEED_ARTICLE, "/"]) await readerOnB.get(p);
  const cached = await readerOnB.get(SEED_ARTICLE);
  expect(cached.headers()["x-cache"]).toBe("HIT");
  expect(await (await readerOnB.get("/")).text()).toContain(SEED_HEADLINE);

  const article = await seedArticle(editorOnA);
  const unpublished = await editorOnA.post(`/api/v1/articles/${article.id}/unpublish`, { data: { version: article.version } });
  expect(unpublished.status()).toBe(200);
  // The very next requests to B: gone, and off the front page and the feed.
  expect((await readerOnB.get(SEED_ARTICLE, { maxRedirects: 0 })).status()).toBe(410);
  expect(await (await readerOnB.get("/")).text()).not.toContain(SEED_HEADLINE);
  expect(await (await readerOnB.get("/feed.xml")).text()).not.toContain(SEED_ARTICLE);

  const { version } = ((await unpublished.json()) as { data: Article }).data;
  const republished = await editorOnA.post(`/api/v1/articles/${article.id}/publish`, { data: { version } });
  expect(republished.status()).toBe(200);
  expect((await readerOnB.get(SEED_ARTICLE)).status()).toBe(200);
  expect(await (await readerOnB.get("/")).text()).toContain(SEED_HEADLINE);
});

test("the instances share 'use cache' entries and tag expiries through Redis", async ({ playwright }) => {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  try {
    const editorOnA = await apiSession(playwright, A, "editor");
    const article = await seedArticle(editorOnA);
    /** The stored values (Next.js's serialised data) that contain `text`. */
    const entriesWith = async (text: string) => {
      const values = await Promise.all((await redis.keys("*:dellboys:use-cache:*")).map((key) => redis.get(key)));
      return values.filter((raw) => raw && Buffer.from((JSON.parse(raw) as { value: string }).value, "base64").toString().includes(text)).length;
    };
    // The article rendered on B after a change: its data is computed once and stored for both.
    const standfirst = `Shared through Redis ${Date.now()}`;
    expect(await entriesWith(standfirst)).toBe(0);
    const edited = await editorOnA.patch(`/api/v1/articles/${article.id}`, { data: { version: article.version, standfirst } });
    expect(edited.status()).toBe(200);
    expect(await (await (await playwright.request.newContext({ baseURL: B })).get(SEED_ARTICLE)).text()).toContain(standfirst);
    await expect.poll(() => entriesWith(standfirst)).toBeGreaterThan(0);
    // The edit's expiry is in the shared tag states every instance reads before its requests.
    const tagKeys = await redis.keys("*:dellboys:cache-tags");
    const states = await Promise.all(tagKeys.map((key) => redis.hGet(key, `article:${article.slug}`)));
    const expired = states.filter(Boolean).map((json) => (JSON.parse(json!) as { expired?: number }).expired ?? 0);
    expect(Math.max(0, ...expired)).toBeGreaterThan(Date.now() - 60_000);
  } finally {
    await redis.quit();
  }
});

test("the load balancer spreads requests over ready instances", async ({ playwright }) => {
  const reader = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${BASE}` });
  expect((await reader.get("/api/health?ready")).status()).toBe(200);
  const statuses = await Promise.all(Array.from({ length: 20 }, () => reader.get(SEED_ARTICLE).then((r) => r.status())));
  expect(statuses.every((s) => s === 200)).toBe(true);
});

// Found with bench/straddle.ts: a change landing while Next.js rendered a page again in the
// background (its cached copy had passed its revalidate time) was lost until the change was
// applied a second time, 2 s later: that render, begun before the change, was stored as newer.
test("a change made while the other instance renders the front page in the background is on its next request", async ({ playwright }) => {
  test.setTimeout(150_000);
  type Item = { id: string; slug: string; section: { slug: string } };
  const editorOnA = await apiSession(playwright, A, "editor");
  const readerOnB = await playwright.request.newContext({ baseURL: B });
  const lead = async () => (await editorOnA.get("/api/v1/curation").then((r) => r.json())).data.lists.FRONT_PAGE as Item[];
  const pathOf = (item: Item) => `href="/${item.section.slug}/${item.slug}"`;
  /** Which of the two stories comes first on the page. */
  const firstOf = (html: string, [x, y]: Item[]) => (html.indexOf(pathOf(x!)) < html.indexOf(pathOf(y!)) ? x! : y!).id;

  // After the earlier tests' changes have had their second pass (2 s), B renders the front page
  // once more; nothing changes meanwhile (this file runs one test at a time), so that copy goes
  // stale (s-maxage 60) rather than expired.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await readerOnB.get("/");
  await new Promise((resolve) => setTimeout(resolve, 61_000));
  const stale = await readerOnB.get("/");
  expect(stale.headers()["x-nextjs-cache"], "B answered from its stale copy and renders the page again in the background").toBe("STALE");
  const order = await lead();
  const swapped = [order[1]!, order[0]!, ...order.slice(2)];
  try {
    const saved = await editorOnA.put("/api/v1/curation/front_page", { data: { articleIds: swapped.map((a) => a.id) } });
    expect(saved.status()).toBe(200);
    const shown = [];
    for (let i = 0; i < 5; i++) shown.push(firstOf(await (await readerOnB.get("/")).text(), swapped));
    expect(shown, "the lead story on B's next five front pages").toEqual(Array(5).fill(swapped[0]!.id));
  } finally {
    await editorOnA.put("/api/v1/curation/front_page", { data: { articleIds: order.map((a) => a.id) } });
  }
});

test("a scheduled article goes live at its time on every instance, once in the audit log", async ({ playwright, browser }) => {
  test.setTimeout(150_000);
  const editorOnA = await apiSession(playwright, A, "editor");
  const readers = await Promise.all([A, B].map((baseURL) => playwright.request.newContext({ baseURL })));
  const headline = `Goes live by itself ${Date.now().toString(36)}`;
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Scheduled body text." }] }] };
  const created = ((await (await editorOnA.post("/api/v1/articles", { data: { headline, body } })).json()) as { data: Article }).data;
  // The earliest time the newsroom accepts is 30 s ahead.
  const publishAt = Date.now() + 32_000;
  const scheduled = await editorOnA.post(`/api/v1/articles/${created.id}/schedule`, { data: { version: created.version, publishAt: new Date(publishAt).toISOString() } });
  expect(scheduled.status()).toBe(200);

  // Both instances have the lists in their caches, without the story.
  const lists = ["/", `/${created.section.slug}`, "/feed.xml"];
  for (const reader of readers) {
    expect((await reader.get(created.path)).status()).toBe(404);
    for (const list of lists) expect(await (await reader.get(list)).text()).not.toContain(headline);
  }

  // Its time comes: the article answers on B within a tick (5 s) and the change's broadcast.
  await expect.poll(async () => (await readers[1]!.get(created.path)).status(), { timeout: 60_000, intervals: [500] }).toBe(200);
  expect(Date.now() - publishAt, "live within 10 s of its time").toBeLessThan(10_000);
  // ... and, at once, on every list of both instances, although those were cached for minutes.
  for (const reader of readers) {
    for (const list of lists) expect(await (await reader.get(list)).text(), list).toContain(headline);
  }

  // Both instances kept asking: still exactly one go-live in the audit log.
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const adminOnB = await staffPage(browser, "admin", B);
  await adminOnB.goto("/dashboard/audit?action=article.live");
  await expect(adminOnB.getByRole("row").filter({ hasText: headline }), "article.live entries for the story").toHaveCount(1);
  const article = ((await (await editorOnA.get(`/api/v1/articles/${created.id}`)).json()) as { data: Article & { status: string } }).data;
  expect(article.status).toBe("PUBLISHED");
});

test("while Redis is unreachable a change still reaches the other instance, from the database's log", async ({ playwright }) => {
  test.setTimeout(90_000);
  const editorOnA = await apiSession(playwright, A, "editor");
  const readerOnB = await playwright.request.newContext({ baseURL: B });
  const article = await seedArticle(editorOnA);
  await readerOnB.get(SEED_ARTICLE);
  expect((await readerOnB.get(SEED_ARTICLE)).headers()["x-cache"], "B has the article in its page cache").toBe("HIT");

  redisProxy!.cut();
  try {
    // Saved at once (the broadcast fails fast) and on B within its next reads of the log (each
    // second), although B's caches hold the old page and no broadcast can reach it.
    const standfirst = `Changed during a Redis outage ${Date.now()}`;
    const edited = await editorOnA.patch(`/api/v1/articles/${article.id}`, { data: { version: article.version, standfirst } });
    expect(edited.status()).toBe(200);
    await expect.poll(async () => (await readerOnB.get(SEED_ARTICLE)).text(), { timeout: 10_000, intervals: [250] }).toContain(standfirst);

    // Unpublished during the outage: gone on B too.
    const { version } = ((await edited.json()) as { data: Article }).data;
    const unpublished = await editorOnA.post(`/api/v1/articles/${article.id}/unpublish`, { data: { version } });
    expect(unpublished.status()).toBe(200);
    await expect.poll(async () => (await readerOnB.get(SEED_ARTICLE, { maxRedirects: 0 })).status(), { timeout: 10_000, intervals: [250] }).toBe(410);
    const republished = await editorOnA.post(`/api/v1/articles/${article.id}/publish`, { data: { version: ((await unpublished.json()) as { data: Article }).data.version } });
    expect(republished.status()).toBe(200);
  } finally {
    redisProxy!.mend();
  }
  // Redis back: B serves the article again (from its full expiry on reconnecting, or the log).
  await expect.poll(async () => (await readerOnB.get(SEED_ARTICLE)).status(), { timeout: 15_000, intervals: [250] }).toBe(200);
});

test("when only the instance making a change is cut off from Redis, the other still gets it, from the database's log", async ({ playwright }) => {
  test.setTimeout(90_000);
  const editorOnA = await apiSession(playwright, A, "editor");
  const readerOnB = await playwright.request.newContext({ baseURL: B });
  const article = await seedArticle(editorOnA);
  await expect.poll(async () => (await readerOnB.get(SEED_ARTICLE)).headers()["x-cache"], { message: "B has the article in its page cache", timeout: 15_000 }).toBe("HIT");

  // A's broadcasting connection alone is cut: B's relay is connected and hears no broadcast of it.
  redisProxy!.cutNamed(`dellboys:publisher:${BASE + 1}`);
  try {
    const standfirst = `Changed while only A was cut off ${Date.now()}`;
    const edited = await editorOnA.patch(`/api/v1/articles/${article.id}`, { data: { version: article.version, standfirst } });
    expect(edited.status()).toBe(200);
    expect(await (await editorOnA.get(SEED_ARTICLE)).text(), "A applied its own change").toContain(standfirst);
    await expect.poll(async () => (await readerOnB.get(SEED_ARTICLE)).text(), { timeout: 10_000, intervals: [250] }).toContain(standfirst);
  } finally {
    redisProxy!.mend();
  }
});

test("an instance that missed an image's deletion forgets the optimizer's copies of it when it comes back", async ({ playwright }) => {
  test.setTimeout(90_000);
  const editorOnA = await apiSession(playwright, A, "editor");
  const readerOnB = await playwright.request.newContext({ baseURL: B });
  const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#2a6f97" } }).png().toBuffer();
  const upload = await editorOnA.post("/api/v1/media", { multipart: { file: { name: "missed.png", mimeType: "image/png", buffer: png }, alt: "Deleted while B was away" } });
  expect(upload.status(), await upload.text()).toBe(201);
  const { id, url } = ((await upload.json()) as { data: { id: string; url: string } }).data;
  const optimized = `/_next/image?url=${encodeURIComponent(url)}&w=640&q=75`;
  expect((await readerOnB.get(optimized, { headers: { accept: "image/webp,*/*" } })).status()).toBe(200);
  const copy = path.join(distDir(build!.root), "cache/images", ImageOptimizerCache.getCacheKey({ href: url, width: 640, quality: 75, mimeType: "image/webp" }));
  expect(existsSync(copy), "B's copy on disk").toBe(true);
  const aside = mkdtempSync(path.join(tmpdir(), "optimized-"));
  cpSync(copy, aside, { recursive: true });

  expect((await editorOnA.delete(`/api/v1/media/${id}`)).status()).toBe(204);
  expect(existsSync(copy), "gone with the deletion").toBe(false);
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // and its second pass, 2 s later
  // The two instances share their checkout's disk. One with a disk of its own that did not hear of
  // the deletion (stopped, or cut off for longer than the database keeps its log of changes)
  // still has its copy: put back here, it is served.
  cpSync(aside, copy, { recursive: true });
  rmSync(aside, { recursive: true, force: true });
  expect((await readerOnB.get(optimized, { headers: { accept: "image/webp,*/*" } })).status(), "the copy put back").toBe(200);
  // Coming back (here: Redis returns), an instance expires everything, deleted images' copies too.
  redisProxy!.cut();
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  redisProxy!.mend();
  await expect.poll(async () => (await readerOnB.get(optimized, { headers: { accept: "image/webp,*/*" } })).status(), { timeout: 15_000, intervals: [250] }).not.toBe(200);
  expect(existsSync(copy)).toBe(false);
  await Promise.all([editorOnA.dispose(), readerOnB.dispose()]);
});

test("sign-in limits hold across both instances and whatever X-Forwarded-For says", async ({ playwright }) => {
  test.setTimeout(120_000);
  // Last in this file: it locks out this machine's address for the rest of the window.
  const clients = await Promise.all([A, B, `http://127.0.0.1:${BASE}`].map((baseURL) => playwright.request.newContext({ baseURL })));
  const attempt = async (client: APIRequestContext, email: string, forwardedFor?: string) => {
    const csrf = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await client.post("/api/auth/callback/credentials", {
      form: { email, password: "not-the-password", csrfToken: csrf.csrfToken },
      headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {},
      maxRedirects: 0,
    });
    return response.status();
  };

  // One account, attempts alternating between the instances: the fifth failure locks it on both.
  const account = `victim-${Date.now()}@dellboys.example`;
  const perAccount: number[] = [];
  for (let i = 0; i < 6; i++) perAccount.push(await attempt(clients[i % 2]!, account));
  expect(perAccount.slice(0, 5).every((s) => s !== 429), `first five: ${perAccount}`).toBe(true);
  expect(perAccount[5], "sixth attempt, on the other instance than the fifth").toBe(429);
  expect(await attempt(clients[0]!, account), "instance A").toBe(429);
  expect(await attempt(clients[1]!, account), "instance B").toBe(429);

  // Many accounts through the load balancer, each attempt with a new forged X-Forwarded-For: the
  // per-address limit (30) counts the address the balancer saw, not the forged one.
  const statuses: number[] = [];
  for (let i = 0; i < 40 && !statuses.includes(429); i++) statuses.push(await attempt(clients[2]!, `spray-${i}-${Date.now()}@dellboys.example`, `198.51.100.${i}, 203.0.113.${i}`));
  // This address failed 5 times above (the refused attempts are not counted): 25 more, then 429.
  expect(statuses.indexOf(429), `attempts before the address was limited: ${statuses}`).toBe(25);
});
