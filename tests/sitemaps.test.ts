import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleStatus } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import {
  articleMonths,
  authorPages,
  monthArticles,
  newsArticles,
  pagesSitemapDates,
  sectionPages,
  tagPages,
  type SitemapPage,
} from "@/server/data/sitemap-queries";

// Runs on the database the global setup migrated and seeded, alongside other test files. The
// fixtures (sections, tags, users, a media row, articles) are this run's own, named with a random
// run id, and deleted afterwards. Their publish times fall in 2019, a year no demo article and no
// other test uses, and queries get an explicit `now` in March 2019, so that month-level results
// can be asserted exactly and do not depend on when the test runs.

const NOW = new Date("2019-03-20T12:00:00.000Z");
const HOUR = 3_600_000;
const t = (iso: string) => new Date(iso);

const run = Math.random().toString(36).slice(2, 8).padEnd(6, "0");
const P = `sm-${run}`;
const slugOf = (key: string) => `${P}-${key}`;
const isMine = (url: string) => url.split("/").pop()!.startsWith(`${P}-`);
const keyOf = (url: string) =>
  url
    .split("/")
    .pop()!
    .slice(P.length + 1);

interface Ref {
  id: string;
  slug: string;
}
let S: Ref; // section with public stories
let E: Ref; // section with hidden stories only
const tag = {} as Record<"pub" | "hidden" | "future", Ref>;
const author = {} as Record<"pub" | "hidden", Ref>;
let mediaId: string;
const STORAGE_KEY = `sitemap-test/${run}/hero & <1>.jpg`.replace(/[ &<>]/g, "-");

async function article(
  key: string,
  f: {
    publishedAt: Date | null;
    status?: ArticleStatus;
    section?: Ref;
    contentUpdatedAt?: Date;
    hero?: { caption?: string };
    tags?: Ref[];
    authors?: Ref[];
  },
) {
  const status = f.status ?? "PUBLISHED";
  await prisma.article.create({
    data: {
      slug: slugOf(key),
      headline: `Sitemap fixture ${key} ${run} & <co>`,
      body: { type: "doc", content: [] },
      status,
      publishedAt: f.publishedAt,
      firstPublishedAt: status === "PUBLISHED" || status === "ARCHIVED" ? f.publishedAt : null,
      contentUpdatedAt: f.contentUpdatedAt ?? null,
      sectionId: (f.section ?? S).id,
      heroImageId: f.hero ? mediaId : null,
      heroCaption: f.hero?.caption ?? "",
      tags: { create: (f.tags ?? []).map((tg, position) => ({ tagId: tg.id, position })) },
      authors: { create: (f.authors ?? []).map((u, position) => ({ userId: u.id, position })) },
    },
  });
}

const HIDDEN = ["h-draft", "h-review", "h-sched", "h-archived", "h-apr-archived", "h-may-draft"];

beforeAll(async () => {
  const section = (key: string, position: number) =>
    prisma.section.create({
      data: { slug: slugOf(key), name: `SM ${key} ${run}`, position },
      select: { id: true, slug: true },
    });
  [S, E] = await Promise.all([section("main", 9101), section("empty", 9102)]);
  for (const key of ["pub", "hidden", "future"] as const) {
    tag[key] = await prisma.tag.create({
      data: { slug: slugOf(`tag-${key}`), name: `SM tag ${key} ${run}` },
      select: { id: true, slug: true },
    });
  }
  for (const key of ["pub", "hidden"] as const) {
    author[key] = await prisma.user.create({
      data: {
        email: `${slugOf(key)}@example.test`,
        name: `SM ${key} ${run}`,
        slug: slugOf(`author-${key}`),
        role: "AUTHOR",
      },
      select: { id: true, slug: true },
    });
  }
  mediaId = (
    await prisma.media.create({
      data: {
        storageKey: STORAGE_KEY,
        mimeType: "image/jpeg",
        width: 1600,
        height: 900,
        bytes: 1000,
        alt: "Alt text",
        caption: "Library caption",
      },
      select: { id: true },
    })
  ).id;

  const pub = { tags: [tag.pub], authors: [author.pub] };
  const hid = { section: E, tags: [tag.hidden], authors: [author.hidden] };
  // January: one story, on the last millisecond of the month (UTC).
  await article("jan-last", { publishedAt: t("2019-01-31T23:59:59.999Z"), hero: {}, ...pub });
  // February: the first instant of the month; an update before publication (republished: the
  // publication time counts); an update in March (lastmod outside the month).
  await article("feb-first", {
    publishedAt: t("2019-02-01T00:00:00.000Z"),
    contentUpdatedAt: t("2019-02-10T10:00:00.000Z"),
  });
  await article("feb-upd-earlier", {
    publishedAt: t("2019-02-15T00:00:00.000Z"),
    contentUpdatedAt: t("2019-02-14T00:00:00.000Z"),
  });
  await article("feb-upd-late", {
    publishedAt: t("2019-02-20T00:00:00.000Z"),
    contentUpdatedAt: t("2019-03-05T08:00:00.000Z"),
    ...pub,
  });
  // March, around the 48-hour news window that ends at NOW.
  await article("mar-old", { publishedAt: t("2019-03-18T11:59:59.000Z") });
  await article("mar-48h", { publishedAt: new Date(NOW.getTime() - 48 * HOUR) }); // exactly 48 h: out
  await article("mar-b", { publishedAt: new Date(NOW.getTime() - 48 * HOUR + 1000) });
  await article("mar-a", { publishedAt: t("2019-03-19T13:00:00.000Z"), hero: { caption: "Hero caption" } });
  await article("mar-sched-due", { status: "SCHEDULED", publishedAt: t("2019-03-20T11:00:00.000Z") });
  // Hidden at NOW, each for a different reason, all inside the window and the month.
  await article("h-draft", { ...hid, status: "DRAFT", publishedAt: t("2019-03-20T10:00:00.000Z"), hero: {} });
  await article("h-review", { ...hid, status: "IN_REVIEW", publishedAt: t("2019-03-20T09:00:00.000Z") });
  await article("h-archived", { ...hid, status: "ARCHIVED", publishedAt: t("2019-03-19T12:00:00.000Z") });
  // Scheduled after NOW (but long past in real time): only on the "future" tag.
  await article("h-sched", {
    section: E,
    status: "SCHEDULED",
    publishedAt: t("2019-03-21T12:00:00.000Z"),
    tags: [tag.future],
    authors: [author.hidden],
  });
  // Months with hidden stories only.
  await article("h-apr-archived", { ...hid, status: "ARCHIVED", publishedAt: t("2019-04-10T12:00:00.000Z") });
  await article("h-may-draft", { ...hid, status: "DRAFT", publishedAt: t("2019-05-10T12:00:00.000Z") });
}, 180_000);

afterAll(async () => {
  await prisma.article.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.media.deleteMany({ where: { id: mediaId } });
  await prisma.tag.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.user.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.section.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
});

const months2019 = async (now: Date) => (await articleMonths(now)).filter((m) => m.month.startsWith("2019-"));
const mine = <T extends { url: string }>(rows: T[]) => rows.filter((r) => isMine(r.url));

describe("article months", () => {
  it("groups public articles by UTC month, newest month first, with count and newest lastmod", async () => {
    expect(await months2019(NOW)).toEqual([
      { month: "2019-03", count: 5, lastmod: "2019-03-20T11:00:00.000Z" },
      { month: "2019-02", count: 3, lastmod: "2019-03-05T08:00:00.000Z" },
      { month: "2019-01", count: 1, lastmod: "2019-01-31T23:59:59.999Z" },
    ]);
  });

  it("follows `now`: a scheduled story counts once its time has come", async () => {
    const [march] = await months2019(new Date());
    expect(march).toEqual({ month: "2019-03", count: 6, lastmod: "2019-03-21T12:00:00.000Z" });
    expect(await months2019(new Date("2019-01-31T23:59:59.998Z"))).toEqual([]);
  });

  it("includes the demo content's months (sanity check on the seeded database)", async () => {
    const months = (await articleMonths()).map((m) => m.month);
    expect(months).toContain("2017-06");
    expect([...months].sort().reverse()).toEqual(months);
  });
});

describe("articles of a month", () => {
  it("lists the month's public articles oldest first, with lastmod and hero image", async () => {
    const feb = await monthArticles("2019-02", 1, NOW);
    expect(feb).toEqual([
      { url: `/${S.slug}/${slugOf("feb-first")}`, lastmod: "2019-02-10T10:00:00.000Z", image: null },
      { url: `/${S.slug}/${slugOf("feb-upd-earlier")}`, lastmod: "2019-02-15T00:00:00.000Z", image: null },
      { url: `/${S.slug}/${slugOf("feb-upd-late")}`, lastmod: "2019-03-05T08:00:00.000Z", image: null },
    ]);
    const jan = await monthArticles("2019-01", 1, NOW);
    expect(jan).toEqual([
      {
        url: `/${S.slug}/${slugOf("jan-last")}`,
        lastmod: "2019-01-31T23:59:59.999Z",
        image: { src: `/media/${STORAGE_KEY}`, alt: "Alt text", caption: "Library caption" },
      },
    ]);
  });

  it("takes the article's own hero caption over the library's", async () => {
    const march = await monthArticles("2019-03", 1, NOW);
    expect(march!.find((a) => keyOf(a.url) === "mar-a")!.image).toEqual({
      src: `/media/${STORAGE_KEY}`,
      alt: "Alt text",
      caption: "Hero caption",
    });
  });

  it("never lists a draft, an article in review, a scheduled article before its time or an archived one", async () => {
    const march = await monthArticles("2019-03", 1, NOW);
    expect(march!.map((a) => keyOf(a.url))).toEqual([
      "mar-old",
      "mar-48h",
      "mar-b",
      "mar-a",
      "mar-sched-due",
    ]);
    const later = await monthArticles("2019-03", 1, new Date());
    expect(later!.map((a) => keyOf(a.url))).toEqual([
      "mar-old",
      "mar-48h",
      "mar-b",
      "mar-a",
      "mar-sched-due",
      "h-sched",
    ]);
  });

  it("has no file for a month without public articles, a malformed month, or a part beyond the last", async () => {
    expect(await monthArticles("2019-04", 1, NOW)).toBeNull(); // archived only
    expect(await monthArticles("2019-05", 1, NOW)).toBeNull(); // draft only
    expect(await monthArticles("2019-06", 1, NOW)).toBeNull(); // nothing
    expect(await monthArticles("2019-02", 2, NOW)).toBeNull();
    for (const month of ["2019-13", "2019-00", "2019-1", "19-01", "2019-01'; --", ""]) {
      expect(await monthArticles(month, 1, NOW), month).toBeNull();
    }
    expect(await monthArticles("2019-02", 0, NOW)).toBeNull();
  });

  it("splits a month into parts that neither overlap nor skip", async () => {
    const urls = (await monthArticles("2019-03", 1, NOW))!.map((a) => a.url);
    const p1 = await monthArticles("2019-03", 1, NOW, 2);
    const p2 = await monthArticles("2019-03", 2, NOW, 2);
    const p3 = await monthArticles("2019-03", 3, NOW, 2);
    expect([p1, p2, p3].map((p) => p!.length)).toEqual([2, 2, 1]);
    expect([...p1!, ...p2!, ...p3!].map((a) => a.url)).toEqual(urls);
    expect(await monthArticles("2019-03", 4, NOW, 2)).toBeNull();
  });
});

describe("section, tag and author pages", () => {
  const find = (pages: SitemapPage[], url: string) => pages.find((p) => p.url === url);

  it("lists the sections with a public story, with the newest public change as lastmod; an empty one is left out", async () => {
    const sections = await sectionPages(NOW);
    expect(find(sections, `/${S.slug}`)).toEqual({ url: `/${S.slug}`, lastmod: "2019-03-20T11:00:00.000Z" });
    expect(find(sections, `/${E.slug}`)).toBeUndefined();
    // Demo sections: world's stories are all later than NOW; politics has the 2017 seed article.
    expect(find(sections, "/world")).toBeUndefined();
    expect(find(sections, "/politics")).toEqual({ url: "/politics", lastmod: "2017-06-06T18:30:00.000Z" });
    const today = await sectionPages();
    expect(find(today, `/${E.slug}`)).toEqual({ url: `/${E.slug}`, lastmod: "2019-03-21T12:00:00.000Z" });
    expect(find(today, "/politics")!.lastmod).not.toBeNull();
  });

  it("lists only tags with a public story, with its newest lastmod", async () => {
    const tags = await tagPages(NOW);
    expect(find(tags, `/tag/${tag.pub.slug}`)).toEqual({
      url: `/tag/${tag.pub.slug}`,
      lastmod: "2019-03-05T08:00:00.000Z",
    });
    expect(find(tags, `/tag/${tag.hidden.slug}`)).toBeUndefined();
    expect(find(tags, `/tag/${tag.future.slug}`)).toBeUndefined();
    const today = await tagPages();
    expect(find(today, `/tag/${tag.future.slug}`)).toEqual({
      url: `/tag/${tag.future.slug}`,
      lastmod: "2019-03-21T12:00:00.000Z",
    });
    expect(find(today, `/tag/${tag.hidden.slug}`)).toBeUndefined();
  });

  it("lists only authors with a public story, with its newest lastmod", async () => {
    const authors = await authorPages(NOW);
    expect(find(authors, `/author/${author.pub.slug}`)).toEqual({
      url: `/author/${author.pub.slug}`,
      lastmod: "2019-03-05T08:00:00.000Z",
    });
    expect(find(authors, `/author/${author.hidden.slug}`)).toBeUndefined();
    // The seeded admin wrote nothing public.
    expect(find(await authorPages(), "/author/admin")).toBeUndefined();
    expect(find(await authorPages(new Date()), `/author/${author.hidden.slug}`)).toBeDefined(); // via h-sched
  });
});

describe("the index's dates for the section, tag and author sitemaps", () => {
  const newest = (pages: SitemapPage[]) => pages.map((p) => p.lastmod).filter((d) => d !== null).sort().at(-1) ?? null;

  it("are each sitemap's newest lastmod, read without building the sitemaps", async () => {
    // At NOW: the newest public story (mar-sched-due) has no tag and no author; the newest with
    // both is feb-upd-late, through its update in March, not its publication.
    const dates = await pagesSitemapDates(NOW);
    expect(dates).toEqual({ sections: "2019-03-20T11:00:00.000Z", tags: "2019-03-05T08:00:00.000Z", authors: "2019-03-05T08:00:00.000Z" });
    expect(dates).toEqual({
      sections: newest(await sectionPages(NOW)),
      tags: newest(await tagPages(NOW)),
      authors: newest(await authorPages(NOW)),
    });
  });

  it("follow `now` and never count hidden stories", async () => {
    // A day later h-sched (scheduled, with a tag and an author) is public and newest everywhere.
    const later = new Date("2019-03-21T12:00:00.000Z");
    expect(await pagesSitemapDates(later)).toEqual({ sections: "2019-03-21T12:00:00.000Z", tags: "2019-03-21T12:00:00.000Z", authors: "2019-03-21T12:00:00.000Z" });
    // Before any public story there is no date at all: the seed's oldest story is from 2017.
    expect(await pagesSitemapDates(new Date("2000-01-01T00:00:00.000Z"))).toEqual({ sections: null, tags: null, authors: null });
  });
});

describe("Google News", () => {
  it("lists public articles of the last 48 hours, newest first, with title and publication time", async () => {
    const news = await newsArticles(NOW);
    expect(mine(news).map((a) => keyOf(a.url))).toEqual(["mar-sched-due", "mar-a", "mar-b"]);
    expect(news).toHaveLength(3); // nothing else was published in those two days of 2019
    expect(news[1]).toEqual({
      url: `/${S.slug}/${slugOf("mar-a")}`,
      title: `Sitemap fixture mar-a ${run} & <co>`,
      publishedAt: "2019-03-19T13:00:00.000Z",
    });
  });

  it("moves with `now`", async () => {
    expect(mine(await newsArticles(new Date("2019-03-21T12:30:00.000Z"))).map((a) => keyOf(a.url))).toEqual([
      "h-sched",
      "mar-sched-due",
      "mar-a",
    ]);
    expect(mine(await newsArticles(new Date("2019-03-18T12:00:00.000Z"))).map((a) => keyOf(a.url))).toEqual([
      "mar-48h",
      "mar-old",
    ]);
    expect(mine(await newsArticles())).toEqual([]);
  });
});

describe("visibility", () => {
  it("no query names a hidden article, nor a tag or author known only from hidden articles", async () => {
    const everything = JSON.stringify([
      await articleMonths(NOW),
      ...(await Promise.all(
        ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05"].map((m) => monthArticles(m, 1, NOW)),
      )),
      await tagPages(NOW),
      await authorPages(NOW),
      await newsArticles(NOW),
    ]);
    for (const key of HIDDEN) expect(everything).not.toContain(slugOf(key));
    expect(everything).not.toContain(tag.hidden.slug);
    expect(everything).not.toContain(author.hidden.slug);
  });
});
