/**
 * A large archive for the scale benchmark (bench/scale.ts): N published articles written with
 * plain SQL (the services would take hours for 100,000), on top of the demo seed.
 *
 * Every generated article copies one published demo article (its "template"): the body exactly as
 * the app stored it (ProseMirror JSON, images with their media ids), bodyText (so the generated
 * searchVector column and the GIN index see real prose), standfirst, hero image, section, byline
 * and tags. What differs per article: id, slug, publication time (spread over YEARS years, denser
 * towards now, as an archive that grew), a reference code in the standfirst (so that a search can
 * match a handful of articles whatever the size), page views for its first days (the most-read
 * list reads them), and a content update on one in ten. The reader queries see them like any
 * article the newsroom published.
 *
 * Deterministic: article i is the same whether it was written in one go or level by level, so
 * "1,000 then 9,000 more" gives the same 10,000 as "10,000".
 */
import pg from "pg";
import { databaseUrlOn, withClient } from "../../tests/test-database.ts";

/** Generated ids ("scale00000042") never collide with the seed's cuids. */
export const ID_PREFIX = "scale";
const YEARS = 6;
/** The deepest section (the most articles; sections do not nest) takes this share. */
const DEEP_SHARE = 0.25;
const BATCH = 2_000;
/** Articles sharing one reference code ("ZX7"): what the "few matches" search finds. */
export const REF_GROUP = 5;
export const PAGE_SIZE = 12; // src/server/data/article-queries.ts (server-only: not importable here)

export const idOf = (i: number) => ID_PREFIX + String(i).padStart(8, "0");
/** The search that matches REF_GROUP articles at every level (the code of articles 35–39). */
export const rareQuery = "zx7";

/** Same public rule as src/server/data/visibility.ts, for raw SQL here. */
const PUBLIC = `a."status" IN ('PUBLISHED', 'SCHEDULED') AND a."publishedAt" <= timezone('UTC', now())`;

/** mulberry32: a tiny seeded PRNG, so that article i's choices depend on i alone. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Template {
  id: string;
  sectionId: string;
}

/** The demo seed's published articles, in a stable order, weighted so one section is deepest. */
async function templates(client: pg.Client): Promise<{ list: Template[]; cumulative: number[] }> {
  const { rows } = await client.query<Template>(
    `SELECT a."id", a."sectionId" FROM "Article" a
      WHERE a."status" = 'PUBLISHED' AND a."id" NOT LIKE '${ID_PREFIX}%' ORDER BY a."slug"`,
  );
  if (rows.length === 0) throw new Error("no published demo articles to copy: seed the database first");
  // The section with the most demo articles (ties: navigation order) becomes the deepest.
  const { rows: deepest } = await client.query<{ id: string }>(
    `SELECT s."id" FROM "Section" s JOIN "Article" a ON a."sectionId" = s."id" AND a."status" = 'PUBLISHED'
      GROUP BY s."id", s."position" ORDER BY count(*) DESC, s."position" LIMIT 1`,
  );
  const deep = deepest[0]!.id;
  const inDeep = rows.filter((t) => t.sectionId === deep).length;
  const sectionCount = new Set(rows.map((t) => t.sectionId)).size;
  // Without the skew every section would get about 1/sectionCount of the archive.
  const deepShare = Math.max(DEEP_SHARE, 1 / sectionCount);
  let total = 0;
  const cumulative = rows.map((t) => (total += t.sectionId === deep ? deepShare / inDeep : (1 - deepShare) / (rows.length - inDeep)));
  return { list: rows, cumulative: cumulative.map((c) => c / total) };
}

interface Planned {
  i: number;
  templateId: string;
  /** Seconds before now. */
  age: number;
}

function plan(i: number, t: { list: Template[]; cumulative: number[] }): Planned {
  const next = random(i * 2_654_435_761);
  const u = next();
  const k = t.cumulative.findIndex((c) => u < c);
  // Age density falls linearly from now to YEARS ago: recent months hold twice the average.
  const span = YEARS * 365.25 * 86_400;
  const age = 600 + span * (1 - Math.sqrt(next()));
  return { i, templateId: t.list[k === -1 ? t.list.length - 1 : k]!.id, age };
}

/** One batch: articles, bylines, tags and page views, copied from the templates in SQL. */
async function insertBatch(client: pg.Client, batch: Planned[]): Promise<void> {
  const params = [batch.map((p) => p.i), batch.map((p) => p.templateId), batch.map((p) => p.age)];
  const rows = `unnest($1::int[], $2::text[], $3::float8[]) AS g("i", "tid", "age")`;
  const id = `'${ID_PREFIX}' || lpad(g."i"::text, 8, '0')`;
  // "publishedAt" is a timestamp without time zone holding UTC (see sitemap-queries.ts).
  const at = `date_trunc('milliseconds', timezone('UTC', now()) - make_interval(secs => g."age"))`;
  await client.query(
    `INSERT INTO "Article" ("id", "slug", "headline", "standfirst", "body", "bodyText", "status", "publishedAt",
       "firstPublishedAt", "contentUpdatedAt", "version", "sectionId", "heroImageId", "heroCaption", "heroCredit",
       "seoTitle", "seoDescription", "createdById", "lastEditedById", "createdAt", "updatedAt")
     SELECT ${id}, left(t."slug", 64) || '-' || g."i", t."headline",
            t."standfirst" || ' (Archive ref. ZX' || (g."i" / ${REF_GROUP}) || '.)', t."body", t."bodyText", 'PUBLISHED', p."at",
            p."at", CASE WHEN g."i" % 10 = 3 THEN least(p."at" + interval '3 hours', timezone('UTC', now())) END,
            CASE WHEN g."i" % 10 = 3 THEN 2 ELSE 1 END, t."sectionId", t."heroImageId", t."heroCaption", t."heroCredit",
            t."seoTitle", t."seoDescription", t."createdById", t."lastEditedById", p."at", p."at"
       FROM ${rows}
       JOIN "Article" t ON t."id" = g."tid"
       CROSS JOIN LATERAL (SELECT ${at} AS "at") p`,
    params,
  );
  await client.query(
    `INSERT INTO "ArticleAuthor" ("articleId", "userId", "position")
     SELECT ${id}, x."userId", x."position" FROM ${rows} JOIN "ArticleAuthor" x ON x."articleId" = g."tid"`,
    params,
  );
  await client.query(
    `INSERT INTO "ArticleTag" ("articleId", "tagId", "position")
     SELECT ${id}, x."tagId", x."position" FROM ${rows} JOIN "ArticleTag" x ON x."articleId" = g."tid"`,
    params,
  );
  // Views on the day of publication and the two after (most-read groups them by day).
  await client.query(
    `INSERT INTO "ArticleViewDaily" ("articleId", "day", "views")
     SELECT a."id", a."publishedAt"::date + d, 20 + (hashtext(a."id" || d) & 1023)
       FROM "Article" a CROSS JOIN generate_series(0, 2) AS d
      WHERE a."id" >= $1 AND a."id" <= $2 AND a."publishedAt"::date + d <= timezone('UTC', now())::date`,
    [idOf(batch[0]!.i), idOf(batch.at(-1)!.i)],
  );
}

export async function generatedCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Article" WHERE "id" LIKE '${ID_PREFIX}%'`);
  return rows[0]!.n;
}

/**
 * Brings the generated articles up to `target` (never removes any), one transaction per call,
 * then VACUUM ANALYZE as autovacuum would have done on a real archive: the planner's statistics
 * must describe this table, not the 50 rows of the seed.
 */
export async function growArchive(client: pg.Client, target: number, log: (line: string) => void = () => {}): Promise<void> {
  const from = await generatedCount(client);
  if (from >= target) return;
  const t = await templates(client);
  const started = Date.now();
  await client.query("BEGIN");
  try {
    for (let start = from; start < target; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, target - start) }, (_, n) => plan(start + n, t));
      await insertBatch(client, batch);
      const done = start + batch.length;
      if (done === target || (done - from) % (BATCH * 10) === 0) log(`  ${done.toLocaleString("en")} / ${target.toLocaleString("en")} articles (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  for (const table of ["Article", "ArticleAuthor", "ArticleTag", "ArticleViewDaily"]) await client.query(`VACUUM ANALYZE "${table}"`);
  log(`  ${(target - from).toLocaleString("en")} articles written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** What the benchmark requests at a level, found in the data rather than assumed. */
export interface ArchiveShape {
  publicArticles: number;
  deepestSection: { slug: string; articles: number; lastPage: number };
  largestMonth: { month: string; articles: number };
  search: { many: { q: string; matches: number }; few: { q: string; matches: number } };
}

const matches = async (client: pg.Client, q: string) =>
  (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Article" a WHERE a."searchVector" @@ websearch_to_tsquery('english', $1) AND ${PUBLIC}`, [q])).rows[0]!.n;

export async function archiveShape(client: pg.Client, manyQuery: string): Promise<ArchiveShape> {
  const one = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows[0]!;
  const total = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Article" a WHERE ${PUBLIC}`);
  const deepest = await one<{ slug: string; n: number }>(
    `SELECT s."slug", count(*)::int AS n FROM "Article" a JOIN "Section" s ON s."id" = a."sectionId"
      WHERE ${PUBLIC} GROUP BY s."slug" ORDER BY n DESC, s."slug" LIMIT 1`,
  );
  // Same months as sitemap-queries.ts articleMonths (UTC months of "publishedAt").
  const month = await one<{ month: string; n: number }>(
    `SELECT to_char(date_trunc('month', a."publishedAt"), 'YYYY-MM') AS month, count(*)::int AS n FROM "Article" a
      WHERE ${PUBLIC} GROUP BY 1 ORDER BY n DESC, 1 DESC LIMIT 1`,
  );
  return {
    publicArticles: total.n,
    deepestSection: { slug: deepest.slug, articles: deepest.n, lastPage: Math.max(1, Math.ceil(deepest.n / PAGE_SIZE)) },
    largestMonth: { month: month.month, articles: month.n },
    search: {
      many: { q: manyQuery, matches: await matches(client, manyQuery) },
      few: { q: rareQuery, matches: await matches(client, rareQuery) },
    },
  };
}

/** `count` public article paths in a random order that is the same on every run and database. */
export async function sampleArticlePaths(client: pg.Client, count: number): Promise<string[]> {
  const { rows } = await client.query<{ path: string }>(
    `SELECT '/' || s."slug" || '/' || a."slug" AS path FROM "Article" a JOIN "Section" s ON s."id" = a."sectionId"
      WHERE a."id" LIKE '${ID_PREFIX}%' AND ${PUBLIC}
      ORDER BY md5(a."id") LIMIT $1`,
    [count],
  );
  return rows.map((r) => r.path);
}

/** Drops and creates `name` on the PostgreSQL server at serverUrl; returns its URL. */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  return databaseUrlOn(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

