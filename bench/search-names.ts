/**
 * What the search-names triggers cost (a script, not a test). Search finds stories by their bylines
 * and tags because statement-level triggers copy those names into Article.searchNames, and every
 * change there computes the article's search vector again (the search_names migration). This
 * measures the writes that fire them, on a migrated database of its own, with the triggers on and
 * off in alternating rounds:
 *
 * - saves as the newsroom's service writes them, in one transaction, of a 1,500-word story: an
 *   autosave of the text (the article row only: the service leaves byline and tags alone when
 *   they did not change), and a save that changes byline and tags too (each replaced: delete,
 *   insert);
 * - a bulk insert of bylines for BULK (2,000) stories in one statement, as the scale
 *   benchmark's archive generator writes them; and the same with the triggers deferred
 *   (`SET LOCAL dellboys.defer_search_names = 'on'`) and one refresh of those stories' names
 *   before COMMIT, as a bulk import may do (search_names_deferrable migration).
 *
 * Prints the median of each, with and without, and the ratio.
 *
 *   npx tsx bench/search-names.ts                       # embedded PGlite and PostgreSQL
 *   DB=pglite npx tsx bench/search-names.ts             # one of them
 *   PG_URL=postgresql://postgres@127.0.0.1:5432/postgres # the PostgreSQL server (this is the default)
 */
import pg from "pg";
import { startEmbeddedDatabase } from "../scripts/lib/embedded-db.ts";
import { dropDatabase, recreateDatabase } from "./lib/archive.ts";
import { fmt, markdownTable } from "./lib/measure.ts";
import { median, runLauncher } from "./lib/server.ts";
import { withClient } from "../tests/test-database.ts";

const ROUNDS = Number(process.env.ROUNDS ?? 6);
const SAVES = Number(process.env.SAVES ?? 40);
const BULK = Number(process.env.BULK ?? 2_000);
const PG_URL = process.env.PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const kinds = (process.env.DB ?? "pglite,postgresql").split(",");
const TRIGGERED = ["ArticleAuthor", "ArticleTag"];

const words = Array.from({ length: 1_500 }, (_, i) => ["council", "harbour", "budget", "river", "school", "vote"][i % 6]! + (i % 97)).join(" ");

async function setUp(client: pg.Client): Promise<{ articles: string[]; users: string[]; tags: string[] }> {
  await client.query(`INSERT INTO "Section" ("id", "slug", "name", "updatedAt") VALUES ('sec', 'news', 'News', now())`);
  const users = ["u1", "u2", "u3"];
  for (const [i, id] of users.entries()) {
    await client.query(`INSERT INTO "User" ("id", "email", "slug", "name", "updatedAt") VALUES ($1, $2, $1, $3, now())`, [id, `${id}@bench.example`, `Writer Number${i}`]);
  }
  const tags = ["t1", "t2", "t3", "t4"];
  for (const id of tags) await client.query(`INSERT INTO "Tag" ("id", "slug", "name", "updatedAt") VALUES ($1, $1, $2, now())`, [id, `Topic ${id}`]);
  await client.query(
    `INSERT INTO "Article" ("id", "slug", "headline", "body", "bodyText", "status", "publishedAt", "sectionId", "updatedAt")
     SELECT 'a' || i, 'story-' || i, 'Story ' || i, '{}', $1, 'PUBLISHED', now(), 'sec', now() FROM generate_series(1, $2::int) AS i`,
    [words, BULK],
  );
  return { articles: Array.from({ length: BULK }, (_, i) => `a${i + 1}`), users, tags };
}

/** One save as the article service writes it (src/server/services/articles.ts saveChanges). */
async function save(client: pg.Client, id: string, n: number, users: string[], tags: string[], relink: boolean): Promise<number> {
  const started = performance.now();
  await client.query("BEGIN");
  await client.query(`UPDATE "Article" SET "bodyText" = $2, "version" = "version" + 1, "updatedAt" = now() WHERE "id" = $1`, [id, `${words} edit${n}`]);
  if (relink) await relinkNames(client, id, n, users, tags);
  await client.query("COMMIT");
  return performance.now() - started;
}

async function relinkNames(client: pg.Client, id: string, n: number, users: string[], tags: string[]): Promise<void> {
  await client.query(`DELETE FROM "ArticleAuthor" WHERE "articleId" = $1`, [id]);
  await client.query(`INSERT INTO "ArticleAuthor" ("articleId", "userId", "position") VALUES ($1, $2, 0), ($1, $3, 1)`, [id, users[n % 3], users[(n + 1) % 3]]);
  await client.query(`DELETE FROM "ArticleTag" WHERE "articleId" = $1`, [id]);
  await client.query(`INSERT INTO "ArticleTag" ("articleId", "tagId", "position") VALUES ($1, $2, 0), ($1, $3, 1)`, [id, tags[n % 4], tags[(n + 1) % 4]]);
}

async function bulk(client: pg.Client, user: string): Promise<number> {
  await client.query(`DELETE FROM "ArticleAuthor"`);
  const started = performance.now();
  await client.query(`INSERT INTO "ArticleAuthor" ("articleId", "userId", "position") SELECT "id", $1, 0 FROM "Article"`, [user]);
  return performance.now() - started;
}

/**
 * The same bulk insert, the articles' names already written as the bylines will make them (an
 * import that writes "searchNames" with each article): the triggers then compute the names and
 * find nothing to change, so no article row is written twice.
 */
async function bulkPrewritten(client: pg.Client, user: string): Promise<number> {
  await client.query(`DELETE FROM "ArticleAuthor"`);
  await client.query(`UPDATE "Article" SET "searchNames" = (SELECT "name" FROM "User" WHERE "id" = $1)`, [user]);
  const started = performance.now();
  await client.query(`INSERT INTO "ArticleAuthor" ("articleId", "userId", "position") SELECT "id", $1, 0 FROM "Article"`, [user]);
  return performance.now() - started;
}

async function measure(url: string): Promise<(string | number)[][]> {
  return withClient(url, async (client) => {
    const { articles, users, tags } = await setUp(client);
    const times = {
      textOn: [] as number[],
      textOff: [] as number[],
      saveOn: [] as number[],
      saveOff: [] as number[],
      bulkOn: [] as number[],
      bulkOff: [] as number[],
      bulkPrewritten: [] as number[],
    };
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const on of round % 2 === 0 ? [true, false] : [false, true]) {
        for (const table of TRIGGERED) await client.query(`ALTER TABLE "${table}" ${on ? "ENABLE" : "DISABLE"} TRIGGER USER`);
        for (let i = 0; i < SAVES; i++, n++) {
          const id = articles[n % articles.length]!;
          (on ? times.textOn : times.textOff).push(await save(client, id, n, users, tags, false));
          (on ? times.saveOn : times.saveOff).push(await save(client, id, n, users, tags, true));
        }
        (on ? times.bulkOn : times.bulkOff).push(await bulk(client, users[round % 3]!));
        if (on) times.bulkPrewritten.push(await bulkPrewritten(client, users[round % 3]!));
      }
    }
    const row = (what: string, on: number[], off: number[]) => [what, fmt(median(off), 2), fmt(median(on), 2), fmt(median(on) / median(off), 2)];
    return [
      row(`autosave of the text, ${SAVES * ROUNDS} each`, times.textOn, times.textOff),
      row(`save that changes byline and tags, ${SAVES * ROUNDS} each`, times.saveOn, times.saveOff),
      row(`bylines for ${BULK.toLocaleString("en")} stories in one INSERT, ${ROUNDS} each`, times.bulkOn, times.bulkOff),
      row(`the same, each article's names written with it beforehand`, times.bulkPrewritten, times.bulkOff),
    ];
  });
}

for (const kind of kinds) {
  let url: string;
  let stop: () => Promise<void>;
  if (kind === "pglite") {
    const embedded = await startEmbeddedDatabase("memory://", 10);
    url = embedded.url;
    stop = () => embedded.stop();
  } else if (kind === "postgresql") {
    url = await recreateDatabase(PG_URL, "bench_search_names");
    stop = () => dropDatabase(PG_URL, "bench_search_names");
  } else throw new Error(`DB: pglite or postgresql, not ${kind}`);
  try {
    await runLauncher("migrate", { DATABASE_URL: url }, { quiet: true });
    console.log(`\n${kind} (median ms)\n`);
    console.log(markdownTable(["write", "triggers off", "triggers on", "on / off"], await measure(url)));
  } finally {
    await stop();
  }
}
