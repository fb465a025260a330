/**
 * Breaking-news run (a script, not a test): DURATION (60) s of autocannon at CONNECTIONS (100) on
 * one hot article (half of all requests) and the rest of the site, while an editor publishes,
 * edits and unpublishes ARTICLES (20) stories through the JSON API. It reports requests, 5xx
 * (must be none) and latency; for every story the time from the publish call's answer to the story
 * on its page, the front page and the feed, whether its edit showed at once, and whether its URL
 * answered 410 right after it was unpublished; and whether drafts ever leaked (their marker on any
 * page, feed or search result, or their URL answering). Exits 1 when anything must-not happened.
 *
 *   npx tsx bench/breaking-news.ts              # its own `npm start` on a fresh embedded database
 *   CLUSTER=1 REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/breaking-news.ts   # two instances, LB
 */
import autocannon from "./lib/autocannon.ts";
import { median, startServer } from "./lib/server.ts";
import { paragraph, staffSession } from "./lib/staff.ts";

const DURATION = Number(process.env.DURATION ?? 60);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const ARTICLES = Number(process.env.ARTICLES ?? 20);
const HOT = "/politics/sessions-offered-to-quit-amid-rift-with-trump";
const run = Date.now().toString(36);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Article = { id: string; version: number; path: string; headline: string };

const server = await startServer(process.env.CLUSTER ? "cluster" : "start");
const base = server.url;
let failed = false;
const fail = (line: string) => {
  failed = true;
  console.error(`FAIL ${line}`);
};
try {
  const api = await staffSession(base);
  const sections = (await api<Array<{ id: string; slug: string }>>("GET", "/api/v1/sections")).data;
  const section = sections.find((s) => s.slug === "politics") ?? sections[0]!;
  const publicList = (await api<Article[]>("GET", "/api/v1/articles?perPage=100&status=PUBLISHED")).data;

  // Drafts that must never be seen: a marker in headline and body, a URL that must stay 404.
  const marker = `draftleak${run}`;
  const drafts: Article[] = [];
  for (let i = 0; i < 3; i++) drafts.push((await api<Article>("POST", "/api/v1/articles", { headline: `Embargoed ${marker} ${i}`, sectionId: section.id, body: paragraph(`Not for readers: ${marker}.`) })).data);

  // Half the requests on the hot story, the rest over the site.
  const others = [...publicList.map((a) => a.path), "/", `/${section.slug}`, "/feed.xml", "/sitemap.xml"];
  const requests = others.flatMap((p) => [{ path: HOT }, { path: p }]);
  const loadDone = new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests, headers: { "accept-encoding": "br, gzip" } }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });

  // Leak watcher: pages, the feed and search, and the drafts' own URLs, all the time.
  let watching = true;
  let leakChecks = 0;
  const watcher = (async () => {
    while (watching) {
      for (const p of ["/", `/${section.slug}`, "/feed.xml", `/search?q=${marker}`, ...drafts.map((d) => d.path)]) {
        const response = await fetch(base + p);
        const body = await response.text();
        leakChecks++;
        // (Search repeats the query itself: look for the drafts' words, not the marker alone.)
        if (drafts.some((d) => d.path === p) ? response.status !== 404 : /Embargoed|Not for readers/.test(body)) fail(`draft leaked on ${p} (${response.status})`);
      }
      await sleep(200);
    }
  })();

  // The newsroom: one story every DURATION / ARTICLES seconds, published, edited, unpublished.
  const visible: number[] = [];
  let editsSeen = 0;
  let gone = 0;
  const step = ((DURATION - 6) * 1000) / ARTICLES;
  for (let i = 0; i < ARTICLES; i++) {
    const started = Date.now();
    const created = (await api<Article>("POST", "/api/v1/articles", { headline: `Live ${run} story ${i}`, sectionId: section.id, body: paragraph(`Breaking story ${i}.`) })).data;
    const published = await api<Article>("POST", `/api/v1/articles/${created.id}/publish`, { version: created.version });
    if (published.status !== 200) fail(`publish ${i}: ${published.status}`);
    const answered = Date.now();
    // On its page, the front page and the feed, polled until there (at most 5 s).
    for (const [p, needle] of [[created.path, created.headline], ["/", created.headline], ["/feed.xml", created.path]] as const) {
      let seen = false;
      while (!seen && Date.now() - answered < 5_000) seen = (await (await fetch(base + p)).text()).includes(needle);
      if (!seen) fail(`story ${i} not on ${p} 5 s after publishing`);
    }
    visible.push(Date.now() - answered);
    const edited = await api<Article>("PATCH", `/api/v1/articles/${created.id}`, { version: published.data.version, headline: `Live ${run} story ${i}, updated` });
    if (edited.status !== 200) fail(`edit ${i}: ${edited.status}`);
    if ((await (await fetch(base + created.path)).text()).includes(`story ${i}, updated`)) editsSeen++;
    else fail(`story ${i}: the edit was not on its page on the next request`);
    const unpublished = await api<Article>("POST", `/api/v1/articles/${created.id}/unpublish`, { version: edited.data.version });
    if (unpublished.status !== 200) fail(`unpublish ${i}: ${unpublished.status}`);
    const status = (await fetch(base + created.path, { redirect: "manual" })).status;
    if (status === 410) gone++;
    else fail(`story ${i}: ${status} right after unpublishing, not 410`);
    await sleep(Math.max(0, step - (Date.now() - started)));
  }

  const result = await loadDone;
  watching = false;
  await watcher;
  const fiveXx = result["5xx"];
  if (fiveXx > 0) fail(`${fiveXx} responses with 5xx`);
  console.log(`\nbreaking-news run: ${DURATION} s, ${CONNECTIONS} connections, ${process.env.CLUSTER ? "cluster" : "one instance"}\n`);
  console.log("| figure | value |\n|---|---|");
  console.log(`| requests | ${result.requests.total} (${Math.round(result.requests.average)} req/s) |`);
  console.log(`| 2xx / 3xx-4xx / 5xx / errors | ${result["2xx"]} / ${result.non2xx - fiveXx} / ${fiveXx} / ${result.errors} |`);
  console.log(`| latency p50 / p99 / max | ${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms |`);
  console.log(`| stories published, edited, unpublished | ${ARTICLES} |`);
  console.log(`| publish answered → on page, front page and feed: median / max | ${median(visible)} / ${Math.max(...visible)} ms |`);
  console.log(`| edit on the page at the next request | ${editsSeen} of ${ARTICLES} |`);
  console.log(`| 410 right after unpublishing | ${gone} of ${ARTICLES} |`);
  console.log(`| leak checks (pages, feed, search, draft URLs) / leaks | ${leakChecks} / ${failed ? "see FAIL lines" : 0} |`);
} finally {
  server.cleanup();
}
process.exit(failed ? 1 : 0);
