import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { flushViews, pendingViews, recordView } from "@/server/services/view-counter";

// Runs on the database the global setup migrated and seeded, alongside other test files. The
// counter keeps its pending counts in this process (each test file has its own), so the tests
// below run in order and share that state. Articles are this run's own and deleted afterwards.

const run = Math.random().toString(36).slice(2, 8);
const P = `vc-${run}`;
const DAY_1 = new Date("2031-05-04T22:15:00.000Z"); // stored as 2031-05-04 (UTC date)
const DAY_2 = new Date("2031-05-05T00:00:00.000Z");
const UNKNOWN = `${P}-no-such-article`;
let viewers = 0;
/** A reader of their own: each counts once per article. */
const viewer = () => `192.0.2.${++viewers}`;
let sectionId: string;
let a: string;
let b: string;

async function rows() {
  const found = await prisma.articleViewDaily.findMany({
    where: { articleId: { in: [a, b, UNKNOWN] } },
    orderBy: [{ day: "asc" }, { articleId: "asc" }],
  });
  return sortByArticle(found.map((r) => ({ article: r.articleId === a ? "a" : r.articleId === b ? "b" : r.articleId, day: r.day.toISOString().slice(0, 10), views: r.views })));
}

const sortByArticle = <T extends { article: string; day: string }>(list: T[]) =>
  [...list].sort((x, y) => x.day.localeCompare(y.day) || x.article.localeCompare(y.article));

beforeAll(async () => {
  sectionId = (await prisma.section.create({ data: { slug: `${P}-section`, name: `VC ${run}`, position: 9100 }, select: { id: true } })).id;
  const article = async (key: string) =>
    (
      await prisma.article.create({
        data: {
          slug: `${P}-${key}`,
          headline: `View counter fixture ${key} ${run}`,
          body: { type: "doc", content: [] },
          status: "PUBLISHED",
          publishedAt: new Date(Date.now() - 3_600_000),
          firstPublishedAt: new Date(Date.now() - 3_600_000),
          sectionId,
        },
        select: { id: true },
      })
    ).id;
  a = await article("a");
  b = await article("b");
  // Nothing from elsewhere in this process is pending.
  expect(pendingViews()).toBe(0);
});

afterAll(async () => {
  await prisma.article.deleteMany({ where: { slug: { startsWith: `${P}-` } } });
  await prisma.section.deleteMany({ where: { slug: `${P}-section` } });
  await prisma.$disconnect();
});

describe("view counter", () => {
  it("flushing with nothing pending writes nothing and returns 0", async () => {
    expect(pendingViews()).toBe(0);
    expect(await flushViews(DAY_1)).toBe(0);
    expect(await rows()).toEqual([]);
  });

  it("counts views in memory and writes one row per article and day, ignoring unknown ids", async () => {
    for (let i = 0; i < 3; i++) recordView(a, viewer());
    for (let i = 0; i < 5; i++) recordView(b, viewer());
    for (let i = 0; i < 2; i++) recordView(UNKNOWN, viewer());
    expect(pendingViews()).toBe(10);
    // Nothing is written before the flush.
    expect(await rows()).toEqual([]);

    const written = await flushViews(DAY_1);
    expect(written).toBeGreaterThan(0);
    expect(pendingViews()).toBe(0);
    expect(await rows()).toEqual(
      sortByArticle([
        { article: "a", day: "2031-05-04", views: 3 },
        { article: "b", day: "2031-05-04", views: 5 },
      ]),
    );
    expect(await prisma.articleViewDaily.count({ where: { articleId: UNKNOWN } })).toBe(0);
  });

  it("a second batch on the same day adds to the same rows; another day gets its own row", async () => {
    for (let i = 0; i < 4; i++) recordView(a, viewer());
    recordView(b, viewer());
    expect(pendingViews()).toBe(5);
    expect(await flushViews(DAY_1)).toBe(5);
    expect(pendingViews()).toBe(0);

    for (let i = 0; i < 2; i++) recordView(a, viewer());
    expect(await flushViews(DAY_2)).toBe(2);
    expect(pendingViews()).toBe(0);

    expect(await rows()).toEqual(
      sortByArticle([
        { article: "a", day: "2031-05-04", views: 7 },
        { article: "b", day: "2031-05-04", views: 6 },
        { article: "a", day: "2031-05-05", views: 2 },
      ]),
    );
    expect(await flushViews(DAY_2)).toBe(0);
  });

  it("counts recorded while a flush is in flight are kept for the next flush", async () => {
    recordView(b, viewer());
    const flushing = flushViews(DAY_2);
    recordView(b, viewer());
    recordView(a, viewer());
    expect(await flushing).toBe(1);
    expect(pendingViews()).toBe(2);
    expect(await flushViews(DAY_2)).toBe(2);
    expect(await rows()).toEqual(
      sortByArticle([
        { article: "a", day: "2031-05-04", views: 7 },
        { article: "b", day: "2031-05-04", views: 6 },
        { article: "a", day: "2031-05-05", views: 3 },
        { article: "b", day: "2031-05-05", views: 2 },
      ]),
    );
  });

  it("counts one view per reader and article per half hour, however often the beacon comes", async () => {
    const t0 = Date.parse("2031-05-05T08:00:00.000Z");
    const reader = "198.51.100.7";
    expect(recordView(a, reader, t0)).toBe(true);
    for (let i = 1; i <= 50; i++) expect(recordView(a, reader, t0 + i * 1000)).toBe(false);
    expect(recordView(b, reader, t0 + 60_000)).toBe(true); // another story
    expect(recordView(a, "198.51.100.8", t0 + 60_000)).toBe(true); // another reader
    expect(recordView(a, reader, t0 + 29 * 60_000)).toBe(false);
    expect(recordView(a, reader, t0 + 30 * 60_000 + 1)).toBe(true); // half an hour later
    expect(pendingViews()).toBe(4);
    expect(await flushViews(DAY_2)).toBe(4);
  });

  it("returns only the views it wrote, not those of unknown ids", async () => {
    recordView(a, viewer());
    recordView(UNKNOWN, viewer());
    recordView(UNKNOWN, viewer());
    expect(await flushViews(DAY_2)).toBe(1);
  });
});
