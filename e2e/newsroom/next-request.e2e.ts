import { expect, test } from "@playwright/test";
import { picksOnFrontPage, type Curation, type CurationItem as Item } from "../helpers";
import { apiJson, apiSession } from "./staff";

// Found by CI: a cleared banner was still on the front page at the next request while other
// tests were loading it. Next.js applies an expiry at the end of the action or route that made
// it, after our own page-cache purge; a page rendered in between, from Next.js's still unexpired
// caches, was kept and served. Readers here keep the front page busy the whole time.
test("a change is on the front page at the very next request while readers keep it busy", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const api = await apiSession(playwright, baseURL!, "editor");
  const state = (await apiJson<Curation>(api, "GET", "/api/v1/curation", baseURL!)).body!.data!;
  const original = state.lists.EDITORS_PICKS.map((a) => a.id);
  const [a, b] = state.candidates;
  expect(b, "two public stories to pick").toBeTruthy();
  const path = (item: Item) => `/${item.section.slug}/${item.slug}`;

  let reading = true;
  const readers = Array.from({ length: 4 }, async () => {
    while (reading) await (await fetch(`${baseURL}/`)).arrayBuffer();
  });
  const stale: string[] = [];
  try {
    for (let round = 0; round < 30; round++) {
      const order = round % 2 ? [b!, a!] : [a!, b!];
      const saved = await apiJson<Curation>(api, "PUT", "/api/v1/curation/editors_picks", baseURL!, { articleIds: order.map((s) => s.id) });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      // The paths as saved (another test may rename a section meanwhile).
      const expected = saved.body!.data!.lists.EDITORS_PICKS.map(path);
      const response = await fetch(`${baseURL}/`);
      const shown = picksOnFrontPage(await response.text());
      if (shown.join() !== expected.join()) stale.push(`round ${round}: expected ${expected.join(" ")}, shown ${shown.join(" ")} (${response.headers.get("x-cache")})`);
    }
  } finally {
    reading = false;
    await Promise.all(readers);
    await apiJson(api, "PUT", "/api/v1/curation/editors_picks", baseURL!, { articleIds: original });
  }
  expect(stale, "rounds whose next request did not show the change").toEqual([]);
});
