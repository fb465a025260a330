import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../src/server/db.ts";
import { forgetPathStatus, pathStatus } from "../src/server/path-status.ts";
import { recordDeletedPaths, recordPathChange } from "../src/server/services/publishing.ts";

const run = randomBytes(3).toString("hex");
const p = (name: string) => `/politics/redirect-${run}-${name}`;
const created: string[] = [];
afterAll(async () => {
  await prisma.redirect.deleteMany({ where: { fromPath: { startsWith: `/politics/redirect-${run}-` } } });
  await prisma.article.deleteMany({ where: { id: { in: created } } });
});

async function targets() {
  const rows = await prisma.redirect.findMany({ where: { fromPath: { startsWith: `/politics/redirect-${run}-` } }, orderBy: { fromPath: "asc" } });
  return Object.fromEntries(rows.map((r) => [r.fromPath, r.toPath]));
}

describe("redirects left behind by URL changes", () => {
  it("points every earlier path straight at the newest one (chains of length one)", async () => {
    await recordPathChange(prisma, p("a"), p("b"));
    await recordPathChange(prisma, p("b"), p("c"));
    await recordPathChange(prisma, p("c"), p("d"));
    expect(await targets()).toEqual({ [p("a")]: p("d"), [p("b")]: p("d"), [p("c")]: p("d") });
    forgetPathStatus();
    for (const old of ["a", "b", "c"]) expect(await pathStatus(p(old))).toEqual({ status: 301, location: p("d") });
    expect(await pathStatus(p("d"))).toBeNull();
  });

  it("stops redirecting a path that becomes the article's URL again", async () => {
    await recordPathChange(prisma, p("d"), p("a"));
    expect(await targets()).toEqual({ [p("b")]: p("a"), [p("c")]: p("a"), [p("d")]: p("a") });
  });

  it("answers 410 for every path of a deleted article", async () => {
    await recordDeletedPaths(prisma, p("a"));
    expect(await targets()).toEqual({ [p("a")]: null, [p("b")]: null, [p("c")]: null, [p("d")]: null });
    for (const old of ["a", "b", "c", "d"]) expect(await pathStatus(p(old))).toEqual({ status: 410 });
  });

  it("derives 410 from an article that was public once and no longer is, and nothing for one never public", async () => {
    const section = await prisma.section.findUniqueOrThrow({ where: { slug: "politics" } });
    const base = { body: { type: "doc", content: [] }, sectionId: section.id, headline: "x" };
    const withdrawn = await prisma.article.create({
      data: { ...base, slug: `redirect-${run}-withdrawn`, status: "ARCHIVED", publishedAt: new Date("2026-01-01"), firstPublishedAt: new Date("2026-01-01") },
    });
    const draft = await prisma.article.create({ data: { ...base, slug: `redirect-${run}-draft`, status: "DRAFT" } });
    const live = await prisma.article.create({
      data: { ...base, slug: `redirect-${run}-live`, status: "PUBLISHED", publishedAt: new Date("2026-01-01"), firstPublishedAt: new Date("2026-01-01") },
    });
    created.push(withdrawn.id, draft.id, live.id);
    forgetPathStatus();
    expect(await pathStatus(`/politics/${withdrawn.slug}`)).toEqual({ status: 410 });
    expect(await pathStatus(`/politics/${draft.slug}`)).toBeNull();
    expect(await pathStatus(`/politics/${live.slug}`)).toBeNull();
    // Listing and reserved paths are never looked up as articles.
    expect(await pathStatus(`/tag/${withdrawn.slug}`)).toBeNull();
    expect(await pathStatus(`/politics/page`)).toBeNull();
  });

  it("serves a new story at a path an older one gave up, and says 410 once that story is withdrawn", async () => {
    const section = await prisma.section.findUniqueOrThrow({ where: { slug: "politics" } });
    const base = { body: { type: "doc", content: [] }, sectionId: section.id, headline: "x" };
    // The older story moved from "reused" to "moved-on": its old path redirects.
    await recordPathChange(prisma, p("reused"), p("moved-on"));
    const taker = await prisma.article.create({ data: { ...base, slug: `redirect-${run}-reused`, status: "DRAFT" } });
    created.push(taker.id);
    forgetPathStatus();
    // A draft at the path: old links still lead to the older story.
    expect(await pathStatus(p("reused"))).toEqual({ status: 301, location: p("moved-on") });
    const published = { status: "PUBLISHED" as const, publishedAt: new Date("2026-01-01"), firstPublishedAt: new Date("2026-01-01") };
    await prisma.article.update({ where: { id: taker.id }, data: published });
    forgetPathStatus();
    // Before: 301 to the older story, the new one unreachable at its own URL.
    expect(await pathStatus(p("reused"))).toBeNull();
    await prisma.article.update({ where: { id: taker.id }, data: { status: "DRAFT" } });
    forgetPathStatus();
    expect(await pathStatus(p("reused"))).toEqual({ status: 410 });
    // The same over a deleted story's 410.
    await recordDeletedPaths(prisma, p("deleted-once"));
    const second = await prisma.article.create({ data: { ...base, ...published, slug: `redirect-${run}-deleted-once` } });
    created.push(second.id);
    forgetPathStatus();
    expect(await pathStatus(p("deleted-once"))).toBeNull();
  });

  it("sends a renamed listing's later pages and feeds where the listing went; a removed one's are gone", async () => {
    const section = `/redirect-${run}-desk`;
    const tag = `/tag/redirect-${run}-topic`;
    await prisma.redirect.createMany({
      data: [
        { fromPath: section, toPath: `/redirect-${run}-newsdesk` },
        { fromPath: tag, toPath: `/tag/redirect-${run}-subject` },
        { fromPath: `/tag/redirect-${run}-dropped`, toPath: null },
      ],
    });
    try {
      forgetPathStatus();
      expect(await pathStatus(`${section}/feed.xml`)).toEqual({ status: 301, location: `/redirect-${run}-newsdesk/feed.xml` });
      expect(await pathStatus(`${section}/page/3`)).toEqual({ status: 301, location: `/redirect-${run}-newsdesk/page/3` });
      expect(await pathStatus(`${tag}/feed.atom`)).toEqual({ status: 301, location: `/tag/redirect-${run}-subject/feed.atom` });
      expect(await pathStatus(`${tag}/feed.json`)).toEqual({ status: 301, location: `/tag/redirect-${run}-subject/feed.json` });
      expect(await pathStatus(`/tag/redirect-${run}-dropped/feed.xml`)).toEqual({ status: 410 });
      // Not a listing's page or feed: left alone.
      for (const other of [`${section}/page/0`, `${section}/feed.html`, `${section}/page/2/extra`, `/redirect-${run}-never/feed.xml`]) {
        expect(await pathStatus(other), other).toBeNull();
      }
    } finally {
      await prisma.redirect.deleteMany({ where: { fromPath: { in: [section, tag, `/tag/redirect-${run}-dropped`] } } });
    }
  });

  it("keeps an answer for a few seconds, and forgets it when told", async () => {
    const section = await prisma.section.findUniqueOrThrow({ where: { slug: "politics" } });
    const a = await prisma.article.create({
      data: { body: { type: "doc", content: [] }, sectionId: section.id, headline: "x", slug: `redirect-${run}-flip`, status: "PUBLISHED", publishedAt: new Date("2026-01-01"), firstPublishedAt: new Date("2026-01-01") },
    });
    created.push(a.id);
    const path = `/politics/${a.slug}`;
    expect(await pathStatus(path)).toBeNull();
    await prisma.article.update({ where: { id: a.id }, data: { status: "ARCHIVED" } });
    expect(await pathStatus(path)).toBeNull(); // memoized
    forgetPathStatus([path]);
    expect(await pathStatus(path)).toEqual({ status: 410 });
  });
});
