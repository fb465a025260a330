/**
 * Next-request run (a script, not a test): READERS (8) readers keep loading pages while an editor
 * changes a curated list ROUNDS (100) times through the JSON API, PAUSE_MS (300) apart; after each
 * change answers, one request for the front page: does it show the change? Prints how many did
 * not. Exits 1 when any did not.
 *
 * LIST=front_page (default): the readers load the front page, the editor swaps its first two
 * stories. LIST=editors_picks: the readers load article pages, which show the editors' picks too,
 * and the editor swaps the first two picks: a front page rendered after the change must not take
 * the picks from an article page's render that began before it (Next.js lets a render join a
 * 'use cache' computation another request has in flight).
 *
 *   npx tsx bench/next-request.ts              # its own `npm start` on a fresh embedded database
 *   LIST=editors_picks npx tsx bench/next-request.ts
 *   CLUSTER=1 REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/next-request.ts   # two instances, LB
 *
 * REDIS_DELAY_MS: Redis (REDIS_URL) reached through a proxy that delays every command by that
 * much. A 'use cache' computation stays joinable until its entry is stored, in Redis too, so this
 * widens the window in which a request after a change can join one from before it (RELIABILITY.md):
 *   LIST=editors_picks PAUSE_MS=0 REDIS_URL=redis://127.0.0.1:6379 REDIS_DELAY_MS=150 npx tsx bench/next-request.ts
 *
 * LIST=publish: each round the editor writes and publishes a new story, puts it first on the front
 * page and unpublishes the previous round's; the readers load the front page and the stories'
 * pages. The front page must lead with the new story at the next request (the stored-XSS spec saw
 * a front page without its new stories once, RELIABILITY.md).
 */
import { startServer } from "./lib/server.ts";
import { slowProxy } from "./lib/slow-tcp.ts";
import { paragraph, staffSession } from "./lib/staff.ts";

const ROUNDS = Number(process.env.ROUNDS ?? 100);
const READERS = Number(process.env.READERS ?? 8);
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 300);
const LIST = process.env.LIST === "editors_picks" || process.env.LIST === "publish" ? process.env.LIST : "front_page";
type Item = { id: string; headline: string; slug: string; section: { slug: string } };
type Curation = { lists: Record<"FRONT_PAGE" | "EDITORS_PICKS", Item[]>; candidates: Item[] };

/** The links of the front page's editors' picks rail, in order. */
function picksOnFrontPage(html: string): string[] {
  const start = html.indexOf('id="picks-heading"');
  if (start < 0) throw new Error("the front page has no editors' picks rail");
  const rail = html.slice(start, html.indexOf("</section>", start));
  return [...rail.matchAll(/href="(\/[^"#?]+)"/g)].map((m) => m[1]!).filter((p, i, all) => all.indexOf(p) === i);
}

const REDIS_DELAY_MS = Number(process.env.REDIS_DELAY_MS ?? 0);
const slowRedis = REDIS_DELAY_MS > 0 ? await slowProxy(new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379"), REDIS_DELAY_MS) : null;
const server = await startServer(
  process.env.CLUSTER ? "cluster" : "start",
  // A namespace of its own: entries of an earlier run (another database, the same build) must not be served.
  slowRedis ? { DATABASE_URL: "", REDIS_URL: `redis://127.0.0.1:${slowRedis.port}`, CACHE_NAMESPACE: `bench-${Date.now()}` } : undefined,
);
const base = server.url;
let stale = 0;
try {
  const api = await staffSession(base);
  const curation = (await api<Curation>("GET", "/api/v1/curation")).data;
  const path = (item: Item) => `/${item.section.slug}/${item.slug}`;
  let order = LIST === "front_page" ? curation.lists.FRONT_PAGE : curation.candidates.slice(0, 2);
  const original = curation.lists.EDITORS_PICKS.map((a) => a.id);
  const readPaths = LIST === "front_page" ? ["/"] : ["/", ...curation.candidates.slice(2, 12).map(path)];
  let reading = true;
  let reads = 0;
  const readers = Array.from({ length: READERS }, async (_, i) => {
    for (let n = i; reading; n++) {
      await (await fetch(base + readPaths[n % readPaths.length], { headers: { "accept-encoding": "br" } })).arrayBuffer();
      reads++;
    }
  });
  const sectionId = LIST === "publish" ? (await api<Array<{ id: string }>>("GET", "/api/v1/sections")).data[0]!.id : "";
  let previous: { id: string; version: number } | null = null;
  for (let i = 0; i < ROUNDS; i++) {
    if (LIST === "publish") {
      const created = (await api<Item & { version: number }>("POST", "/api/v1/articles", { headline: `Next-request story ${Date.now()} ${i}`, sectionId, body: paragraph(`Story ${i}.`) })).data;
      const published = await api<Item & { version: number }>("POST", `/api/v1/articles/${created.id}/publish`, { version: created.version });
      if (published.status !== 200) throw new Error(`publishing: ${published.status}`);
      order = [published.data, ...order.filter((a) => a.id !== previous?.id)].slice(0, 12);
      const saved = await api("PUT", "/api/v1/curation/front_page", { articleIds: order.map((a) => a.id) });
      if (saved.status !== 200) throw new Error(`saving front_page: ${saved.status}`);
      const html = await (await fetch(base + "/")).text();
      const [first, second] = [html.indexOf(order[0]!.headline), html.indexOf(order[1]!.headline)];
      if (first < 0 || first > second) stale++;
      readPaths.push(path(published.data));
      if (previous) {
        const gone = await api("POST", `/api/v1/articles/${previous.id}/unpublish`, { version: previous.version });
        if (gone.status !== 200) throw new Error(`unpublishing: ${gone.status}`);
      }
      previous = published.data;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      continue;
    }
    order = [order[1]!, order[0]!, ...order.slice(2)];
    const saved = await api("PUT", `/api/v1/curation/${LIST}`, { articleIds: order.map((a) => a.id) });
    if (saved.status !== 200) throw new Error(`saving ${LIST}: ${saved.status}`);
    const html = await (await fetch(base + "/")).text();
    if (LIST === "front_page") {
      const [first, second] = [html.indexOf(order[0]!.headline), html.indexOf(order[1]!.headline)];
      if (first < 0 || second < 0) throw new Error(`a headline is not on the front page: ${order[0]!.headline}`);
      if (first > second) stale++;
    } else if (picksOnFrontPage(html).join() !== order.map(path).join()) stale++;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  reading = false;
  await Promise.all(readers);
  if (LIST === "editors_picks") await api("PUT", "/api/v1/curation/editors_picks", { articleIds: original });
  const what = LIST === "front_page" ? "front pages" : "article pages";
  console.log(`next-request run (${LIST}): ${process.env.CLUSTER ? "cluster" : "one instance"}, ${READERS} readers (${reads} ${what} read)`);
  console.log(`changes not on the front page at the next request: ${stale} of ${ROUNDS}${slowRedis ? ` (Redis ${REDIS_DELAY_MS} ms slow)` : ""}`);
} finally {
  await server.cleanup();
  slowRedis?.close();
}
process.exit(stale ? 1 : 0);
