/**
 * Straddle run (a script, not a test): a change made while Next.js renders the front page in the
 * background (stale-while-revalidate). Each of ROUNDS (3) rounds waits until the front page's
 * cached copy is stale (its revalidate time, 60 s), asks for it once (Next.js answers from the
 * stale copy and renders it again in the background), swaps the first two stories through the
 * JSON API at once, so that the change lands while that render runs, and then reads the front
 * page READS (10) times over the next 1.5 s: each read that still shows the old order counts.
 * Prints them; exits 1 when any read was old.
 *
 *   npx tsx bench/straddle.ts      # its own `npm start` on a fresh embedded database
 */
import { startServer } from "./lib/server.ts";
import { staffSession } from "./lib/staff.ts";

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const READS = Number(process.env.READS ?? 10);
const STALE_AFTER_MS = 61_000;
type Item = { id: string; headline: string };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const server = await startServer();
const base = server.url;
let old = 0;
try {
  const api = await staffSession(base);
  let order = (await api<{ lists: { FRONT_PAGE: Item[] } }>("GET", "/api/v1/curation")).data.lists.FRONT_PAGE;
  await (await fetch(base + "/")).text();
  for (let round = 1; round <= ROUNDS; round++) {
    await sleep(STALE_AFTER_MS);
    const started = performance.now();
    const staleAnswer = fetch(base + "/").then((r) => r.headers.get("x-nextjs-cache"));
    await sleep(20); // the background render has begun
    order = [order[1]!, order[0]!, ...order.slice(2)];
    const saved = await api("PUT", "/api/v1/curation/front_page", { articleIds: order.map((a) => a.id) });
    if (saved.status !== 200) throw new Error(`saving the front page: ${saved.status}`);
    const changedAt = performance.now();
    const reads: string[] = [];
    for (let i = 0; i < READS; i++) {
      const response = await fetch(base + "/");
      const html = await response.text();
      const shown = html.indexOf(order[0]!.headline) < html.indexOf(order[1]!.headline) ? "new" : "OLD";
      if (shown === "OLD") old++;
      reads.push(`${shown}@${Math.round(performance.now() - changedAt)}ms`);
      await sleep(150);
    }
    console.log(`round ${round}: first answer ${await staleAnswer}, change saved ${Math.round(changedAt - started)} ms after it was asked for; reads: ${reads.join(" ")}`);
  }
  console.log(`reads showing the front page from before the change: ${old} of ${ROUNDS * READS}`);
} finally {
  await server.cleanup();
}
process.exit(old ? 1 : 0);
