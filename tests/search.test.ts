import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleStatus } from "@/generated/prisma/client";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "@/lib/highlight";
import { prisma } from "@/server/db";
import { searchArticles, searchNamePages, searchPageExists, type SearchPage } from "@/server/data/search-queries";

// Runs on the database the global setup migrated and seeded (PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set), alongside other test files: every article here carries made-up
// words that nothing else uses, and is deleted afterwards.

const HOUR = 3_600_000;
const now = new Date();
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
const ids: string[] = [];
let sectionA: { id: string; slug: string };
let sectionB: { id: string; slug: string };
const run = Math.random().toString(36).slice(2, 8);

async function article(fields: {
  key: string;
  headline: string;
  standfirst?: string;
  bodyText?: string;
  status?: ArticleStatus;
  publishedAt?: Date | null;
  section?: { id: string };
}): Promise<string> {
  const row = await prisma.article.create({
    data: {
      slug: `search-test-${run}-${fields.key}`,
      headline: fields.headline,
      standfirst: fields.standfirst ?? "",
      body: { type: "doc", content: [] },
      bodyText: fields.bodyText ?? "",
      status: fields.status ?? "PUBLISHED",
      publishedAt: fields.publishedAt === undefined ? ago(24) : fields.publishedAt,
      sectionId: (fields.section ?? sectionA).id,
    },
    select: { id: true },
  });
  ids.push(row.id);
  return row.id;
}

const search = (q: string, more: { section?: string; page?: number; pageSize?: number; cap?: number; sort?: "relevance" | "newest" } = {}) =>
  searchArticles({ q, page: 1, ...more });

async function found(q: string, more: Parameters<typeof search>[1] = {}): Promise<SearchPage> {
  const result = await search(q, more);
  expect(result, q).not.toBeNull();
  return result!;
}

const slugsOf = (page: SearchPage) => page.results.map((r) => r.slug.replace(`search-test-${run}-`, ""));

beforeAll(async () => {
  const sections = await prisma.section.findMany({
    orderBy: { position: "asc" },
    take: 2,
    select: { id: true, slug: true },
  });
  expect(sections).toHaveLength(2);
  [sectionA, sectionB] = sections as [typeof sectionA, typeof sectionB];

  // Ranking: the newest has the word only in its body, the oldest in its headline.
  await article({
    key: "rank-headline",
    headline: "Vexlimore report lands at the town hall",
    bodyText: "Nothing to see.",
    publishedAt: ago(72),
  });
  await article({
    key: "rank-standfirst",
    headline: "A report lands",
    standfirst: "The vexlimore findings, in brief.",
    bodyText: "Nothing.",
    publishedAt: ago(48),
  });
  await article({
    key: "rank-body",
    headline: "Another report",
    bodyText: "Deep in the text the vexlimore is mentioned once.",
    publishedAt: ago(24),
  });

  // Phrases and exclusions.
  await article({
    key: "phrase-exact",
    headline: "Quarry news",
    bodyText: "Workers found glimmerstone quarrelwick near the ridge.",
  });
  await article({
    key: "phrase-loose",
    headline: "More quarry news",
    bodyText: "The quarrelwick seam was dry, but glimmerstone turned up by tarnbeck later.",
  });

  // Accents: found whether or not the reader types them.
  await article({ key: "accent", headline: "Zoë reopens the Brüggemann café", bodyText: "The Brüggemann café in São Vexdal is open again." });

  // Section filter.
  await article({ key: "section-a", headline: "Plomquist in the first section", section: sectionA });
  await article({ key: "section-b", headline: "Plomquist in the second section", section: sectionB });

  // The cap: only the newest matches are ranked; the best match here is the oldest.
  await article({ key: "cap-old-headline", headline: "Tundravel in the headline", publishedAt: ago(100) });
  await article({ key: "cap-mid-standfirst", headline: "Second", standfirst: "Tundravel in the standfirst", publishedAt: ago(3) });
  await article({ key: "cap-new-body", headline: "Third", bodyText: "Tundravel in the body only.", publishedAt: ago(2) });

  // Pagination: equal text, so rank ties and the newest comes first.
  for (let i = 0; i < 5; i++) {
    await article({ key: `page-${i}`, headline: `Paginix story number ${i}`, publishedAt: ago(10 + i) });
  }

  // Visibility: only the published and the due scheduled article may be found.
  await article({ key: "hidden-draft", headline: "Hushvarrow draft", status: "DRAFT", publishedAt: null });
  await article({
    key: "hidden-review",
    headline: "Hushvarrow in review",
    status: "IN_REVIEW",
    publishedAt: null,
  });
  await article({
    key: "hidden-scheduled",
    headline: "Hushvarrow scheduled",
    status: "SCHEDULED",
    publishedAt: new Date(now.getTime() + 48 * HOUR),
  });
  await article({
    key: "hidden-archived",
    headline: "Hushvarrow archived",
    status: "ARCHIVED",
    publishedAt: ago(500),
  });
  await article({
    key: "hidden-future",
    headline: "Hushvarrow published in the future",
    status: "PUBLISHED",
    publishedAt: new Date(now.getTime() + 48 * HOUR),
  });
  await article({
    key: "visible-published",
    headline: "Hushvarrow published",
    status: "PUBLISHED",
    publishedAt: ago(5),
  });
  await article({
    key: "visible-scheduled",
    headline: "Hushvarrow scheduled and due",
    status: "SCHEDULED",
    publishedAt: ago(1),
  });

  // Snippets: one cut out of a long body, one that is the whole text.
  const words = (n: number, from: number) => Array.from({ length: n }, (_, i) => `word${from + i}`).join(" ");
  await article({ key: "cut-middle", headline: "A long story", standfirst: "It starts here.", bodyText: `${words(60, 0)} quillfennow ${words(60, 100)}.` });
  await article({ key: "cut-none", headline: "A short story", standfirst: "Brandlewick is the whole text." });

  // Hostile content: markup and the highlight markers themselves.
  await article({
    key: "hostile",
    headline: `<script>alert("zapfenmoor")</script> ${HIGHLIGHT_START}headline${HIGHLIGHT_STOP}`,
    standfirst: `A ${HIGHLIGHT_START}fake${HIGHLIGHT_STOP} highlight`,
    bodyText: `Zapfenmoor <script>alert('x')</script> says 1 < 2 and ${HIGHLIGHT_START}forged${HIGHLIGHT_STOP} text ${HIGHLIGHT_STOP}zapfenmoor${HIGHLIGHT_START} again.`,
  });
});

afterAll(async () => {
  await prisma.article.deleteMany({ where: { id: { in: ids } } });
  await prisma.$disconnect();
});

describe("searchArticles", () => {
  it("ranks a headline match above a standfirst match above a body-only match", async () => {
    const page = await found("vexlimore");
    expect(slugsOf(page)).toEqual(["rank-headline", "rank-standfirst", "rank-body"]);
    expect(page.total).toBe(3);
    expect(page.more).toBe(false);
    expect(page.totalPages).toBe(1);
  });

  it("sorts newest first when asked, and pages in that order", async () => {
    expect(slugsOf(await found("vexlimore", { sort: "newest" }))).toEqual(["rank-body", "rank-standfirst", "rank-headline"]);
    const pages = [1, 2, 3].map((page) => found("vexlimore", { sort: "newest", page, pageSize: 1 }));
    expect((await Promise.all(pages)).map((p) => slugsOf(p)[0])).toEqual(["rank-body", "rank-standfirst", "rank-headline"]);
  });

  it("ranks only the newest matches up to the cap, and says that there are more", async () => {
    const all = await found("tundravel");
    expect(slugsOf(all)).toEqual(["cap-old-headline", "cap-mid-standfirst", "cap-new-body"]);
    expect(all).toMatchObject({ total: 3, more: false });
    // Cap 2: the oldest, best match is left out; the two newest keep their order by rank.
    const capped = await found("tundravel", { cap: 2 });
    expect(slugsOf(capped)).toEqual(["cap-mid-standfirst", "cap-new-body"]);
    expect(capped).toMatchObject({ total: 2, more: true, totalPages: 1 });
    // Exactly at the cap there are no more.
    expect(await found("tundravel", { cap: 3 })).toMatchObject({ total: 3, more: false });
    // Pages end at the cap, for the page and for the proxy.
    const paged = [await found("paginix", { pageSize: 2, cap: 3 }), await found("paginix", { pageSize: 2, cap: 3, page: 2 })];
    expect(paged.map(slugsOf)).toEqual([["page-0", "page-1"], ["page-2"]]);
    expect(paged[0]).toMatchObject({ total: 3, more: true, totalPages: 2 });
    expect(await search("paginix", { pageSize: 2, cap: 3, page: 3 })).toBeNull();
    expect(await searchPageExists({ q: "paginix", page: 2, pageSize: 2, cap: 3 })).toBe(true);
    expect(await searchPageExists({ q: "paginix", page: 3, pageSize: 2, cap: 3 })).toBe(false);
    expect(await searchPageExists({ q: "paginix", page: 3, pageSize: 2 })).toBe(true);
  });

  it("returns cards with section, URL and a snippet highlighting the match", async () => {
    const [first] = (await found("glimmerstone quarrelwick")).results;
    expect(first).toMatchObject({
      section: { slug: sectionA.slug },
      url: `/${sectionA.slug}/search-test-${run}-phrase-exact`,
    });
    expect(first!.snippet.filter((s) => s.highlight).map((s) => s.text.toLowerCase())).toEqual(
      expect.arrayContaining(["glimmerstone", "quarrelwick"]),
    );
  });

  it("shows where a snippet was cut from the text, and only there", async () => {
    const [middle] = (await found("quillfennow")).results;
    const cut = middle!.snippet.map((s) => s.text).join("");
    expect(cut).toMatch(/^… word\d+ .* quillfennow .* word\d+ …$/);
    const [whole] = (await found("brandlewick")).results;
    expect(whole!.snippet.map((s) => s.text).join("")).toBe("Brandlewick is the whole text.");
  });

  it("ignores accents, in the stories and in the query, and highlights the accented words", async () => {
    for (const q of ["bruggemann cafe", "Brüggemann café", "zoe", "sao vexdal", "BRUGGEMANN"]) expect(slugsOf(await found(q)), q).toEqual(["accent"]);
    expect(slugsOf(await found("brüggemänn"))).toEqual(["accent"]);
    const [hit] = (await found("bruggemann")).results;
    expect(hit!.snippet.filter((s) => s.highlight).map((s) => s.text)).toContain("Brüggemann");
  });

  it('matches a "quoted phrase" only where the words stand together, loose words anywhere', async () => {
    expect(slugsOf(await found('"glimmerstone quarrelwick"'))).toEqual(["phrase-exact"]);
    expect(slugsOf(await found("glimmerstone quarrelwick")).sort()).toEqual(["phrase-exact", "phrase-loose"]);
  });

  it("supports or and -word", async () => {
    expect(slugsOf(await found("glimmerstone -tarnbeck"))).toEqual(["phrase-exact"]);
    expect(slugsOf(await found("quarrelwick or vexlimore")).sort()).toEqual(
      ["phrase-exact", "phrase-loose", "rank-body", "rank-headline", "rank-standfirst"].sort(),
    );
  });

  it("filters by section slug; an unknown section matches nothing", async () => {
    expect(slugsOf(await found("plomquist")).sort()).toEqual(["section-a", "section-b"]);
    expect(slugsOf(await found("plomquist", { section: sectionB.slug }))).toEqual(["section-b"]);
    expect(slugsOf(await found("plomquist", { section: sectionA.slug }))).toEqual(["section-a"]);
    expect((await found("plomquist", { section: "no-such-section" })).total).toBe(0);
  });

  it("pages without overlap and answers null beyond the last page", async () => {
    const one = await found("paginix", { pageSize: 2 });
    const two = await found("paginix", { pageSize: 2, page: 2 });
    const three = await found("paginix", { pageSize: 2, page: 3 });
    expect(one).toMatchObject({ total: 5, more: false, totalPages: 3, page: 1 });
    expect(two).toMatchObject({ total: 5, totalPages: 3, page: 2 });
    expect([...slugsOf(one), ...slugsOf(two), ...slugsOf(three)]).toEqual([
      "page-0",
      "page-1",
      "page-2",
      "page-3",
      "page-4",
    ]);
    expect(await search("paginix", { pageSize: 2, page: 4 })).toBeNull();
    expect(await search("paginix", { pageSize: 2, page: 0 })).toBeNull();
    expect(await search("paginix", { pageSize: 2, page: 1.5 })).toBeNull();
  });

  it("tells the proxy whether a page has results, as the page reads its URL", async () => {
    const exists = (q: string, page: number, section?: string | null) => searchPageExists({ q, page, pageSize: 2, section });
    expect(await exists("paginix", 3)).toBe(true); // the fifth of five
    expect(await exists("paginix", 4)).toBe(false);
    expect(await exists("paginix", 1)).toBe(true);
    expect(await exists("unfindablewordqq", 1)).toBe(true); // an empty first page is a page
    expect(await exists("unfindablewordqq", 2)).toBe(false);
    expect(await exists("   ", 2)).toBe(false);
    expect(await exists("paginix", 0)).toBe(false);
    // The section filter applies; an unknown section searches everything, as /search does.
    expect(await exists("plomquist", 1, sectionB.slug)).toBe(true);
    expect(await searchPageExists({ q: "plomquist", page: 2, pageSize: 1, section: sectionB.slug })).toBe(false);
    expect(await searchPageExists({ q: "plomquist", page: 2, pageSize: 1, section: "no-such-section" })).toBe(true);
    expect(await searchPageExists({ q: "plomquist", page: 2, pageSize: 1 })).toBe(true);
    // Hidden articles do not make a page exist.
    expect(await searchPageExists({ q: "hushvarrow", page: 3, pageSize: 1 })).toBe(false);
    expect(await searchPageExists({ q: "hushvarrow", page: 2, pageSize: 1 })).toBe(true);
  });

  it("page 1 of no results is an empty page; page 2 of it does not exist", async () => {
    expect(await search("unfindablewordqq")).toEqual({ results: [], total: 0, more: false, page: 1, totalPages: 1 });
    expect(await search("unfindablewordqq", { page: 2 })).toBeNull();
  });

  it("never finds drafts, articles in review, future-scheduled, future-dated or archived articles", async () => {
    expect(slugsOf(await found("hushvarrow")).sort()).toEqual(["visible-published", "visible-scheduled"]);
  });

  it("never finds the demo content's hidden articles", async () => {
    for (const token of [
      "DRAFTTOKEN1",
      "DRAFTTOKEN2",
      "DRAFTTOKEN3",
      "REVIEWTOKEN",
      "SCHEDULEDTOKEN1",
      "SCHEDULEDTOKEN2",
      "ARCHIVEDTOKEN",
    ]) {
      expect((await found(token)).total, token).toBe(0);
    }
    // The control: a public demo article is found by a word of its headline.
    expect((await found("bypass")).total).toBeGreaterThan(0);
  });

  it("answers an empty page, not an error, for queries that reduce to nothing", async () => {
    for (const q of [
      "the and of",
      "!!! ... ---",
      "",
      "   ",
      '"',
      "-",
      "or",
      "( ) & | ! <-> :*",
      "'\\",
      "\u0000",
      "\uE000\uE001",
      "-the",
    ]) {
      expect(await search(q), JSON.stringify(q)).toEqual({ results: [], total: 0, more: false, page: 1, totalPages: 1 });
    }
    expect(await search("the and of", { page: 2 })).toBeNull();
  });

  it("searches only the first 200 characters of a query", async () => {
    expect((await found(`vexlimore ${"a ".repeat(300)}`)).total).toBe(3);
    expect((await found(`${"a ".repeat(100)}vexlimore`)).total).toBe(0);
  });

  it("returns markup and marker characters in content as plain text, never as a highlight", async () => {
    const page = await found("zapfenmoor");
    expect(slugsOf(page)).toEqual(["hostile"]);
    const [hit] = page.results;
    const highlighted = hit!.snippet.filter((s) => s.highlight).map((s) => s.text.toLowerCase());
    expect(highlighted.length).toBeGreaterThan(0);
    expect(new Set(highlighted)).toEqual(new Set(["zapfenmoor"]));
    const text = hit!.snippet.map((s) => s.text).join("");
    expect(text).not.toMatch(/[\uE000\uE001]/);
    expect(text).toContain("forged");
    expect(text).toContain("1 < 2");
    expect(text).not.toContain("&lt;");
    // The card itself is the stored text: React renders it as text.
    expect(hit!.headline).toContain('<script>alert("zapfenmoor")</script>');
  });
});

describe("searchArticles by bylines and tags", () => {
  // The names live in other tables; database triggers copy them into each story's search vector.
  const people: string[] = [];
  const tags: string[] = [];
  afterAll(async () => {
    await prisma.tag.deleteMany({ where: { id: { in: tags } } });
    await prisma.user.deleteMany({ where: { id: { in: people } } });
  });

  async function person(name: string) {
    const user = await prisma.user.create({ data: { email: `search-${run}-${people.length}@test.example`, slug: `search-${run}-${people.length}`, name } });
    people.push(user.id);
    return user.id;
  }
  async function tag(name: string) {
    const row = await prisma.tag.create({ data: { slug: `search-${run}-tag-${tags.length}`, name } });
    tags.push(row.id);
    return row.id;
  }

  it("finds a story by a byline, follows a rename and a removed byline", async () => {
    const writer = await person("Odalys Quarrington");
    const id = await article({ key: "byline", headline: "Harbour works finish early" });
    await prisma.articleAuthor.create({ data: { articleId: id, userId: writer } });
    expect(slugsOf(await found("odalys quarrington"))).toEqual(["byline"]);
    // Accents and case do not matter for names either.
    expect(slugsOf(await found("Quárrington"))).toEqual(["byline"]);

    await prisma.user.update({ where: { id: writer }, data: { name: "Odalys Penhallow" } });
    expect(slugsOf(await found("quarrington"))).toEqual([]);
    expect(slugsOf(await found("penhallow"))).toEqual(["byline"]);

    await prisma.articleAuthor.deleteMany({ where: { articleId: id } });
    expect(slugsOf(await found("penhallow"))).toEqual([]);
  });

  it("finds a story by a tag, follows a rename, and stops when the tag is deleted", async () => {
    const id = await article({ key: "tagged", headline: "Allotment rents rise" });
    const other = await article({ key: "tagged-too", headline: "Second allotment story" });
    const topic = await tag("Brackenwold inquiry");
    // Several links in one statement, as the services write them.
    await prisma.articleTag.createMany({ data: [{ articleId: id, tagId: topic }, { articleId: other, tagId: topic }] });
    expect(new Set(slugsOf(await found("brackenwold")))).toEqual(new Set(["tagged", "tagged-too"]));

    await prisma.tag.update({ where: { id: topic }, data: { name: "Fernhollow inquiry" } });
    expect(slugsOf(await found("brackenwold"))).toEqual([]);
    expect(slugsOf(await found("fernhollow")).length).toBe(2);

    await prisma.tag.delete({ where: { id: topic } });
    tags.splice(tags.indexOf(topic), 1);
    expect(slugsOf(await found("fernhollow"))).toEqual([]);
  });

  it("an import may write each article's names with it: the triggers keep right names and correct wrong ones", async () => {
    const writer = await person("Perpetua Windlebrook");
    const topic = await tag("Quayside");
    const right = await article({ key: "import-right", headline: "Ferry timetable changes" });
    const wrong = await article({ key: "import-wrong", headline: "Quay repairs" });
    await prisma.article.update({ where: { id: right }, data: { searchNames: "Perpetua Windlebrook Quayside" } });
    await prisma.article.update({ where: { id: wrong }, data: { searchNames: "Somebody Else" } });
    await prisma.articleAuthor.createMany({ data: [right, wrong].map((articleId) => ({ articleId, userId: writer })) });
    await prisma.articleTag.createMany({ data: [right, wrong].map((articleId) => ({ articleId, tagId: topic })) });
    const names = await prisma.article.findMany({ where: { id: { in: [right, wrong] } }, select: { searchNames: true } });
    expect(names.map((a) => a.searchNames)).toEqual(["Perpetua Windlebrook Quayside", "Perpetua Windlebrook Quayside"]);
    expect(slugsOf(await found("somebody"))).toEqual([]);
    expect(new Set(slugsOf(await found("windlebrook quayside")))).toEqual(new Set(["import-right", "import-wrong"]));
  });

  it("names the tag and writer pages whose name is the query, once a public article carries them", async () => {
    const writer = await person("Ysolde Marchbank");
    const topic = await tag("Harrowgate Düne works");
    const hiddenTopic = await tag("Harrowgate secret");
    const live = await article({ key: "names-live", headline: "Dune works begin" });
    const draft = await article({ key: "names-draft", headline: "Embargoed", status: "DRAFT", publishedAt: null });
    await prisma.articleAuthor.create({ data: { articleId: live, userId: writer } });
    await prisma.articleTag.createMany({ data: [{ articleId: live, tagId: topic }, { articleId: draft, tagId: hiddenTopic }] });
    const names = async (q: string) => {
      const pages = await searchNamePages(q);
      return { tags: pages.tags.map((t) => t.name), authors: pages.authors.map((a) => a.name) };
    };
    // Any case, with or without accents, spaces as typed.
    expect(await names("  harrowgate   DUNE works ")).toEqual({ tags: ["Harrowgate Düne works"], authors: [] });
    expect(await names("ysolde marchbank")).toEqual({ tags: [], authors: ["Ysolde Marchbank"] });
    // The whole name only; a tag on drafts alone is not offered.
    expect(await names("marchbank")).toEqual({ tags: [], authors: [] });
    expect(await names("Harrowgate secret")).toEqual({ tags: [], authors: [] });
    expect(await names("")).toEqual({ tags: [], authors: [] });
  });

  it("ranks a story by its byline below one with the name in its headline", async () => {
    const writer = await person("Wenna Saltonstall");
    const byline = await article({ key: "by-saltonstall", headline: "Ferry timetable changes", publishedAt: ago(1) });
    await prisma.articleAuthor.create({ data: { articleId: byline, userId: writer } });
    await article({ key: "about-saltonstall", headline: "Saltonstall named harbour master", publishedAt: ago(30) });
    expect(slugsOf(await found("saltonstall"))).toEqual(["about-saltonstall", "by-saltonstall"]);
  });
});
