/**
 * Next-request run (a script, not a test): READERS (8) readers keep loading the front page while an
 * editor swaps its first two stories ROUNDS (100) times through the JSON API, PAUSE_MS (300) apart;
 * after each swap answers, one more request: does it show the new order? Prints how many did not.
 * Exits 1 when any did not.
 *
 *   npx tsx bench/next-request.ts              # its own `npm start` on a fresh embedded database
 *   CLUSTER=1 REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/next-request.ts   # two instances, LB
 */
import { startServer } from "./lib/server.ts";
import { staffSession } from "./lib/staff.ts";

const ROUNDS = Number(process.env.ROUNDS ?? 100);
const READERS = Number(process.env.READERS ?? 8);
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 300);
type Item = { id: string; headline: string };

const server = await startServer(process.env.CLUSTER ? "cluster" : "start");
const base = server.url;
let stale = 0;
try {
  const api = await staffSession(base);
  let order = (await api<{ lists: { FRONT_PAGE: Item[] } }>("GET", "/api/v1/curation")).data.lists.FRONT_PAGE;
  let reading = true;
  let reads = 0;
  const readers = Array.from({ length: READERS }, async () => {
    while (reading) {
      await (await fetch(base + "/", { headers: { "accept-encoding": "br" } })).arrayBuffer();
      reads++;
    }
  });
  for (let i = 0; i < ROUNDS; i++) {
    order = [order[1]!, order[0]!, ...order.slice(2)];
    const saved = await api("PUT", "/api/v1/curation/front_page", { articleIds: order.map((a) => a.id) });
    if (saved.status !== 200) throw new Error(`saving the front page: ${saved.status}`);
    const html = await (await fetch(base + "/")).text();
    const [first, second] = [html.indexOf(order[0]!.headline), html.indexOf(order[1]!.headline)];
    if (first < 0 || second < 0) throw new Error(`a headline is not on the front page: ${order[0]!.headline}`);
    if (first > second) stale++;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  reading = false;
  await Promise.all(readers);
  console.log(`next-request run: ${process.env.CLUSTER ? "cluster" : "one instance"}, ${READERS} readers (${reads} front pages read)`);
  console.log(`changes not on the front page at the next request: ${stale} of ${ROUNDS}`);
} finally {
  await server.cleanup();
}
process.exit(stale ? 1 : 0);
