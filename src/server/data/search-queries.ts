import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { FRAGMENT_DELIMITER, HIGHLIGHT_START, HIGHLIGHT_STOP, markCuts, parseHighlight, type HighlightSegment } from "@/lib/highlight";
import { prisma } from "@/server/db";
import { cardSelect, PAGE_SIZE, toCard, type ArticleCard } from "@/server/data/article-queries";
import { publicArticleSql } from "@/server/data/visibility";
import type { SearchSort } from "@/lib/routes";

/**
 * Reader search over two generated columns, each with a GIN index: "searchVector" (headline A,
 * standfirst B, body C) and "namesVector" (bylines and tag names, B; see the search_names
 * migration). Uncached: pages use getSearchResults in search.ts.
 */

export const MAX_QUERY_LENGTH = 200;

/**
 * How many matches a search ranks: the newest this many. Ranking every match read every matching
 * row (36,000 at 100,000 stories for a common word: hundreds of ms, growing with the archive);
 * the newest thousand are found by walking the date index until enough match (or, for a rarer
 * word, through the GIN index: PostgreSQL picks), so the cost stays flat. Readers of news want
 * recent stories first, and 84 pages of results are more than anyone reads.
 */
export const SEARCH_CAP = 1000;

export type SearchResult = ArticleCard & { snippet: HighlightSegment[] };

export interface SearchPage {
  results: SearchResult[];
  /** Matches, counted up to the cap. */
  total: number;
  /** Whether more matches than the cap exist (older ones, not ranked nor shown). */
  more: boolean;
  page: number;
  totalPages: number;
}

export interface SearchOptions {
  q: string;
  /** A section slug; an unknown slug matches nothing. */
  section?: string | null;
  page: number;
  pageSize?: number;
  now?: Date;
  /** SEARCH_CAP by default; tests set a small one. */
  cap?: number;
  /** "relevance" by default. */
  sort?: SearchSort;
}

/**
 * The query as searched and shown: control characters and highlight markers removed (a NUL byte
 * would be a database error), whitespace collapsed, at most 200 characters (code points, so that
 * a pair of surrogates is never cut in half).
 */
export function normalizeSearchQuery(q: string): string {
  const cleaned = q
    .replace(/[\u0000-\u001f\u007f\uE000\uE001]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join("").trim();
}

// ts_headline options: the private-use markers instead of HTML tags (see lib/highlight.ts).
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter="${FRAGMENT_DELIMITER}"`;
// More of the source's ends than a snippet fragment (MaxWords) holds: to tell where it was cut.
const SOURCE_ENDS = 1000;

/**
 * The query and the FROM/WHERE of its public matches. The tsquery is written out at each use
 * rather than shared through a CTE, so that every `@@` compares with a plain expression and can
 * use the GIN index (one per vector; PostgreSQL ORs their bitmaps).
 */
function searchSql(text: string, section: string | null | undefined, now: Date) {
  const query = tsquerySql(text);
  const sectionFilter = section
    ? Prisma.sql`AND "a"."sectionId" = (SELECT "id" FROM "Section" WHERE "slug" = ${section})`
    : Prisma.empty;
  const matches = Prisma.sql`
    FROM "Article" AS "a"
    WHERE ${wordsMatchSql(text)}
      AND ${publicArticleSql("a", now)}
      ${sectionFilter}`;
  return { query, matches };
}

const tsquerySql = (text: string) => Prisma.sql`websearch_to_tsquery('english_unaccent', ${text})`;

/** Whether article "a" has the words of `text` (normalized) in its own text or its names. */
function wordsMatchSql(text: string) {
  return Prisma.sql`("a"."searchVector" @@ ${tsquerySql(text)} OR "a"."namesVector" @@ ${tsquerySql(text)})`;
}

/**
 * Whether /search shows results on `page` (2 or more) for these URL parameters, for the proxy, so
 * that a page past the last answers 404 on the first request (the page itself streams its results
 * after the status is sent). Reads as the page does: an unknown section searches everything. It
 * counts matches only up to the page's first, never all of them.
 */
export async function searchPageExists({ q, section, page, pageSize = PAGE_SIZE, now = new Date(), cap = SEARCH_CAP }: SearchOptions): Promise<boolean> {
  const text = normalizeSearchQuery(q);
  if (!Number.isInteger(page) || page < 1) return false;
  if (page === 1) return true;
  if (!text) return false;
  const needed = (page - 1) * pageSize + 1;
  if (needed > cap) return false;
  const known = section ? await prisma.section.findUnique({ where: { slug: section }, select: { slug: true } }) : null;
  const { matches } = searchSql(text, known?.slug, now);
  const [{ found }] = await prisma.$queryRaw<[{ found: number }]>`
    SELECT count(*)::int AS "found" FROM (SELECT 1 ${matches} LIMIT ${needed}) AS "m"`;
  return found === needed;
}

/**
 * The ids of the newest `cap` public articles matching `q` as the reader's search matches them,
 * newest first: the public API's list filters by them (a `contains` on headlines read every row).
 */
export async function searchArticleIds(q: string, { now = new Date(), cap = SEARCH_CAP }: { now?: Date; cap?: number } = {}): Promise<string[]> {
  const text = normalizeSearchQuery(q);
  if (!text) return [];
  const { matches } = searchSql(text, null, now);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "a"."id" ${matches} ORDER BY "a"."publishedAt" DESC, "a"."id" DESC LIMIT ${cap}`;
  return rows.map((row) => row.id);
}

/**
 * For the newsroom's list: the ids of the `cap` most recently edited articles, in any state, whose
 * text, bylines or tags have the words of `q`, as the reader's search finds them. The list adds
 * headlines and slugs that merely contain what was typed (a word's beginning, say).
 */
export async function staffSearchArticleIds(q: string, cap = SEARCH_CAP): Promise<string[]> {
  const text = normalizeSearchQuery(q);
  if (!text) return [];
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "a"."id" FROM "Article" AS "a" WHERE ${wordsMatchSql(text)}
    ORDER BY "a"."updatedAt" DESC, "a"."id" DESC LIMIT ${cap}`;
  return rows.map((row) => row.id);
}

export interface NamePage {
  slug: string;
  name: string;
}

/**
 * The tags and writers whose name is the query (in any case, with or without accents) and that a
 * public article carries: a reader who searches "climate" or "ines marwood" is offered the tag's
 * or the writer's own page as well as the matching stories.
 */
export async function searchNamePages(q: string, now = new Date()): Promise<{ tags: NamePage[]; authors: NamePage[] }> {
  const text = normalizeSearchQuery(q);
  if (!text) return { tags: [], authors: [] };
  const [tags, authors] = await Promise.all([
    prisma.$queryRaw<NamePage[]>`
      SELECT "t"."slug", "t"."name" FROM "Tag" AS "t"
      WHERE lower(unaccent("t"."name")) = lower(unaccent(${text}))
        AND EXISTS (SELECT 1 FROM "ArticleTag" AS "at" JOIN "Article" AS "a" ON "a"."id" = "at"."articleId"
                    WHERE "at"."tagId" = "t"."id" AND ${publicArticleSql("a", now)})
      ORDER BY "t"."name" LIMIT 3`,
    prisma.$queryRaw<NamePage[]>`
      SELECT "u"."slug", "u"."name" FROM "User" AS "u"
      WHERE NOT "u"."disabled" AND lower(unaccent("u"."name")) = lower(unaccent(${text}))
        AND EXISTS (SELECT 1 FROM "ArticleAuthor" AS "aa" JOIN "Article" AS "a" ON "a"."id" = "aa"."articleId"
                    WHERE "aa"."userId" = "u"."id" AND ${publicArticleSql("a", now)})
      ORDER BY "u"."name" LIMIT 3`,
  ]);
  return { tags, authors };
}

/** Page 1 of a search without results: it exists, empty. */
const emptyFirstPage = (): SearchPage => ({ results: [], total: 0, more: false, page: 1, totalPages: 1 });

/**
 * One page of public articles matching `q`, best first among the newest `cap` matches.
 * `websearch_to_tsquery` gives readers the syntax they know ("quoted phrase", or, -word) and never
 * fails on malformed input; a query of only stop words or punctuation reduces to nothing and
 * matches nothing. Null when the page does not exist (page 1 always exists, even with no results).
 */
export async function searchArticles({ q, section, page, pageSize = PAGE_SIZE, now = new Date(), cap = SEARCH_CAP, sort = "relevance" }: SearchOptions): Promise<SearchPage | null> {
  if (!Number.isInteger(page) || page < 1) return null;
  const text = normalizeSearchQuery(q);
  if (!text) return page === 1 ? emptyFirstPage() : null;
  if ((page - 1) * pageSize >= cap) return null;

  const { query, matches } = searchSql(text, section, now);
  // Best match first, or newest first; ties and equals newest first, then by id (stable pages).
  const byRank = sort === "relevance";
  const pageOrder = byRank ? Prisma.sql`"rank" DESC, "n"."publishedAt" DESC, "n"."id" DESC` : Prisma.sql`"n"."publishedAt" DESC, "n"."id" DESC`;
  const hitOrder = byRank ? Prisma.sql`"hits"."rank" DESC, "hits"."publishedAt" DESC, "hits"."id" DESC` : Prisma.sql`"hits"."publishedAt" DESC, "hits"."id" DESC`;
  // The newest cap + 1 matches (the one more tells whether there are more), newest first: the
  // date index walked until enough match, or the GIN index and a sort of what it finds, whichever
  // PostgreSQL reckons cheaper for the query's words. Then the newest cap are ranked (or kept in
  // date order) and the page cut, with the count of those cap + 1 beside each row; snippets are
  // built for that page only. Markers are removed from the source text so that only ts_headline's
  // own marks can become highlights. Its ends come too, to show the reader where the snippet was cut.
  const hits = await prisma.$queryRaw<{ id: string; total: number; snippet: string; head: string; tail: string }[]>`
    WITH "newest" AS MATERIALIZED (
      SELECT "a"."id", "a"."publishedAt", "a"."searchVector" || "a"."namesVector" AS "vector"
      ${matches}
      ORDER BY "a"."publishedAt" DESC, "a"."id" DESC
      LIMIT ${cap + 1}
    )
    SELECT "hits"."id", "hits"."total",
           ts_headline('english_unaccent', "s"."text", ${query}, ${HEADLINE_OPTIONS}) AS "snippet",
           left("s"."text", ${SOURCE_ENDS}::int) AS "head", right("s"."text", ${SOURCE_ENDS}::int) AS "tail"
    FROM (
      SELECT "n"."id", "n"."publishedAt",
             ts_rank_cd("n"."vector", ${query}) AS "rank",
             (SELECT count(*) FROM "newest")::int AS "total"
      FROM (SELECT * FROM "newest" ORDER BY "publishedAt" DESC, "id" DESC LIMIT ${cap}) AS "n"
      ORDER BY ${pageOrder}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    ) AS "hits"
    JOIN "Article" AS "a" ON "a"."id" = "hits"."id"
    CROSS JOIN LATERAL (
      SELECT translate("a"."standfirst" || ' ' || "a"."bodyText", ${HIGHLIGHT_START + HIGHLIGHT_STOP}, '') AS "text"
    ) AS "s"
    ORDER BY ${hitOrder}`;
  // No row: no match at all (page 1 is then an empty page), or a page past the last.
  if (hits.length === 0) return page === 1 ? emptyFirstPage() : null;
  const more = hits[0]!.total > cap;
  const total = Math.min(hits[0]!.total, cap);
  const totalPages = Math.max(1, Math.ceil(total / pageSize));

  const rows = await prisma.article.findMany({ where: { id: { in: hits.map((h) => h.id) } }, select: cardSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const results: SearchResult[] = [];
  for (const hit of hits) {
    const row = byId.get(hit.id);
    // Deleted between the two queries: skip rather than fail the page.
    if (row) results.push({ ...toCard(row), snippet: markCuts(parseHighlight(hit.snippet), hit.head, hit.tail) });
  }
  return { results, total, more, page, totalPages };
}
