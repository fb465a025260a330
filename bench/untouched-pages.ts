/**
 * Pages a change does not touch, while changes come (a script, not a test): DURATION (20) s of
 * autocannon at CONNECTIONS (50) over the public article pages of every section but Politics,
 * while an editor edits one Politics story every PERIOD (2) s through the JSON API. Reports the
 * readers' requests per second and latency, and how many of their answers came from the page
 * cache (X-Cache: HIT): since changes purge the page cache by tags, an edit in Politics leaves
 * the others there; before, every edit emptied it and they came back from Next.js's cache.
 *
 *   npx tsx bench/untouched-pages.ts          # its own `npm start` on a fresh embedded database
 *   BENCH_URL=http://127.0.0.1:3000 npx tsx bench/untouched-pages.ts
 */
import type { IncomingHttpHeaders } from "node:http";
import autocannon from "./lib/autocannon.ts";
import { startServer } from "./lib/server.ts";
import { staffSession } from "./lib/staff.ts";

const DURATION = Number(process.env.DURATION ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const PERIOD = Number(process.env.PERIOD ?? 2);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Article = { id: string; version: number; path: string; headline: string; section: { slug: string } };

const server = await startServer("start");
const base = server.url;
try {
  const api = await staffSession(base);
  const published = (await api<Article[]>("GET", "/api/v1/articles?perPage=100&status=PUBLISHED")).data;
  const edited = published.find((a) => a.section.slug === "politics");
  const untouched = published.filter((a) => a.section.slug !== "politics").map((a) => a.path);
  if (!edited || untouched.length === 0) throw new Error("the demo content has no Politics story, or nothing else");
  for (const path of untouched) await fetch(base + path); // rendered once before the run

  let hits = 0;
  let answers = 0;
  const load = new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: untouched.map((path) => ({
          path,
          onResponse: (_status: number, _body: string, _context: object, headers: IncomingHttpHeaders | undefined) => {
            answers++;
            // autocannon keeps the header names as sent (X-Cache).
            if (Object.entries(headers ?? {}).some(([name, value]) => name.toLowerCase() === "x-cache" && value === "HIT")) hits++;
          },
        })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });

  let version = edited.version;
  let edits = 0;
  const until = Date.now() + DURATION * 1000 - 1000;
  while (Date.now() < until) {
    const response = await api<Article>("PATCH", `/api/v1/articles/${edited.id}`, { version, headline: `${edited.headline} (${++edits})` });
    if (response.status !== 200) throw new Error(`edit ${edits}: ${response.status}`);
    version = response.data.version;
    await sleep(PERIOD * 1000);
  }
  // Put the headline back, for anyone reusing the server.
  await api("PATCH", `/api/v1/articles/${edited.id}`, { version, headline: edited.headline });

  const result = await load;
  console.log(`\nuntouched pages: ${DURATION} s, ${CONNECTIONS} connections, ${untouched.length} article pages outside Politics, an edit in Politics every ${PERIOD} s\n`);
  console.log("| figure | value |\n|---|---|");
  console.log(`| requests | ${result.requests.total} (${Math.round(result.requests.average)} req/s), 5xx ${result["5xx"]} |`);
  console.log(`| latency p50 / p99 | ${result.latency.p50} / ${result.latency.p99} ms |`);
  console.log(`| edits | ${edits} |`);
  console.log(`| answered from the page cache | ${answers ? Math.round((hits / answers) * 100) : 0} % (${hits} of ${answers}) |`);
} finally {
  server.cleanup();
}
