/**
 * Publish-to-visible on two instances (a script, not a test). `npm run cluster` (two instances
 * behind the load balancer, Redis at REDIS_URL) on a fresh embedded database. STORIES (10) times:
 * an editor publishes a new story through instance A; from the moment the publish call answers,
 * readers on A (the same instance) and on B (the other one) poll the story's page, the front
 * page, its section, the news sitemap and the feed until it is there (at most 10 s). Every page
 * is requested once before, so both instances hold the old versions in their caches. Prints the
 * median and the slowest time per page and instance.
 *
 *   REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/publish-to-visible.ts
 */
import { median, startServer } from "./lib/server.ts";
import { paragraph, staffSession } from "./lib/staff.ts";

const STORIES = Number(process.env.STORIES ?? 10);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const port = Number(process.env.BENCH_PORT ?? 3900);
const instances = { "same instance (A)": `http://127.0.0.1:${port + 1}`, "other instance (B)": `http://127.0.0.1:${port + 2}` };
const run = Date.now().toString(36);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Article = { id: string; version: number; path: string; slug: string; section: { slug: string } };
const server = await startServer("cluster", { DATABASE_URL: "", REDIS_URL, LOG_REQUESTS: "0" });
try {
  const api = await staffSession(instances["same instance (A)"]);
  const sections = (await api<Array<{ id: string; slug: string }>>("GET", "/api/v1/sections")).data;
  const section = sections.find((s) => s.slug === "politics") ?? sections[0]!;
  const pages = (a: Article, headline = "") => ({
    article: { path: a.path, needle: headline },
    "front page": { path: "/", needle: a.path },
    section: { path: `/${a.section.slug}`, needle: a.path },
    "news sitemap": { path: "/sitemaps/news.xml", needle: a.path },
    feed: { path: "/feed.xml", needle: a.path },
  });
  const times = new Map<string, number[]>();
  let missing = 0;
  for (let i = 0; i < STORIES; i++) {
    const headline = `Published ${run} story ${i}`;
    const created = (await api<Article>("POST", "/api/v1/articles", { headline, sectionId: section.id, body: paragraph(`Story ${run} ${i}.`) })).data;
    const targets = pages(created, headline);
    // Both instances hold every page (the article as a 404) in their caches.
    for (const base of Object.values(instances)) for (const { path } of Object.values(targets)) await fetch(base + path).then((r) => r.text());
    const published = await api<Article>("POST", `/api/v1/articles/${created.id}/publish`, { version: created.version });
    if (published.status !== 200) throw new Error(`publish ${i}: ${published.status}`);
    const answered = Date.now();
    await Promise.all(
      Object.entries(instances).flatMap(([instance, base]) =>
        Object.entries(targets).map(async ([page, { path, needle }]) => {
          while (Date.now() - answered < 10_000) {
            const response = await fetch(base + path);
            if (response.ok && (await response.text()).includes(needle)) {
              const key = `${page}|${instance}`;
              times.set(key, [...(times.get(key) ?? []), Date.now() - answered]);
              return;
            }
            await sleep(20);
          }
          missing++;
          console.error(`story ${i}: not on ${page} of the ${instance} 10 s after publishing`);
        }),
      ),
    );
    await sleep(500);
  }
  console.log(`\npublish-to-visible, ${STORIES} stories, two instances (ms from the publish call's answer)\n`);
  console.log(`| page | ${Object.keys(instances).map((i) => `${i}: median / max`).join(" | ")} |\n|---|---|---|`);
  for (const page of Object.keys(pages({ path: "", slug: "", id: "", version: 0, section: { slug: "" } }))) {
    const cells = Object.keys(instances).map((instance) => {
      const t = times.get(`${page}|${instance}`) ?? [];
      return t.length ? `${median(t)} / ${Math.max(...t)}` : "never";
    });
    console.log(`| ${page} | ${cells.join(" | ")} |`);
  }
  if (missing) {
    console.log(`\n${missing} page(s) did not show a story within 10 s`);
    process.exitCode = 1;
  }
} finally {
  await server.cleanup();
}
