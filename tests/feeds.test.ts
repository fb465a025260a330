import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleStatus } from "@/generated/prisma/client";
import { toAtom, toJsonFeed, toRss, type Feed } from "@/lib/feeds";
import { absoluteUrl } from "@/lib/routes";
import { prisma } from "@/server/db";
import { FEED_SIZE, feedFor, type ScopedFeed } from "@/server/data/feed-queries";

// Runs on the database the global setup migrated and seeded (PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set), alongside other test files. Every section, tag, user, media row and
// article here is this run's own (slugs start with the run's prefix) and is deleted afterwards.
// Queries get an explicit `now`; scoped feeds contain only this run's articles, and the site feed
// is checked against the visibility rule itself, since other files add articles in parallel.

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const now = new Date();
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

const run = Math.random().toString(36).slice(2, 8).padEnd(6, "0");
const P = `fd-${run}`;
const slugOf = (key: string) => `${P}-${key}`;
const keyOf = (slug: string) => slug.slice(P.length + 1);
const TOKEN = `FDHIDDEN${run.toUpperCase()}`;
const DEMO_HIDDEN_TOKENS = [
  "DRAFTTOKEN1",
  "DRAFTTOKEN2",
  "DRAFTTOKEN3",
  "REVIEWTOKEN",
  "SCHEDULEDTOKEN1",
  "SCHEDULEDTOKEN2",
  "ARCHIVEDTOKEN",
];

interface Ref {
  id: string;
  slug: string;
  name: string;
}
let S: Ref; // 55 public stories, the rich one, and every kind of hidden one
let S2: Ref; // a second section: one public story, one whose stored body no longer validates
let E: Ref; // a section with no stories
let T: Ref; // on every story in S
let T2: Ref; // on the rich story and the S2 story
let TH: Ref; // on hidden stories only
let A: Ref; // bylines in S
let A2: Ref; // second byline on the rich story, only byline on the S2 story
let AH: Ref; // bylines on hidden stories only
let siteUrl = "";
let siteName = "";

const ids = new Map<string, string>();
const PUBLIC_FILLERS = Array.from({ length: 55 }, (_, i) => `p${String(i).padStart(2, "0")}`);
const HIDDEN = ["h-draft", "h-review", "h-sched", "h-archived", "h-future"];

/** The rich story's body: a heading, hostile text, a site-relative link and an inline image. */
const richBody = (linkHref: string) => ({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What happened" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Hostile ]]> </script><script>alert(1)</script> & text. See " },
        { type: "text", text: "the other story", marks: [{ type: "link", attrs: { href: linkHref } }] },
      ],
    },
    {
      type: "image",
      attrs: {
        src: "/media/inline.jpg",
        alt: "Inline",
        caption: "Inline caption",
        credit: "",
        width: 800,
        height: 600,
        mediaId: null,
      },
    },
  ],
});

async function article(
  key: string,
  f: {
    section: Ref;
    status?: ArticleStatus;
    publishedAt: Date | null;
    firstPublishedAt?: Date | null;
    contentUpdatedAt?: Date | null;
    tags?: Ref[];
    authors?: Ref[];
    headline?: string;
    standfirst?: string;
    body?: unknown;
    bodyText?: string;
    heroImageId?: string;
    heroCaption?: string;
  },
) {
  const status = f.status ?? "PUBLISHED";
  const row = await prisma.article.create({
    data: {
      slug: slugOf(key),
      headline: f.headline ?? `Feed fixture ${key} ${run}`,
      standfirst: f.standfirst ?? `Standfirst of ${key}.`,
      body: (f.body ?? {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: `Body of ${key}.` }] }],
      }) as object,
      bodyText: f.bodyText ?? `Body of ${key}.`,
      status,
      publishedAt: f.publishedAt,
      firstPublishedAt:
        f.firstPublishedAt !== undefined ? f.firstPublishedAt : status === "PUBLISHED" ? f.publishedAt : null,
      contentUpdatedAt: f.contentUpdatedAt ?? null,
      sectionId: f.section.id,
      heroImageId: f.heroImageId ?? null,
      heroCaption: f.heroCaption ?? "",
      tags: { create: (f.tags ?? []).map((t, position) => ({ tagId: t.id, position })) },
      authors: { create: (f.authors ?? []).map((u, position) => ({ userId: u.id, position })) },
    },
    select: { id: true },
  });
  ids.set(key, row.id);
}

/** This run's articles in a feed, by key, in the feed's order. */
const mine = (feed: Feed) =>
  feed.items
    .map((i) => new URL(i.url).pathname.split("/").pop()!)
    .filter((slug) => slug.startsWith(`${P}-`))
    .map(keyOf);
const articleIdOf = (itemId: string) => itemId.split(":").pop()!;

/** The main section's public stories, newest first, as the visibility rule orders them. */
const S_PUBLIC = ["rich", "sched-due", "plain", ...PUBLIC_FILLERS];

beforeAll(async () => {
  const settings = await prisma.settings.findUniqueOrThrow({ where: { id: 1 } });
  siteUrl = settings.siteUrl;
  siteName = settings.siteName;
  const section = (key: string, position: number) =>
    prisma.section.create({
      data: { slug: slugOf(key), name: `FD ${key} ${run}`, position },
      select: { id: true, slug: true, name: true },
    });
  [S, S2, E] = await Promise.all([section("main", 9101), section("other", 9102), section("empty", 9103)]);
  const tag = (key: string) =>
    prisma.tag.create({
      data: { slug: slugOf(`tag-${key}`), name: `FD tag ${key} ${run}` },
      select: { id: true, slug: true, name: true },
    });
  [T, T2, TH] = await Promise.all([tag("main"), tag("two"), tag("hidden")]);
  const user = (key: string) =>
    prisma.user.create({
      data: {
        email: `${slugOf(key)}@example.test`,
        name: `FD ${key} ${run}`,
        slug: slugOf(key),
        role: "AUTHOR",
      },
      select: { id: true, slug: true, name: true },
    });
  [A, A2, AH] = await Promise.all([user("author"), user("coauthor"), user("hidden-author")]);
  const media = await prisma.media.create({
    data: {
      storageKey: `${P}/hero.jpg`,
      mimeType: "image/jpeg",
      width: 1200,
      height: 675,
      bytes: 54321,
      alt: "Hero alt",
      caption: "Library caption",
      credit: "Photo: FD",
    },
    select: { id: true },
  });

  // Hidden stories, each for a different reason, all newer than every public one, so that they
  // would top every newest-first list if the visibility rule let them through.
  const hid = { section: S, tags: [T, TH], authors: [A, AH], headline: `Hidden ${TOKEN}`, bodyText: TOKEN };
  await article("h-draft", { ...hid, status: "DRAFT", publishedAt: at(-5_000) });
  await article("h-review", { ...hid, status: "IN_REVIEW", publishedAt: at(-6_000) });
  await article("h-sched", { ...hid, status: "SCHEDULED", publishedAt: at(DAY) });
  await article("h-archived", {
    ...hid,
    status: "ARCHIVED",
    publishedAt: at(-7_000),
    firstPublishedAt: at(-10 * DAY),
  });
  await article("h-future", { ...hid, status: "PUBLISHED", publishedAt: at(DAY) });

  // The newest public story carries everything a feed item can have.
  await article("rich", {
    section: S,
    publishedAt: at(-30_000),
    firstPublishedAt: at(-2 * DAY),
    contentUpdatedAt: at(-10_000),
    tags: [T, T2],
    authors: [A, A2],
    headline: `Rich <b>"story"</b> & co ]]>`,
    standfirst: "The rich standfirst.",
    body: richBody(`/${S2.slug}/${slugOf("s2")}`),
    heroImageId: media.id,
    heroCaption: "Article caption",
  });
  await prisma.correction.create({
    data: { articleId: ids.get("rich")!, text: "An earlier version misspelt <i>a name</i>." },
  });
  await article("sched-due", {
    section: S,
    status: "SCHEDULED",
    publishedAt: at(-45_000),
    firstPublishedAt: null,
    tags: [T],
    authors: [A],
  });
  // No standfirst, and an edit recorded before the publish time (a re-publish): not an update.
  await article("plain", {
    section: S,
    publishedAt: at(-50_000),
    contentUpdatedAt: at(-DAY),
    standfirst: "",
    body: {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "word ".repeat(100) }] }],
    },
    tags: [T],
    authors: [A],
  });
  await prisma.article.createMany({
    data: PUBLIC_FILLERS.map((key, i) => ({
      slug: slugOf(key),
      headline: `Feed filler ${key} ${run}`,
      body: { type: "doc", content: [] },
      status: "PUBLISHED" as const,
      publishedAt: at(-(i + 1) * MIN),
      firstPublishedAt: at(-(i + 1) * MIN),
      sectionId: S.id,
    })),
  });
  const fillers = await prisma.article.findMany({
    where: { slug: { in: PUBLIC_FILLERS.map(slugOf) } },
    select: { id: true, slug: true },
  });
  for (const f of fillers) ids.set(keyOf(f.slug), f.id);
  await prisma.articleTag.createMany({ data: fillers.map((f) => ({ articleId: f.id, tagId: T.id })) });
  await prisma.articleAuthor.createMany({ data: fillers.map((f) => ({ articleId: f.id, userId: A.id })) });

  await article("s2", { section: S2, publishedAt: at(-2 * MIN - 30_000), tags: [T2], authors: [A2] });
  await article("s2-invalid-body", {
    section: S2,
    publishedAt: at(-3.5 * MIN),
    body: { type: "doc", content: [{ type: "script", text: "alert(1)" }] },
    bodyText: "Stored plain text <b>only</b>.\n\nSecond paragraph.",
  });
}, 180_000);

afterAll(async () => {
  // Articles first: their tags, bylines and corrections go with them.
  await prisma.article.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.media.deleteMany({ where: { storageKey: { startsWith: `${P}/` } } });
  await prisma.section.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.tag.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.user.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.$disconnect();
});

async function feedOf(scope: Parameters<typeof feedFor>[0]): Promise<Feed> {
  const result = await feedFor(scope, now);
  expect(result, JSON.stringify(scope)).not.toBeNull();
  return result!.feed;
}

function expectNoHidden(feed: Feed) {
  const keys = mine(feed);
  for (const key of HIDDEN) expect(keys, `${key} must not be listed`).not.toContain(key);
  const text = [toRss(feed), toAtom(feed), toJsonFeed(feed)].join("\n");
  expect(text).not.toContain(TOKEN);
}

describe("a section feed", () => {
  let result: ScopedFeed;
  beforeAll(async () => {
    result = (await feedFor({ kind: "section", slug: S.slug }, now))!;
  });

  it("lists at most 50 public stories, newest first, and nothing hidden", () => {
    expect(FEED_SIZE).toBe(50);
    expect(mine(result.feed)).toEqual(S_PUBLIC.slice(0, 50));
    expectNoHidden(result.feed);
    expect(result.articleSlugs).toEqual(S_PUBLIC.slice(0, 50).map(slugOf));
  });

  it("describes itself with absolute URLs and the site's language", async () => {
    const { feed } = result;
    const settings = await prisma.settings.findUniqueOrThrow({ where: { id: 1 } });
    expect(feed.title).toBe(`${S.name} | ${siteName}`);
    expect(feed.description).toBe(`The latest ${S.name} news.`);
    expect(feed.language).toBe(settings.language);
    expect(feed.homePageUrl).toBe(absoluteUrl(siteUrl, `/${S.slug}`));
    expect(feed.feedUrls).toEqual({
      rss: absoluteUrl(siteUrl, `/${S.slug}/feed.xml`),
      atom: absoluteUrl(siteUrl, `/${S.slug}/feed.atom`),
      json: absoluteUrl(siteUrl, `/${S.slug}/feed.json`),
    });
    expect(feed.publisher).toEqual({ name: siteName, url: absoluteUrl(siteUrl, "/") });
    // The newest change: the rich story's content update.
    expect(feed.updated).toBe(at(-10_000).toISOString());
  });

  it("gives each item everything a feed needs", () => {
    const rich = result.feed.items[0]!;
    const id = ids.get("rich")!;
    expect(rich).toMatchObject({
      id: `tag:${new URL(siteUrl).hostname},${at(-2 * DAY)
        .toISOString()
        .slice(0, 10)}:article:${id}`,
      url: absoluteUrl(siteUrl, `/${S.slug}/${slugOf("rich")}`),
      title: `Rich <b>"story"</b> & co ]]>`,
      summary: "The rich standfirst.",
      published: at(-30_000).toISOString(),
      updated: at(-10_000).toISOString(),
      authors: [
        { name: A.name, url: absoluteUrl(siteUrl, `/author/${A.slug}`) },
        { name: A2.name, url: absoluteUrl(siteUrl, `/author/${A2.slug}`) },
      ],
      section: { name: S.name, url: absoluteUrl(siteUrl, `/${S.slug}`) },
      tags: [
        { name: T.name, url: absoluteUrl(siteUrl, `/tag/${T.slug}`) },
        { name: T2.name, url: absoluteUrl(siteUrl, `/tag/${T2.slug}`) },
      ],
      image: {
        url: absoluteUrl(siteUrl, `/media/${P}/hero.jpg`),
        mimeType: "image/jpeg",
        bytes: 54321,
        width: 1200,
        height: 675,
        alt: "Hero alt",
        caption: "Article caption",
        credit: "Photo: FD",
      },
    });
  });

  it("carries the full text as HTML built from the body: hero, escaped text, absolute links, corrections", () => {
    const html = result.feed.items[0]!.contentHtml;
    expect(
      html.startsWith(
        `<figure><img src="${absoluteUrl(siteUrl, `/media/${P}/hero.jpg`)}" alt="Hero alt" width="1200" height="675">`,
      ),
    ).toBe(true);
    expect(html).toContain("<figcaption>Article caption Photo: FD</figcaption>");
    expect(html).toContain("<h2>What happened</h2>");
    expect(html).toContain(
      "<p>Hostile ]]&gt; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; text. See ",
    );
    expect(html).toContain(
      `<a href="${absoluteUrl(siteUrl, `/${S2.slug}/${slugOf("s2")}`)}">the other story</a>`,
    );
    expect(html).toContain(
      `<img src="${absoluteUrl(siteUrl, "/media/inline.jpg")}" alt="Inline" width="800" height="600">`,
    );
    expect(html).toMatch(
      /<h2>Corrections<\/h2><ul><li><strong>[^<]+<\/strong>: An earlier version misspelt &lt;i&gt;a name&lt;\/i&gt;\.<\/li><\/ul>$/,
    );
    expect(html).not.toMatch(/<script|<\/script|<i>/);
  });

  it("dates an item by its publish time when its recorded edit is older, and summarises a story without a standfirst", () => {
    const plain = result.feed.items.find((i) => i.url.endsWith(`/${slugOf("plain")}`))!;
    expect(plain.updated).toBe(plain.published);
    expect(plain.summary.length).toBeLessThanOrEqual(281);
    expect(plain.summary).toMatch(/^word word .*word…$/);
    expect(plain.image).toBeNull();
  });
});

describe("scopes", () => {
  it("a tag feed lists the tag's public stories across sections", async () => {
    expect(mine(await feedOf({ kind: "tag", slug: T.slug }))).toEqual(S_PUBLIC.slice(0, 50));
    const two = await feedOf({ kind: "tag", slug: T2.slug });
    expect(mine(two)).toEqual(["rich", "s2"]);
    expect(two.title).toBe(`${T2.name} | ${siteName}`);
    expect(two.homePageUrl).toBe(absoluteUrl(siteUrl, `/tag/${T2.slug}`));
    expect(two.feedUrls.atom).toBe(absoluteUrl(siteUrl, `/tag/${T2.slug}/feed.atom`));
    expectNoHidden(await feedOf({ kind: "tag", slug: T.slug }));
  });

  it("an author feed lists the author's public stories", async () => {
    const a = await feedOf({ kind: "author", slug: A.slug });
    expect(mine(a)).toEqual(S_PUBLIC.slice(0, 50));
    expectNoHidden(a);
    const a2 = await feedOf({ kind: "author", slug: A2.slug });
    expect(mine(a2)).toEqual(["rich", "s2"]);
    expect(a2.homePageUrl).toBe(absoluteUrl(siteUrl, `/author/${A2.slug}`));
    expect(a2.feedUrls.json).toBe(absoluteUrl(siteUrl, `/author/${A2.slug}/feed.json`));
  });

  it("a section feed stays within its section; a stored body that no longer validates falls back to its plain text", async () => {
    const s2 = await feedOf({ kind: "section", slug: S2.slug });
    expect(mine(s2)).toEqual(["s2", "s2-invalid-body"]);
    expect(s2.items[1]!.contentHtml).toBe(
      "<p>Stored plain text &lt;b&gt;only&lt;/b&gt;.</p><p>Second paragraph.</p>",
    );
  });

  it("an empty section has an empty feed (it is in the navigation), dated when the section last changed", async () => {
    const empty = await feedOf({ kind: "section", slug: E.slug });
    expect(empty.items).toEqual([]);
    const section = await prisma.section.findUniqueOrThrow({ where: { id: E.id } });
    expect(empty.updated).toBe(section.updatedAt.toISOString());
  });

  it("tags and authors with no public story, and unknown scopes, do not exist", async () => {
    expect(await feedFor({ kind: "tag", slug: TH.slug }, now)).toBeNull();
    expect(await feedFor({ kind: "author", slug: AH.slug }, now)).toBeNull();
    expect(await feedFor({ kind: "section", slug: `${P}-nope` }, now)).toBeNull();
    expect(await feedFor({ kind: "tag", slug: `${P}-nope` }, now)).toBeNull();
    expect(await feedFor({ kind: "author", slug: `${P}-nope` }, now)).toBeNull();
  });

  it("a hidden story appears once it is public, and the hidden-only tag with it", async () => {
    const later = at(DAY + MIN); // h-sched and h-future are due by then
    const feed = (await feedFor({ kind: "tag", slug: TH.slug }, later))!.feed;
    expect(mine(feed).sort()).toEqual(["h-future", "h-sched"]);
  });
});

describe("the site feed", () => {
  it("lists the 50 newest public stories of the whole site, newest first", async () => {
    const feed = await feedOf(null);
    expect(feed.items).toHaveLength(50);
    expect(feed.title).toBe(siteName);
    expect(feed.homePageUrl).toBe(absoluteUrl(siteUrl, "/"));
    expect(feed.feedUrls.rss).toBe(absoluteUrl(siteUrl, "/feed.xml"));
    const published = feed.items.map((i) => i.published);
    expect([...published].sort().reverse()).toEqual(published);
    // Every item is public by the rule itself, whatever else other test files have added.
    const rows = await prisma.article.findMany({
      where: { id: { in: feed.items.map((i) => articleIdOf(i.id)) } },
      select: { status: true, publishedAt: true },
    });
    expect(rows).toHaveLength(50);
    for (const r of rows) {
      expect(["PUBLISHED", "SCHEDULED"]).toContain(r.status);
      expect(r.publishedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    // This run's stories appear in the order the rule gives them (other files' stories may sit
    // between them); the oracle is the rule applied in JavaScript to this run's rows.
    const all = await prisma.article.findMany({
      where: { slug: { startsWith: `${P}-` } },
      select: { id: true, slug: true, status: true, publishedAt: true },
    });
    const expected = all
      .filter(
        (a) =>
          (a.status === "PUBLISHED" || a.status === "SCHEDULED") &&
          a.publishedAt !== null &&
          a.publishedAt <= now,
      )
      .sort((x, y) => y.publishedAt!.getTime() - x.publishedAt!.getTime() || (x.id < y.id ? 1 : -1))
      .map((a) => keyOf(a.slug));
    expect(expected.slice(0, 8)).toEqual([
      "rich",
      "sched-due",
      "plain",
      "p00",
      "p01",
      "s2",
      "p02",
      "s2-invalid-body",
    ]);
    expect(mine(feed).length).toBeGreaterThan(0);
    expect(mine(feed)).toEqual(expected.slice(0, mine(feed).length));
    expectNoHidden(feed);
  });
});

describe("demo content", () => {
  it("no feed ever shows a draft, an article in review, a scheduled or an archived demo article", async () => {
    // Real time: the scheduled demo articles go live hours after seeding.
    const scopes = [
      null,
      { kind: "section", slug: "politics" },
      { kind: "tag", slug: "parliament" },
      { kind: "author", slug: "tobias-renwick" },
    ] as const;
    for (const scope of scopes) {
      const result = await feedFor(scope);
      expect(result, JSON.stringify(scope)).not.toBeNull();
      expect(result!.feed.items.length).toBeGreaterThan(0);
      const text = [toRss(result!.feed), toAtom(result!.feed), toJsonFeed(result!.feed)].join("\n");
      for (const token of DEMO_HIDDEN_TOKENS)
        expect(text, `${token} in ${JSON.stringify(scope)}`).not.toContain(token);
    }
  });
});
