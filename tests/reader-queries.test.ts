import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Outside Next.js the cache directives are plain strings and cacheTag has no cache to tag: recorded.
vi.mock("next/cache", () => ({ cacheTag: vi.fn(), cacheLife: vi.fn() }));

import { cacheTag } from "next/cache";
import type { ArticleStatus } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import {
  PAGE_SIZE,
  authorListing,
  curatedArticles,
  curatedSlugs,
  findArticle,
  latestArticles,
  listPage,
  listingParams,
  mostReadArticles,
  recentArticleParams,
  relatedArticles,
  sectionBlocks,
  sectionListing,
  tagListing,
  type ArticleCard,
} from "@/server/data/article-queries";
import { getEditorsPicks } from "@/server/data/articles";

// Runs on the database the global setup migrated and seeded (PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set), alongside other test files. Everything here (sections, tags, users,
// articles, curated slots, view counts) is this run's own, named with a random run id, and is
// deleted afterwards. Every query gets an explicit `now`, so that results do not depend on when
// the test happens to run; assertions look at this run's articles only (others may be listed too).

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const now = new Date();
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
const utcDay = (d: Date) => new Date(d.toISOString().slice(0, 10));

const run = Math.random().toString(36).slice(2, 8).padEnd(6, "0");
const P = `rq-${run}`;
const slugOf = (key: string) => `${P}-${key}`;
const isMine = (slug: string) => slug.startsWith(`${P}-`);
const keyOf = (slug: string) => slug.slice(P.length + 1);
/** This run's articles in a list, by key, in the list's order. */
const mine = (cards: { slug: string }[]) => cards.map((c) => c.slug).filter(isMine).map(keyOf);

interface Ref {
  id: string;
  slug: string;
}
let S: Ref; // main section: the visibility and pagination fixtures
let E: Ref; // a section with a draft only
let R: Ref; // related: the article's own section
let R2: Ref; // related: another section
let R3: Ref; // related: a busy section (more than 40 newer stories)
const tag: Record<"main" | "hidden" | "a" | "b" | "c" | "d" | "e", Ref> = {} as never;
let author: Ref;
let hiddenAuthor: Ref;
const ids = new Map<string, string>(); // key → id

// Hidden from readers, each for a different reason. Their publish times are recent, so that they
// would top every newest-first list if the visibility rule let them through.
const HIDDEN = ["h-draft", "h-review", "h-sched", "h-archived"] as const;
const SCHEDULED_AT = at(48 * HOUR); // h-sched goes live then
// The main section's public stories, newest first: a scheduled story whose time has passed, then
// published ones; the five "tie" stories share one publish time (ordered by id, descending) and
// straddle the boundary between pages 1 and 2 when a page holds 4.
const TIE_IDS = [0, 1, 2, 3, 4].map((i) => `rq${run}tie${i}`);
const S_PUBLIC = ["sched-due", "p00", "p01", "tie4", "tie3", "tie2", "tie1", "tie0", "p02", "p03", "p04", "p05", "p06", "p07", "p08"];

async function article(
  key: string,
  f: {
    section: Ref;
    status?: ArticleStatus;
    publishedAt: Date | null;
    firstPublishedAt?: Date | null;
    tags?: Ref[];
    authors?: Ref[];
    id?: string;
  },
): Promise<string> {
  const status = f.status ?? "PUBLISHED";
  const row = await prisma.article.create({
    data: {
      ...(f.id ? { id: f.id } : {}),
      slug: slugOf(key),
      headline: `Reader query fixture ${key} ${run}`,
      body: { type: "doc", content: [] },
      status,
      publishedAt: f.publishedAt,
      firstPublishedAt: f.firstPublishedAt !== undefined ? f.firstPublishedAt : status === "PUBLISHED" ? f.publishedAt : null,
      sectionId: f.section.id,
      tags: { create: (f.tags ?? []).map((t, position) => ({ tagId: t.id, position })) },
      authors: { create: (f.authors ?? []).map((u, position) => ({ userId: u.id, position })) },
    },
    select: { id: true },
  });
  ids.set(key, row.id);
  return row.id;
}

const id = (key: string) => {
  const value = ids.get(key);
  if (!value) throw new Error(`no fixture ${key}`);
  return value;
};

/** The oracle for "all of this run's public articles, newest first", from DESIGN.md's rule. */
let allMine: { id: string; slug: string; status: ArticleStatus; publishedAt: Date | null }[] = [];
function expectedPublic(when: Date): string[] {
  return allMine
    .filter((a) => (a.status === "PUBLISHED" || a.status === "SCHEDULED") && a.publishedAt !== null && a.publishedAt <= when)
    .sort((x, y) => y.publishedAt!.getTime() - x.publishedAt!.getTime() || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0))
    .map((a) => keyOf(a.slug));
}

async function views(key: string, day: Date, count: number) {
  await prisma.articleViewDaily.create({ data: { articleId: id(key), day: utcDay(day), views: count } });
}

beforeAll(async () => {
  const section = (key: string, position: number) =>
    prisma.section.create({ data: { slug: slugOf(key), name: `RQ ${key} ${run}`, position }, select: { id: true, slug: true } });
  [S, E, R, R2, R3] = await Promise.all([
    section("main", 9001),
    section("empty", 9002),
    section("rel", 9003),
    section("rel-other", 9004),
    section("rel-busy", 9005),
  ]);
  for (const key of Object.keys({ main: 0, hidden: 0, a: 0, b: 0, c: 0, d: 0, e: 0 }) as (keyof typeof tag)[]) {
    tag[key] = await prisma.tag.create({ data: { slug: slugOf(`tag-${key}`), name: `RQ tag ${key} ${run}` }, select: { id: true, slug: true } });
  }
  const user = (key: string) =>
    prisma.user.create({
      data: { email: `${slugOf(key)}@example.test`, name: `RQ ${key} ${run}`, slug: slugOf(key), role: "AUTHOR" },
      select: { id: true, slug: true },
    });
  [author, hiddenAuthor] = await Promise.all([user("author"), user("hidden-author")]);

  // Main section. Every article carries the main tag and author; hidden ones also carry a tag and
  // an author that nothing public has.
  const pub = { section: S, tags: [tag.main], authors: [author] };
  const hid = { section: S, tags: [tag.main, tag.hidden], authors: [author, hiddenAuthor] };
  await article("h-draft", { ...hid, status: "DRAFT", publishedAt: at(-1 * MIN) });
  await article("h-review", { ...hid, status: "IN_REVIEW", publishedAt: at(-2 * MIN) });
  await article("h-sched", { ...hid, status: "SCHEDULED", publishedAt: SCHEDULED_AT });
  await article("h-archived", { ...hid, status: "ARCHIVED", publishedAt: at(-3 * MIN), firstPublishedAt: at(-10 * DAY) });
  await article("sched-due", { ...pub, status: "SCHEDULED", publishedAt: at(-30 * MIN), firstPublishedAt: null });
  await article("p00", { ...pub, publishedAt: at(-1 * HOUR) });
  await article("p01", { ...pub, publishedAt: at(-2 * HOUR) });
  // Inserted out of order, so that insertion order cannot pass for id order.
  for (const i of [2, 0, 4, 1, 3]) await article(`tie${i}`, { ...pub, publishedAt: at(-2.5 * HOUR), id: TIE_IDS[i] });
  for (let i = 2; i <= 8; i++) await article(`p0${i}`, { ...pub, publishedAt: at(-(i + 1) * HOUR) });

  // A section with nothing public in it.
  await article("e-draft", { section: E, status: "DRAFT", publishedAt: null, tags: [tag.hidden], authors: [hiddenAuthor] });

  // Related: the base shares tags a and b.
  await article("r-base", { section: R, publishedAt: at(-5 * DAY), tags: [tag.a, tag.b] });
  await article("r-2tags-other", { section: R2, publishedAt: at(-20 * DAY), tags: [tag.a, tag.b] });
  await article("r-1tag-same", { section: R, publishedAt: at(-15 * DAY), tags: [tag.a] });
  await article("r-1tag-other-new", { section: R2, publishedAt: at(-2 * DAY), tags: [tag.b] });
  await article("r-1tag-other-old", { section: R2, publishedAt: at(-12 * DAY), tags: [tag.a] });
  await article("r-same-new", { section: R, publishedAt: at(-1 * DAY) });
  await article("r-same-old", { section: R, publishedAt: at(-10 * DAY) });
  await article("r-unrelated", { section: R2, publishedAt: at(-90 * MIN), tags: [tag.c] });
  await article("r-hidden-draft", { section: R, status: "DRAFT", publishedAt: at(-1 * MIN), tags: [tag.a, tag.b] });
  await article("r-hidden-sched", { section: R, status: "SCHEDULED", publishedAt: at(DAY), tags: [tag.a, tag.b] });
  await article("r-hidden-archived", { section: R2, status: "ARCHIVED", publishedAt: at(-MIN), firstPublishedAt: at(-DAY), tags: [tag.a, tag.b] });

  // Related in a busy section: 41 newer stories without tags, and an old one sharing both tags.
  await article("cap-base", { section: R3, publishedAt: at(-100 * DAY), tags: [tag.d, tag.e] });
  await article("cap-old-2tags", { section: R2, publishedAt: at(-200 * DAY), tags: [tag.d, tag.e] });
  await prisma.article.createMany({
    data: Array.from({ length: 41 }, (_, i) => ({
      slug: slugOf(`cap-filler-${String(i).padStart(2, "0")}`),
      headline: `Reader query filler ${i} ${run}`,
      body: { type: "doc", content: [] },
      status: "PUBLISHED" as const,
      publishedAt: at(-(30 + i) * DAY),
      firstPublishedAt: at(-(30 + i) * DAY),
      sectionId: R3.id,
    })),
  });

  allMine = await prisma.article.findMany({
    where: { slug: { startsWith: `${P}-` } },
    select: { id: true, slug: true, status: true, publishedAt: true },
  });
  for (const a of allMine) ids.set(keyOf(a.slug), a.id);

  // Views (2-day window, see the most-read tests). Hidden stories get far more than anything else.
  const today = now;
  const yesterday = at(-DAY);
  const longAgo = at(-10 * DAY);
  await views("p00", today, 1_000_000);
  await views("p01", today, 600_000);
  await views("p01", yesterday, 500_000);
  await views("p02", today, 300_000);
  await views("p02", longAgo, 10_000_000);
  await views("sched-due", today, 700_000);
  for (const key of HIDDEN) await views(key, today, 50_000_000);
}, 180_000);

afterAll(async () => {
  // Articles first: their tags, bylines, curated slots and views go with them.
  await prisma.article.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.section.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.tag.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.user.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.$disconnect();
});

const hiddenKeys: string[] = [...HIDDEN, "e-draft", "r-hidden-draft", "r-hidden-sched", "r-hidden-archived"];
function expectNoHidden(keys: string[]) {
  for (const k of hiddenKeys) expect(keys, `${k} must not be listed`).not.toContain(k);
}

describe("visibility", () => {
  it("fixtures: the oracle agrees with the intended main-section order", () => {
    expect(expectedPublic(now).filter((k) => S_PUBLIC.includes(k))).toEqual(S_PUBLIC);
  });

  it("latestArticles lists public articles only, newest first, ties by id, and honours excludeIds", async () => {
    const latest = mine(await latestArticles(10_000, [], now));
    expectNoHidden(latest);
    expect(latest).toEqual(expectedPublic(now));
    expect(latest.slice(0, 3)).toEqual(["sched-due", "p00", "r-unrelated"]);

    const excluded = mine(await latestArticles(10_000, [id("sched-due"), id("tie3")], now));
    expect(excluded).toEqual(expectedPublic(now).filter((k) => k !== "sched-due" && k !== "tie3"));
  });

  it("curatedArticles skips non-public articles in both lists and keeps slot order", async () => {
    const base = 900 + Math.floor(Math.random() * 90_000);
    // Positions: hidden, hidden, the due scheduled story, hidden, a published story, hidden.
    const order = ["h-draft", "h-review", "sched-due", "h-sched", "p03", "h-archived"];
    const lists = ["FRONT_PAGE", "EDITORS_PICKS"] as const;
    await prisma.curatedSlot.createMany({
      data: lists.flatMap((list) => order.map((key, i) => ({ list, position: base + i, articleId: id(key) }))),
    });
    try {
      for (const list of lists) {
        expect(mine(await curatedArticles(list, now)), list).toEqual(["sched-due", "p03"]);
        // At the scheduled time, the scheduled story takes its place between them.
        expect(mine(await curatedArticles(list, SCHEDULED_AT)), list).toEqual(["sched-due", "h-sched", "p03"]);
        // Every slotted story, shown or not yet: a list carries their tags, so that one going
        // live (or changing) expires it.
        expect((await curatedSlugs(list)).filter(isMine).map(keyOf).sort(), list).toEqual([...order].sort());
      }
      // Editors' picks, on every article page, carry the curation's tag and their stories', not
      // every list's (a publication elsewhere leaves them, and the article pages, cached).
      vi.mocked(cacheTag).mockClear();
      await getEditorsPicks();
      const tags = vi.mocked(cacheTag).mock.calls.flat();
      expect(tags).toEqual(expect.arrayContaining(["curation", ...order.map((key) => `article:${slugOf(key)}`)]));
      expect(tags).not.toContain("article-lists");
    } finally {
      await prisma.curatedSlot.deleteMany({ where: { articleId: { in: order.map(id) } } });
    }
  });

  it("sectionBlocks shows each section's newest public stories and omits sections with none", async () => {
    const blocks = await sectionBlocks(3, [id("p00")], now);
    const bySlug = new Map(blocks.map((b) => [b.section.slug, mine(b.articles)]));
    expect(bySlug.get(S.slug)).toEqual(["sched-due", "p01", "tie4"]);
    expect(bySlug.get(R.slug)).toEqual(["r-same-new", "r-base", "r-same-old"]);
    expect(bySlug.has(E.slug)).toBe(false);
    for (const b of blocks) expectNoHidden(mine(b.articles));
    // Blocks come in section order: ours are at positions 9001…9005, after the demo's.
    const ourOrder = blocks.map((b) => b.section.slug).filter(isMine).map(keyOf);
    expect(ourOrder).toEqual(["main", "rel", "rel-other", "rel-busy"]);
  });

  it("section, tag and author listings list only public articles", async () => {
    const section = await sectionListing(S.slug, 1, now);
    const byTag = await tagListing(tag.main.slug, 1, now);
    const byAuthor = await authorListing(author.slug, 1, now);
    for (const listing of [section, byTag, byAuthor]) {
      expect(listing).not.toBeNull();
      expect(mine(listing!.articles)).toEqual(S_PUBLIC.slice(0, PAGE_SIZE));
      expect(listing!.total).toBe(S_PUBLIC.length);
    }
    expect(section!.entity).toEqual({ slug: S.slug, name: `RQ main ${run}`, description: "" });
    expect(byTag!.entity.slug).toBe(tag.main.slug);
    expect(byAuthor!.entity).toMatchObject({ slug: author.slug, name: `RQ author ${run}`, image: null });
  });

  it("relatedArticles of a public article never offers a hidden one from its section and tag", async () => {
    const found = await findArticle(slugOf("p00"), now);
    expect(found.kind).toBe("found");
    if (found.kind !== "found") return;
    expect(found.article.tagIds).toEqual([tag.main.id]);
    expect(found.article.sectionId).toBe(S.id);
    const related = mine(await relatedArticles(found.article, 100, now));
    expectNoHidden(related);
    expect(related).toEqual(S_PUBLIC.filter((k) => k !== "p00"));
  });

  it("mostReadArticles never ranks a hidden article, however many views it has", async () => {
    const top = mine(await mostReadArticles(10_000, 2, now));
    expectNoHidden(top);
    expect(top).toEqual(["p01", "p00", "sched-due", "p02"]);
  });

  it("recentArticleParams gives public paths only, newest first", async () => {
    const params = (await recentArticleParams(10_000, now)).filter((p) => isMine(p.slug));
    expect(params.map((p) => keyOf(p.slug))).toEqual(expectedPublic(now));
    expectNoHidden(params.map((p) => keyOf(p.slug)));
    expect(params.slice(0, 3)).toEqual([
      { section: S.slug, slug: slugOf("sched-due") },
      { section: S.slug, slug: slugOf("p00") },
      { section: R2.slug, slug: slugOf("r-unrelated") },
    ]);
  });

  it("listingParams names tags and authors with a public story, not those with hidden ones only", async () => {
    const params = await listingParams(10_000, now);
    expect(params.tags).toEqual(expect.arrayContaining([tag.main.slug, tag.a.slug, tag.b.slug, tag.c.slug]));
    expect(params.tags).not.toContain(tag.hidden.slug);
    expect(params.authors).toContain(author.slug);
    expect(params.authors).not.toContain(hiddenAuthor.slug);
    expect(params.sections).toEqual(expect.arrayContaining([S.slug, E.slug]));
  });

  it("findArticle: drafts, reviews and future schedules are missing; archived is gone; due schedules are found", async () => {
    expect(await findArticle(slugOf("h-draft"), now)).toEqual({ kind: "missing" });
    expect(await findArticle(slugOf("h-review"), now)).toEqual({ kind: "missing" });
    expect(await findArticle(slugOf("h-sched"), now)).toEqual({ kind: "missing" });
    expect(await findArticle(slugOf("h-archived"), now)).toEqual({ kind: "gone" });
    expect(await findArticle(slugOf("no-such-article"), now)).toEqual({ kind: "missing" });

    const due = await findArticle(slugOf("sched-due"), now);
    expect(due.kind).toBe("found");
    if (due.kind !== "found") return;
    expect(due.article).toMatchObject({
      id: id("sched-due"),
      slug: slugOf("sched-due"),
      url: `/${S.slug}/${slugOf("sched-due")}`,
      publishedAt: at(-30 * MIN).toISOString(),
      section: { slug: S.slug },
      authors: [{ slug: author.slug }],
      tags: [{ slug: tag.main.slug }],
      body: { type: "doc", content: [] },
    });
  });

  it("a scheduled article flips from missing to public exactly at its time", async () => {
    const before = new Date(SCHEDULED_AT.getTime() - 1);
    expect(await findArticle(slugOf("h-sched"), before)).toEqual({ kind: "missing" });
    expect(mine(await latestArticles(10_000, [], before))).not.toContain("h-sched");
    expect(mine((await sectionListing(S.slug, 1, before))!.articles)).not.toContain("h-sched");
    expect(mine(await recentArticleParams(10_000, before))).not.toContain("h-sched");

    const found = await findArticle(slugOf("h-sched"), SCHEDULED_AT);
    expect(found.kind).toBe("found");
    expect(mine(await latestArticles(10_000, [], SCHEDULED_AT))[0]).toBe("h-sched");
    const section = await sectionListing(S.slug, 1, SCHEDULED_AT);
    expect(mine(section!.articles)).toEqual(["h-sched", ...S_PUBLIC.slice(0, PAGE_SIZE - 1)]);
    expect(section!.total).toBe(S_PUBLIC.length + 1);
    expect(mine(await tagListing(tag.hidden.slug, 1, SCHEDULED_AT).then((l) => l!.articles))).toEqual(["h-sched"]);
    expect(mine(await recentArticleParams(10_000, SCHEDULED_AT))[0]).toBe("h-sched");
    // The due one was not yet public half an hour ago either, before or after the go-live timer
    // (another test's, in parallel, may release it: PUBLISHED, first published at its time).
    expect(await findArticle(slugOf("sched-due"), at(-31 * MIN))).toEqual({ kind: "missing" });
    const released = await article("sched-released", { section: E, status: "PUBLISHED", publishedAt: at(-30 * MIN), firstPublishedAt: at(-30 * MIN) });
    try {
      expect(await findArticle(slugOf("sched-released"), at(-31 * MIN))).toEqual({ kind: "missing" });
      expect((await findArticle(slugOf("sched-released"), now)).kind).toBe("found");
    } finally {
      await prisma.article.delete({ where: { id: released } });
      ids.delete("sched-released");
    }
    expect(mine(await mostReadArticles(10_000, 2, at(-31 * MIN)))).not.toContain("sched-due");
  });
});

describe("pagination", () => {
  const pageSize = 4;
  const sectionPage = (page: number) =>
    listPage({ slug: S.slug }, { sectionId: S.id }, page, { allowEmptyFirstPage: true, pageSize, now });

  it("pages are newest first, disjoint, cover everything, and the last one is partial", async () => {
    const pages: string[][] = [];
    for (let page = 1; page <= 4; page++) {
      const listing = await sectionPage(page);
      expect(listing, `page ${page}`).not.toBeNull();
      expect(listing!).toMatchObject({ page, totalPages: 4, total: S_PUBLIC.length, entity: { slug: S.slug } });
      pages.push(mine(listing!.articles));
    }
    expect(pages).toEqual([
      ["sched-due", "p00", "p01", "tie4"],
      ["tie3", "tie2", "tie1", "tie0"],
      ["p02", "p03", "p04", "p05"],
      ["p06", "p07", "p08"],
    ]);
    // Nothing else in this section: the pages hold exactly the section's stories, once each.
    const all = pages.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(S_PUBLIC);
  });

  it("stories sharing a publish time are ordered by id, the same way on every request", async () => {
    const ties = [...TIE_IDS].sort().reverse();
    for (let i = 0; i < 3; i++) {
      const [one, two] = await Promise.all([sectionPage(1), sectionPage(2)]);
      const seen = [...one!.articles, ...two!.articles].filter((a) => a.slug.includes("-tie"));
      expect(seen.map((a) => a.id)).toEqual(ties);
    }
  });

  it("page 0, a negative page and the page after the last do not exist", async () => {
    expect(await sectionPage(0)).toBeNull();
    expect(await sectionPage(-1)).toBeNull();
    expect(await sectionPage(5)).toBeNull();
    expect(await sectionListing(S.slug, 0, now)).toBeNull();
    expect(await sectionListing(S.slug, -3, now)).toBeNull();
    expect(await sectionListing(S.slug, 3, now)).toBeNull();
    expect(await tagListing(tag.main.slug, 0, now)).toBeNull();
    expect(await tagListing(tag.main.slug, 3, now)).toBeNull();
    expect(await authorListing(author.slug, -1, now)).toBeNull();
    expect(await authorListing(author.slug, 3, now)).toBeNull();
  });

  it("with PAGE_SIZE, section, tag and author listings split the same stories over two pages", async () => {
    expect(PAGE_SIZE).toBeLessThan(S_PUBLIC.length);
    expect(S_PUBLIC.length).toBeLessThanOrEqual(2 * PAGE_SIZE);
    const lists = [
      (page: number) => sectionListing(S.slug, page, now),
      (page: number) => tagListing(tag.main.slug, page, now),
      (page: number) => authorListing(author.slug, page, now),
    ];
    for (const list of lists) {
      const [one, two] = [await list(1), await list(2)];
      expect(one).toMatchObject({ page: 1, totalPages: 2, total: S_PUBLIC.length });
      expect(two).toMatchObject({ page: 2, totalPages: 2, total: S_PUBLIC.length });
      expect(mine(one!.articles)).toEqual(S_PUBLIC.slice(0, PAGE_SIZE));
      expect(mine(two!.articles)).toEqual(S_PUBLIC.slice(PAGE_SIZE));
    }
  });

  it("a section with no public story has an empty page 1 and no page 2", async () => {
    const one = await sectionListing(E.slug, 1, now);
    expect(one).toEqual({ entity: { slug: E.slug, name: `RQ empty ${run}`, description: "" }, articles: [], page: 1, totalPages: 1, total: 0 });
    expect(await sectionListing(E.slug, 2, now)).toBeNull();
    expect(await sectionListing(E.slug, 0, now)).toBeNull();
  });

  it("a tag or author with hidden stories only does not exist for readers", async () => {
    expect(await tagListing(tag.hidden.slug, 1, now)).toBeNull();
    expect(await authorListing(hiddenAuthor.slug, 1, now)).toBeNull();
    expect(await tagListing(slugOf("no-such-tag"), 1, now)).toBeNull();
    expect(await authorListing(slugOf("no-such-author"), 1, now)).toBeNull();
    expect(await sectionListing(slugOf("no-such-section"), 1, now)).toBeNull();
    // The same listing function with the first page allowed to be empty shows nothing hidden.
    const empty = await listPage({}, { tags: { some: { tagId: tag.hidden.id } } }, 1, { allowEmptyFirstPage: true, now });
    expect(empty).toMatchObject({ articles: [], total: 0, totalPages: 1 });
  });
});

describe("relatedArticles", () => {
  const base = () => ({ id: id("r-base"), sectionId: R.id, tagIds: [tag.a.id, tag.b.id] });
  const ranked = ["r-2tags-other", "r-1tag-same", "r-1tag-other-new", "r-1tag-other-old", "r-same-new", "r-same-old"];

  it("ranks more shared tags first, then the same section, then newest; never itself, never hidden", async () => {
    const related = mine(await relatedArticles(base(), 100, now));
    expect(related).toEqual(ranked);
    expect(related).not.toContain("r-base");
    expectNoHidden(related);
  });

  it("respects the limit", async () => {
    expect(mine(await relatedArticles(base(), 3, now))).toEqual(ranked.slice(0, 3));
    expect(mine(await relatedArticles(base(), 1, now))).toEqual(ranked.slice(0, 1));
  });

  it("an article without tags gets its section's newest stories", async () => {
    const related = await relatedArticles({ id: id("r-same-new"), sectionId: R.id, tagIds: [] }, 10, now);
    expect(mine(related)).toEqual(["r-base", "r-same-old", "r-1tag-same"]);
  });

  it("a hidden story becomes related once it is public", async () => {
    expect(mine(await relatedArticles(base(), 2, at(DAY)))).toEqual(["r-hidden-sched", "r-2tags-other"]);
  });

  // Regression: candidates were once the 40 newest stories, so an older story sharing every tag
  // was never considered in a busy section.
  it("ranks an old story sharing both tags first even in a busy section", async () => {
    const related = await relatedArticles({ id: id("cap-base"), sectionId: R3.id, tagIds: [tag.d.id, tag.e.id] }, 1, now);
    expect(mine(related)).toEqual(["cap-old-2tags"]);
  });
});

describe("mostReadArticles", () => {
  it("sums views over the window: two days add up, older views do not count", async () => {
    // p01: 600k today + 500k yesterday beats p00's 1M today; p02's 10M from ten days ago is ignored.
    expect(mine(await mostReadArticles(10_000, 2, now))).toEqual(["p01", "p00", "sched-due", "p02"]);
    // Over 30 days the old views count.
    expect(mine(await mostReadArticles(10_000, 30, now))).toEqual(["p02", "p01", "p00", "sched-due"]);
  });

  it("respects the limit (our counts are far above the demo's)", async () => {
    const top = await mostReadArticles(2, 2, now);
    expect(top.map((a: ArticleCard) => a.slug)).toEqual([slugOf("p01"), slugOf("p00")]);
    expect(top[0]).toMatchObject({ url: `/${S.slug}/${slugOf("p01")}`, section: { slug: S.slug }, authors: [{ slug: author.slug }] });
  });

  it("counts a scheduled story's views once it is public; the window moves with `now`", async () => {
    // Two days on, the window starts at midnight of today: yesterday's views have dropped out.
    expect(mine(await mostReadArticles(10_000, 2, SCHEDULED_AT))).toEqual(["h-sched", "p00", "sched-due", "p01", "p02"]);
  });
});
