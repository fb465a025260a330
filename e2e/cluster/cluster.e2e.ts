import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createTestDatabase, testPostgresUrl, type TestDatabase } from "../../tests/test-database";
import { SEED_ARTICLE, SEED_HEADLINE } from "../helpers";
import { apiSession } from "../newsroom/staff";

// Two instances of the site on one database and one Redis, behind the load balancer
// (`npm run cluster`): a change made through one instance is what the other serves on the very
// next request, although it had the old page in its page cache and Next.js's cache.

const BASE = Number(process.env.E2E_CLUSTER_PORT ?? 3300);
const [A, B] = [`http://127.0.0.1:${BASE + 1}`, `http://127.0.0.1:${BASE + 2}`];
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const root = path.resolve(import.meta.dirname, "../..");

let cluster: ChildProcess | undefined;
let dataDir = "";
let database: TestDatabase | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "news-cluster-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(BASE), DATA_DIR: dataDir, REDIS_URL, LOG_REQUESTS: "0", CLUSTER_SIZE: "2" };
  delete env.DATABASE_URL;
  if (testPostgresUrl()) {
    database = await createTestDatabase("news_cluster");
    env.DATABASE_URL = database.url;
    env.AUTH_SECRET = randomBytes(32).toString("base64url");
  }
  cluster = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/launcher.ts", "cluster"], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    cluster!.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("cluster of 2")) resolve();
    });
    cluster!.once("exit", (code) => reject(new Error(`npm run cluster exited with ${code} (is Redis running at ${REDIS_URL}?):\n${output}`)));
  });
});

test.afterAll(async () => {
  if (cluster && cluster.exitCode === null) {
    cluster.kill("SIGTERM");
    await new Promise((resolve) => cluster!.once("exit", resolve));
  }
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Article = { id: string; version: number; slug: string; headline: string };

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

test("the load balancer spreads requests over ready instances", async ({ playwright }) => {
  const reader = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${BASE}` });
  expect((await reader.get("/api/health?ready")).status()).toBe(200);
  const statuses = await Promise.all(Array.from({ length: 20 }, () => reader.get(SEED_ARTICLE).then((r) => r.status())));
  expect(statuses.every((s) => s === 200)).toBe(true);
});
