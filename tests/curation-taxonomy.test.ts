import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/server/prisma-client";
import { ServiceError } from "@/server/services/errors";
import type { Actor } from "@/server/services/permissions";
import { updateArticle } from "@/server/services/articles";
import { clearBreakingNews, curationState, setBreakingNews, setCuratedList } from "@/server/services/curation";
import {
  createSection,
  deleteSection,
  deleteTag,
  mergeTag,
  moveSection,
  reorderSections,
  taxonomyState,
  updateSection,
  renameTag,
} from "@/server/services/taxonomy";
import { prepareDatabase } from "../scripts/lib/prepare.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

// Outside Next.js, revalidateTag has no request to attach to and throws: record the calls instead.
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidateTag, cacheTag: vi.fn(), cacheLife: vi.fn() }));

// A migrated database of this file's own: the curation lists, the settings row and the order of
// sections are shared by the whole site, and other test files read the seeded ones in parallel.
let testDb: TestDatabase;
let db: PrismaClient;
const run = randomBytes(3).toString("hex");
const HOUR = 3_600_000;

const actors = {} as Record<"admin" | "editor" | "author" | "contributor", Actor>;
let sectionId: string;
const ids: Record<string, string> = {};

async function article(key: string, status: "PUBLISHED" | "DRAFT" | "SCHEDULED" | "ARCHIVED", inSection = sectionId, publishedAgoHours = 1) {
  const publishedAt = status === "DRAFT" ? null : new Date(Date.now() - publishedAgoHours * HOUR);
  const row = await db.article.create({
    data: {
      slug: `ct-${run}-${key}`,
      headline: `Curation fixture ${key}`,
      body: { type: "doc", content: [] },
      status,
      publishedAt,
      firstPublishedAt: status === "PUBLISHED" || status === "ARCHIVED" ? publishedAt : null,
      sectionId: inSection,
    },
  });
  ids[key] = row.id;
  return row;
}

/** The ServiceError a call is refused with (fails the test when it succeeds). */
async function refusal(call: Promise<unknown>): Promise<ServiceError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

const slotsOf = async (list: "FRONT_PAGE" | "EDITORS_PICKS") =>
  (await db.curatedSlot.findMany({ where: { list }, orderBy: { position: "asc" }, select: { position: true, articleId: true } })).map(
    (s) => `${s.position}:${Object.keys(ids).find((k) => ids[k] === s.articleId)}`,
  );

const redirectsFrom = async (prefix: string) =>
  Object.fromEntries(
    (await db.redirect.findMany({ where: { fromPath: { startsWith: prefix } }, orderBy: { fromPath: "asc" } })).map((r) => [r.fromPath, r.toPath]),
  );

const expiredTags = () => revalidateTag.mock.calls.map((c) => c[0] as string);

beforeAll(async () => {
  testDb = await createTestDatabase("news_curation");
  await prepareDatabase(testDb.url, { seedIfEmpty: false });
  db = createPrismaClient(testDb.url, 3);
  await db.settings.create({ data: { id: 1, siteName: "Test", siteUrl: "http://localhost:3000" } });
  for (const role of ["ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR"] as const) {
    const key = role.toLowerCase() as keyof typeof actors;
    const user = await db.user.create({ data: { email: `${key}-${run}@example.test`, name: `Test ${key}`, slug: `${key}-${run}`, role } });
    actors[key] = { id: user.id, role, name: user.name };
  }
  sectionId = (await db.section.create({ data: { slug: `ct-${run}-home`, name: "Home", position: 0 } })).id;
  for (const key of ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11", "p12", "p13"]) await article(key, "PUBLISHED");
  await article("draft", "DRAFT");
  await article("archived", "ARCHIVED");
  const future = await article("future", "SCHEDULED");
  await db.article.update({ where: { id: future.id }, data: { publishedAt: new Date(Date.now() + 24 * HOUR) } });
  await article("due", "SCHEDULED");
}, 180_000);

afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

beforeEach(() => revalidateTag.mockClear());

describe("curated lists", () => {
  it("replaces a list with exactly the given order, audits it and expires the curation tag", async () => {
    await setCuratedList(db, actors.editor, "FRONT_PAGE", [ids.p3!, ids.p1!, ids.due!, ids.p2!]);
    expect(await slotsOf("FRONT_PAGE")).toEqual(["0:p3", "1:p1", "2:due", "3:p2"]);
    expect(expiredTags()).toContain("curation");

    // Reordering and shrinking in one go: no unique-constraint clash on positions or articles.
    await setCuratedList(db, actors.admin, "FRONT_PAGE", [ids.p2!, ids.p3!]);
    expect(await slotsOf("FRONT_PAGE")).toEqual(["0:p2", "1:p3"]);
    // The other list is untouched.
    await setCuratedList(db, actors.editor, "EDITORS_PICKS", [ids.p1!]);
    expect(await slotsOf("FRONT_PAGE")).toEqual(["0:p2", "1:p3"]);
    expect(await slotsOf("EDITORS_PICKS")).toEqual(["0:p1"]);

    const log = await db.auditLog.findFirst({ where: { action: "curation.update", entityId: "FRONT_PAGE" }, orderBy: { createdAt: "desc" } });
    expect(log?.actorId).toBe(actors.admin.id);
    expect(log?.details).toMatchObject({ before: [ids.p3, ids.p1, ids.due, ids.p2], after: [ids.p2, ids.p3] });

    await setCuratedList(db, actors.editor, "FRONT_PAGE", []);
    expect(await slotsOf("FRONT_PAGE")).toEqual([]);
  });

  it("refuses drafts, archived, future and unknown articles and duplicates with 422 naming the position, changing nothing", async () => {
    await setCuratedList(db, actors.editor, "FRONT_PAGE", [ids.p1!, ids.p2!]);
    revalidateTag.mockClear();
    const cases: [string[], string][] = [
      [[ids.p1!, ids.draft!], "articleIds.1"],
      [[ids.archived!, ids.p1!], "articleIds.0"],
      [[ids.p1!, ids.p2!, ids.future!], "articleIds.2"],
      [[ids.p1!, "no-such-article"], "articleIds.1"],
      [[ids.p1!, ids.p2!, ids.p1!], "articleIds.2"],
    ];
    for (const [list, field] of cases) {
      const error = await refusal(setCuratedList(db, actors.editor, "FRONT_PAGE", list));
      expect(error.status, field).toBe(422);
      expect(Object.keys(error.fields ?? {}), field).toEqual([field]);
      expect(error.message).toContain(String(Number(field.split(".")[1]) + 1));
    }
    const tooMany = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11", "p12", "p13"].map((k) => ids[k]!);
    expect((await refusal(setCuratedList(db, actors.editor, "FRONT_PAGE", tooMany))).status).toBe(422);
    expect((await refusal(setCuratedList(db, actors.editor, "EDITORS_PICKS", tooMany.slice(0, 9)))).status).toBe(422);
    await setCuratedList(db, actors.editor, "FRONT_PAGE", tooMany.slice(0, 12)); // exactly the limit is fine
    await setCuratedList(db, actors.editor, "FRONT_PAGE", [ids.p1!, ids.p2!]);
    revalidateTag.mockClear();

    expect((await refusal(setCuratedList(db, actors.editor, "FRONT_PAGE", [ids.draft!]))).status).toBe(422);
    expect(await slotsOf("FRONT_PAGE")).toEqual(["0:p1", "1:p2"]);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("refuses a save based on a list someone else has changed since (409, who and the list now), changing nothing", async () => {
    await setCuratedList(db, actors.editor, "FRONT_PAGE", [ids.p1!, ids.p2!, ids.p3!]);
    const seenByBoth = [ids.p1!, ids.p2!, ids.p3!];
    // The editor takes the lead off; the admin, still looking at the old list, reorders it.
    await setCuratedList(db, actors.editor, "FRONT_PAGE", [ids.p2!, ids.p3!], seenByBoth);
    revalidateTag.mockClear();
    const stale = await refusal(setCuratedList(db, actors.admin, "FRONT_PAGE", [ids.p2!, ids.p1!, ids.p3!], seenByBoth));
    expect(stale.status).toBe(409);
    expect(stale.message).toBe(`${actors.editor.name} changed the front page since you opened it. Nothing was saved.`);
    expect(stale.extra).toMatchObject({ current: [ids.p2, ids.p3], changedBy: actors.editor.name });
    expect(await slotsOf("FRONT_PAGE")).toEqual(["0:p2", "1:p3"]);
    expect(revalidateTag).not.toHaveBeenCalled();

    // Based on the list as it is now, it saves; without a basis (an API caller), it replaces.
    await setCuratedList(db, actors.admin, "FRONT_PAGE", [ids.p3!, ids.p2!], [ids.p2!, ids.p3!]);
    expect(await slotsOf("FRONT_PAGE")).toEqual(["0:p3", "1:p2"]);
    await setCuratedList(db, actors.editor, "FRONT_PAGE", [ids.p1!]);
    expect(await slotsOf("FRONT_PAGE")).toEqual(["0:p1"]);
    // The other list's saves are no change to this one.
    await setCuratedList(db, actors.editor, "EDITORS_PICKS", [ids.p4!]);
    await setCuratedList(db, actors.admin, "FRONT_PAGE", [ids.p1!, ids.p2!], [ids.p1!]);
    expect(await slotsOf("FRONT_PAGE")).toEqual(["0:p1", "1:p2"]);
  });

  it("refuses authors and contributors with 403 and changes nothing", async () => {
    const before = await slotsOf("FRONT_PAGE");
    for (const actor of [actors.author, actors.contributor]) {
      expect((await refusal(setCuratedList(db, actor, "FRONT_PAGE", [ids.p5!]))).status).toBe(403);
      expect((await refusal(setBreakingNews(db, actor, { text: "Nope" }))).status).toBe(403);
      expect((await refusal(clearBreakingNews(db, actor))).status).toBe(403);
      expect((await refusal(curationState(db, actor))).status).toBe(403);
    }
    expect(await slotsOf("FRONT_PAGE")).toEqual(before);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("shows both lists as readers see them, with the newest public articles as candidates", async () => {
    await setCuratedList(db, actors.editor, "EDITORS_PICKS", [ids.p4!, ids.due!]);
    const state = await curationState(db, actors.editor);
    expect(state.lists.EDITORS_PICKS.map((a) => a.id)).toEqual([ids.p4, ids.due]);
    expect(state.lists.EDITORS_PICKS[0]).toMatchObject({ headline: "Curation fixture p4", slug: `ct-${run}-p4`, section: { slug: `ct-${run}-home` } });
    const candidates = state.candidates.map((a) => a.id);
    expect(candidates).toContain(ids.p13);
    for (const hidden of ["draft", "archived", "future"]) expect(candidates).not.toContain(ids[hidden]);
  });
});

describe("breaking news", () => {
  const settings = () => db.settings.findUniqueOrThrow({ where: { id: 1 }, select: { breakingNewsText: true, breakingNewsUrl: true, breakingNewsExpiresAt: true } });

  it("sets the banner with a site path or https link and an expiry with an offset, and clears it", async () => {
    const expiresAt = new Date(Date.now() + 2 * HOUR);
    const withOffset = new Date(expiresAt.getTime() + 2 * HOUR).toISOString().slice(0, 19) + "+02:00";
    await setBreakingNews(db, actors.editor, { text: "  Polls close  ", url: "/politics/live", expiresAt: withOffset });
    expect(await settings()).toEqual({ breakingNewsText: "Polls close", breakingNewsUrl: "/politics/live", breakingNewsExpiresAt: new Date(expiresAt.toISOString().slice(0, 19) + "Z") });
    expect(expiredTags()).toEqual(expect.arrayContaining(["curation", "settings"]));

    // Form fields left empty: no link, no expiry.
    await setBreakingNews(db, actors.admin, { text: "Storm warning", url: "https://weather.example/warning", expiresAt: "" });
    await setBreakingNews(db, actors.admin, { text: "Storm warning", url: "", expiresAt: "" });
    expect(await settings()).toEqual({ breakingNewsText: "Storm warning", breakingNewsUrl: null, breakingNewsExpiresAt: null });
    expect((await curationState(db, actors.editor)).breakingNews).toEqual({ text: "Storm warning", url: null, expiresAt: null, live: true });

    await clearBreakingNews(db, actors.editor);
    expect(await settings()).toEqual({ breakingNewsText: null, breakingNewsUrl: null, breakingNewsExpiresAt: null });
    expect(await db.auditLog.count({ where: { action: { in: ["breaking.set", "breaking.clear"] } } })).toBe(4);
  });

  it("refuses unsafe links, bad text and expiry times in the past or without a time zone", async () => {
    await setBreakingNews(db, actors.editor, { text: "Kept" });
    const cases: [Record<string, unknown>, string][] = [
      [{ text: "x", url: "javascript:alert(1)" }, "url"],
      [{ text: "x", url: "JavaScript:alert(1)" }, "url"],
      [{ text: "x", url: "http://insecure.example/" }, "url"],
      [{ text: "x", url: "//evil.example/path" }, "url"],
      [{ text: "x", url: "/\\evil.example" }, "url"],
      [{ text: "x", url: "data:text/html,hi" }, "url"],
      [{ text: "   " }, "text"],
      [{ text: "x".repeat(201) }, "text"],
      [{ text: "x", expiresAt: "2031-01-01T10:00" }, "expiresAt"],
      [{ text: "x", expiresAt: new Date(Date.now() - 60_000).toISOString() }, "expiresAt"],
      // Year 10000 in UTC, and anything beyond ten years: a typo, not a banner.
      [{ text: "x", expiresAt: "9999-12-31T23:59:59-14:00" }, "expiresAt"],
      [{ text: "x", expiresAt: new Date(Date.now() + 11 * 366 * 24 * HOUR).toISOString() }, "expiresAt"],
    ];
    for (const [input, field] of cases) {
      const error = await setBreakingNews(db, actors.editor, input).then(
        () => null,
        (e: { issues?: { path: PropertyKey[] }[]; fields?: Record<string, string> }) => e,
      );
      const fields = error?.issues ? error.issues.map((i) => String(i.path[0])) : Object.keys(error?.fields ?? {});
      expect(fields, JSON.stringify(input)).toEqual([field]);
    }
    expect((await settings()).breakingNewsText).toBe("Kept");
    await clearBreakingNews(db, actors.editor);
  });
});

describe("sections", () => {
  it("sections whose names have no Latin letters get slugs of their own", async () => {
    const cjk = [...run].map((c) => String.fromCharCode(0x4e00 + c.charCodeAt(0))).join("");
    const japan = await createSection(db, actors.editor, { name: `日本${cjk}` });
    const china = await createSection(db, actors.editor, { name: `中国${cjk}` });
    // Before: both were "article", and the second was refused as a slug in use.
    expect(japan.slug).toMatch(/^section-[a-z0-9]+$/);
    expect(china.slug).toMatch(/^section-[a-z0-9]+$/);
    expect(japan.slug).not.toBe(china.slug);
    for (const section of [japan, china]) await deleteSection(db, actors.editor, section.id);
  });

  it("creates a section at the end of the navigation, with a slug from its name, refusing reserved and taken slugs", async () => {
    const section = await createSection(db, actors.editor, { name: `Climate ${run}`, description: "Heat" });
    expect(section.slug).toBe(`climate-${run}`);
    const all = await db.section.findMany({ orderBy: { position: "asc" } });
    expect(all.at(-1)!.id).toBe(section.id);
    expect(expiredTags()).toEqual(expect.arrayContaining(["sections", "article-lists"]));

    // A reserved slug given is refused by the schema; one derived from the name by the service.
    const given = await createSection(db, actors.editor, { name: "Anything", slug: "search" }).catch((e: unknown) => e);
    expect(given).toBeInstanceOf(ZodError);
    expect((given as ZodError).issues.map((i) => [i.path.join("."), i.message])).toEqual([["slug", "This slug is reserved."]]);
    for (const name of ["Tag", "Dashboard", "API"]) {
      const derived = await refusal(createSection(db, actors.editor, { name }));
      expect(derived.status, name).toBe(422);
      expect(derived.fields, name).toEqual({ slug: "This slug is reserved." });
    }
    expect(await db.section.count({ where: { name: { in: ["Anything", "Tag", "Dashboard", "API"] } } })).toBe(0);
    expect((await refusal(createSection(db, actors.editor, { name: "Again", slug: `climate-${run}` }))).status).toBe(409);
    // A name another section has, in any case, is refused on the name: two identical links in the navigation.
    const sameName = await refusal(createSection(db, actors.editor, { name: `CLIMATE ${run}`, slug: `climate-two-${run}` }));
    expect([sameName.status, sameName.fields]).toEqual([409, { name: "Already in use." }]);
    const other = await createSection(db, actors.editor, { name: `Weather ${run}` });
    expect((await refusal(updateSection(db, actors.editor, other.id, { name: `Climate ${run}` }))).fields).toEqual({ name: "Already in use." });
    await updateSection(db, actors.editor, other.id, { name: `weather ${run}` }); // its own name, in another case
    await deleteSection(db, actors.editor, other.id);
    expect((await refusal(createSection(db, actors.author, { name: "Nope" }))).status).toBe(403);
    expect((await refusal(createSection(db, actors.contributor, { name: "Nope" }))).status).toBe(403);
  });

  it("a slug change leaves 301s for the section page and its published articles only, one hop after two renames", async () => {
    const a = await createSection(db, actors.editor, { name: "Rename me", slug: `ren-${run}-a` });
    await article("ren-live", "PUBLISHED", a.id);
    await article("ren-archived", "ARCHIVED", a.id);
    await article("ren-draft", "DRAFT", a.id);

    const renamed = await updateSection(db, actors.editor, a.id, { name: "Renamed", slug: `ren-${run}-b` });
    expect(renamed).toMatchObject({ name: "Renamed", slug: `ren-${run}-b` });
    const A = `/ren-${run}-a`;
    const B = `/ren-${run}-b`;
    const C = `/ren-${run}-c`;
    const live = `ct-${run}-ren-live`;
    const archived = `ct-${run}-ren-archived`;
    expect(await redirectsFrom(`/ren-${run}-`)).toEqual({ [A]: B, [`${A}/${live}`]: `${B}/${live}`, [`${A}/${archived}`]: `${B}/${archived}` });
    expect(expiredTags()).toEqual(expect.arrayContaining(["sections", `article:${live}`, `article:${archived}`]));
    expect(expiredTags()).not.toContain(`article:ct-${run}-ren-draft`);

    await updateSection(db, actors.admin, a.id, { slug: `ren-${run}-c` });
    expect(await redirectsFrom(`/ren-${run}-`)).toEqual({
      [A]: C,
      [B]: C,
      [`${A}/${live}`]: `${C}/${live}`,
      [`${B}/${live}`]: `${C}/${live}`,
      [`${A}/${archived}`]: `${C}/${archived}`,
      [`${B}/${archived}`]: `${C}/${archived}`,
    });

    // Back to the first slug: its paths are live again and stop redirecting.
    await updateSection(db, actors.editor, a.id, { slug: `ren-${run}-a` });
    const back = await redirectsFrom(`/ren-${run}-`);
    expect(back[A]).toBeUndefined();
    expect(back[B]).toBe(A);
    expect(back[`${C}/${live}`]).toBe(`${A}/${live}`);

    // A name-only change moves nothing.
    const count = await db.redirect.count();
    await updateSection(db, actors.editor, a.id, { name: "Just a name", slug: "" });
    expect(await db.redirect.count()).toBe(count);
    expect((await db.section.findUniqueOrThrow({ where: { id: a.id } })).slug).toBe(`ren-${run}-a`);

    const audit = await db.auditLog.findMany({ where: { action: "section.update", entityId: a.id } });
    expect(audit).toHaveLength(4);
  });

  it("refuses a slug another section uses, and 403 for authors", async () => {
    const one = await createSection(db, actors.editor, { name: "One", slug: `one-${run}` });
    await createSection(db, actors.editor, { name: "Two", slug: `two-${run}` });
    expect((await refusal(updateSection(db, actors.editor, one.id, { slug: `two-${run}` }))).status).toBe(409);
    expect((await refusal(updateSection(db, actors.author, one.id, { name: "x" }))).status).toBe(403);
    expect((await refusal(updateSection(db, actors.editor, "no-such-section", { name: "x" }))).status).toBe(404);
  });

  it("a new section takes over a path an earlier section left as a redirect", async () => {
    const old = await createSection(db, actors.editor, { name: "Old", slug: `old-${run}` });
    await updateSection(db, actors.editor, old.id, { slug: `newer-${run}` });
    expect(await db.redirect.findUnique({ where: { fromPath: `/old-${run}` } })).not.toBeNull();
    await createSection(db, actors.editor, { name: "Old again", slug: `old-${run}` });
    expect(await db.redirect.findUnique({ where: { fromPath: `/old-${run}` } })).toBeNull();
  });

  it("moves sections up and down, takes a whole order, and refuses an incomplete one", async () => {
    const order = async () => (await db.section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true } })).map((s) => s.id);
    const start = await order();
    const [first, second] = start;

    await moveSection(db, actors.editor, second!, { direction: "up" });
    expect((await order()).slice(0, 2)).toEqual([second, first]);
    // At the top, "up" changes nothing.
    await moveSection(db, actors.editor, second!, { direction: "up" });
    expect((await order()).slice(0, 2)).toEqual([second, first]);
    await moveSection(db, actors.editor, second!, { direction: "down" });
    expect(await order()).toEqual(start);
    // Positions are 0…n-1 afterwards.
    expect((await db.section.findMany({ orderBy: { position: "asc" } })).map((s) => s.position)).toEqual(start.map((_, i) => i));

    const reversed = [...start].reverse();
    await reorderSections(db, actors.admin, { order: reversed });
    expect(await order()).toEqual(reversed);
    expect((await refusal(reorderSections(db, actors.editor, { order: reversed.slice(1) }))).status).toBe(422);
    expect((await refusal(reorderSections(db, actors.editor, { order: [...reversed.slice(1), reversed[1]!] }))).status).toBe(422);
    expect((await refusal(moveSection(db, actors.author, first!, { direction: "up" }))).status).toBe(403);
    expect(await order()).toEqual(reversed);
    await reorderSections(db, actors.admin, { order: start });
  });

  it("deletes only an empty section (409 while it has articles, drafts included)", async () => {
    const busy = await createSection(db, actors.editor, { name: "Busy", slug: `busy-${run}` });
    await article("busy-draft", "DRAFT", busy.id);
    const error = await refusal(deleteSection(db, actors.editor, busy.id));
    expect(error.status).toBe(409);
    expect(await db.section.findUnique({ where: { id: busy.id } })).not.toBeNull();

    const empty = await createSection(db, actors.editor, { name: "Empty", slug: `empty-${run}` });
    expect((await refusal(deleteSection(db, actors.author, empty.id))).status).toBe(403);
    await deleteSection(db, actors.editor, empty.id);
    expect(await db.section.findUnique({ where: { id: empty.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { action: "section.delete", entityId: empty.id } })).toBe(1);
  });
});

describe("tags", () => {
  async function tag(key: string, articleKeys: string[]) {
    const row = await db.tag.create({ data: { slug: `t-${run}-${key}`, name: `Tag ${key} ${run}` } });
    await db.articleTag.createMany({ data: articleKeys.map((k, position) => ({ articleId: ids[k]!, tagId: row.id, position })) });
    return row;
  }
  const tagsOf = async (key: string) =>
    (await db.articleTag.findMany({ where: { articleId: ids[key] }, select: { tag: { select: { slug: true } } } })).map((t) => t.tag.slug).sort();

  it("merges a tag into another: every link moves once, the source goes, its page redirects", async () => {
    const source = await tag("src", ["p1", "p2", "draft"]);
    const target = await tag("tgt", ["p2", "p3"]);
    await db.redirect.create({ data: { fromPath: `/tag/t-${run}-older`, toPath: `/tag/t-${run}-src` } });

    await mergeTag(db, actors.editor, source.id, { targetId: target.id });
    expect(await db.tag.findUnique({ where: { id: source.id } })).toBeNull();
    for (const key of ["p1", "p2", "p3", "draft"]) expect(await tagsOf(key), key).toContain(`t-${run}-tgt`);
    expect(await db.articleTag.count({ where: { tagId: target.id } })).toBe(4);
    expect(await redirectsFrom(`/tag/t-${run}-`)).toEqual({ [`/tag/t-${run}-src`]: `/tag/t-${run}-tgt`, [`/tag/t-${run}-older`]: `/tag/t-${run}-tgt` });
    expect(expiredTags()).toEqual(expect.arrayContaining([`article:ct-${run}-p1`, `article:ct-${run}-p2`, "article-lists"]));
    expect(await db.auditLog.count({ where: { action: "tag.merge", entityId: target.id } })).toBe(1);

    expect((await refusal(mergeTag(db, actors.editor, target.id, { targetId: target.id }))).status).toBe(422);
    expect((await refusal(mergeTag(db, actors.editor, target.id, { targetId: "no-such-tag" }))).status).toBe(422);
    expect((await refusal(mergeTag(db, actors.author, target.id, { targetId: target.id }))).status).toBe(403);
  });

  it("a new tag with the slug a renamed tag left takes its page back from the redirect", async () => {
    const old = await tag("reborn", ["p5"]);
    await renameTag(db, actors.editor, old.id, { name: `Reborn renamed ${run}`, slug: `t-${run}-reborn-renamed` });
    expect(await db.redirect.findUnique({ where: { fromPath: `/tag/t-${run}-reborn` } })).toMatchObject({ toPath: `/tag/t-${run}-reborn-renamed` });
    // A writer adds a tag whose name makes the old slug: a new tag, whose page must be its own.
    const { version } = await db.article.findUniqueOrThrow({ where: { id: ids.p6 }, select: { version: true } });
    const saved = await updateArticle(db, actors.editor, ids.p6!, { version, tags: [`T ${run} reborn`] });
    expect(saved.tags.map((t) => t.tag.slug)).toEqual([`t-${run}-reborn`]);
    // Before: /tag/t-…-reborn still redirected to the renamed tag, the new tag unreachable.
    expect(await db.redirect.findUnique({ where: { fromPath: `/tag/t-${run}-reborn` } })).toBeNull();
  });

  it("renames a tag: a new slug redirects the tag page; a name or slug another tag has is refused", async () => {
    const renamed = await tag("rename", ["p4"]);
    const other = await tag("other", []);
    await renameTag(db, actors.editor, renamed.id, { name: `Renamed ${run}`, slug: `t-${run}-renamed` });
    expect(await db.tag.findUniqueOrThrow({ where: { id: renamed.id } })).toMatchObject({ name: `Renamed ${run}`, slug: `t-${run}-renamed` });
    expect(await db.redirect.findUnique({ where: { fromPath: `/tag/t-${run}-rename` } })).toMatchObject({ toPath: `/tag/t-${run}-renamed`, statusCode: 301 });
    expect(expiredTags()).toContain(`article:ct-${run}-p4`);

    expect((await refusal(renameTag(db, actors.editor, renamed.id, { slug: other.slug }))).status).toBe(409);
    expect((await refusal(renameTag(db, actors.editor, renamed.id, { name: other.name.toUpperCase() }))).status).toBe(409);
    expect((await refusal(renameTag(db, actors.contributor, renamed.id, { name: "x" }))).status).toBe(403);
    const invalid = await renameTag(db, actors.editor, renamed.id, { slug: "Not A Slug" }).catch((e: unknown) => e);
    expect((invalid as ZodError).issues?.[0]?.path).toEqual(["slug"]);
    // The same rules as an article's tags: no comma (the editor separates tags by commas), 60 characters.
    for (const name of ["Arts, Culture", "x".repeat(61)]) {
      const refused = await renameTag(db, actors.editor, renamed.id, { name }).catch((e: unknown) => e);
      expect((refused as ZodError).issues?.[0]?.path, name).toEqual(["name"]);
    }
    expect((await db.tag.findUniqueOrThrow({ where: { id: renamed.id } })).name).toBe(`Renamed ${run}`);
  });

  it("deletes a tag and its links", async () => {
    const doomed = await tag("doomed", ["p5", "p6"]);
    expect((await refusal(deleteTag(db, actors.author, doomed.id))).status).toBe(403);
    await deleteTag(db, actors.editor, doomed.id);
    expect(await db.tag.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect(await tagsOf("p5")).not.toContain(`t-${run}-doomed`);
    expect((await refusal(deleteTag(db, actors.editor, doomed.id))).status).toBe(404);
    // Its stories were public: its page (and so its feeds) answer 410, not 404.
    expect(await db.redirect.findUnique({ where: { fromPath: `/tag/t-${run}-doomed` } })).toMatchObject({ toPath: null, statusCode: 410 });
    // A tag never on a public story had no page for readers: nothing to record.
    const unseen = await tag("unseen", []);
    await deleteTag(db, actors.editor, unseen.id);
    expect(await db.redirect.findUnique({ where: { fromPath: `/tag/t-${run}-unseen` } })).toBeNull();
    // A new tag of that name takes the page back.
    const { version } = await db.article.findUniqueOrThrow({ where: { id: ids.p6 }, select: { version: true } });
    await updateArticle(db, actors.editor, ids.p6!, { version, tags: [`T ${run} doomed`] });
    expect(await db.redirect.findUnique({ where: { fromPath: `/tag/t-${run}-doomed` } })).toBeNull();
  });

  it("lists sections and tags with article counts for the page", async () => {
    const state = await taxonomyState(db, actors.editor);
    expect(state.sections.find((s) => s.id === sectionId)?.articleCount).toBeGreaterThanOrEqual(17);
    expect(state.tags.every((t) => typeof t.articleCount === "number")).toBe(true);
    expect((await refusal(taxonomyState(db, actors.author))).status).toBe(403);
  });
});
