import { expect, test } from "@playwright/test";
import { paragraph } from "../../bench/lib/staff";
import { databaseUrlOn, testPostgresUrl, withClient } from "../../tests/test-database";
import { picksOnFrontPage, type Curation, type CurationItem as Item } from "../helpers";
import { apiJson, apiSession, uniqueHeadline } from "./staff";

// Found by CI: a staff page's router prefetch of "/" began rendering the front page before a
// change, and a reader's request for "/" after the change joined that render (Next.js renders a
// static page's prefetch under the page's own cache key) and got the page from before. Here the
// prefetch's render is held open by a lock on a table it reads (the most-read counts), the picks
// change meanwhile, and the next request must show them. PostgreSQL only: the embedded
// database has one session, which a lock taken from here would hold for the site too.
test("a reader's request after a change is not answered by a prefetch's render from before it", async ({ playwright, baseURL }) => {
  const server = testPostgresUrl();
  test.skip(!server, "needs PostgreSQL (TEST_DATABASE_URL) to hold a render open with a table lock");
  test.setTimeout(90_000);
  const api = await apiSession(playwright, baseURL!, "editor");
  const call = async <T>(method: string, path: string, data?: unknown) => {
    const response = await apiJson<T>(api, method, path, baseURL!, data);
    expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
    return response.body!.data as T;
  };
  // The site's database: scripts/e2e-server.ts names it after its port.
  const port = new URL(baseURL!).port;
  const name = await withClient(server!, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY oid DESC LIMIT 1", [`news_e2e_${port}_%`]);
    return rows[0]?.datname;
  });
  expect(name, "the e2e server's database").toBeTruthy();

  const state = await call<Curation>("GET", "/api/v1/curation");
  const original = state.lists.EDITORS_PICKS.map((a) => a.id);
  const [a, b] = state.candidates;
  expect(b, "two public stories to pick").toBeTruthy();
  const path = (item: Item) => `/${item.section.slug}/${item.slug}`;
  const sectionId = (await call<{ id: string }[]>("GET", "/api/v1/sections"))[0]!.id;
  try {
    await withClient(databaseUrlOn(server!, name!), async (db) => {
      for (let round = 0; round < 3; round++) {
        // A publication: the front page's lists (most-read among them) are computed afresh by its next render.
        const draft = await call<{ id: string; version: number }>("POST", "/api/v1/articles", { headline: uniqueHeadline("Prefetch race"), sectionId, body: paragraph("Words.") });
        await call("POST", `/api/v1/articles/${draft.id}/publish`, { version: draft.version });

        await db.query("BEGIN");
        await db.query('LOCK TABLE "ArticleViewDaily" IN ACCESS EXCLUSIVE MODE');
        let prefetchDone = false;
        const prefetch = fetch(`${baseURL}/?_rsc=race${round}`, { headers: { rsc: "1", "next-router-prefetch": "1" } }).then(async (r) => {
          await r.arrayBuffer();
          prefetchDone = true;
          return r.status;
        });
        await new Promise((resolve) => setTimeout(resolve, 700));
        const order = round % 2 ? [a!, b!] : [b!, a!];
        const saved = await call<Curation>("PUT", "/api/v1/curation/editors_picks", { articleIds: order.map((s) => s.id) });
        const expected = saved.lists.EDITORS_PICKS.map(path);
        const next = fetch(`${baseURL}/`).then((r) => r.text());
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(prefetchDone, "the prefetch's render was still held open by the lock").toBe(false);
        await db.query("COMMIT");
        expect(await prefetch).toBe(200);
        expect(picksOnFrontPage(await next), `round ${round}: the request after the change`).toEqual(expected);
      }
    });
  } finally {
    await apiJson(api, "PUT", "/api/v1/curation/editors_picks", baseURL!, { articleIds: original });
  }
});
