import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleListQuerySchema } from "../src/lib/schemas/article.ts";
import { listArticles, readArticle } from "../src/server/api/articles.ts";
import { apiArticle, apiArticleSummary } from "../src/server/api/serialize.ts";
import { listAuthors, listTags, readAuthor, readTag } from "../src/server/api/tags-and-authors.ts";
import { prisma } from "../src/server/db.ts";
import { createNewsroom, insertArticle, type Newsroom } from "./newsroom-fixtures.ts";

// The API's reads: what the public is given, and what staff are given, for the same rows.

const NEWSROOM_FIELDS = ["status", "version", "updatedAt", "lastEditedBy", "returned"];

let room: Newsroom;
beforeAll(async () => {
  room = await createNewsroom("api-articles");
});
afterAll(() => room.cleanup());

const query = (input: Record<string, string>) => articleListQuerySchema.parse({ section: room.section.slug, perPage: "100", ...input });

describe("API article reads", () => {
  it("the public list holds public articles only, without the newsroom's fields", async () => {
    const live = await insertArticle(room, room.actors.author, "PUBLISHED");
    const draft = await insertArticle(room, room.actors.author, "DRAFT");
    const future = await insertArticle(room, room.actors.author, "SCHEDULED");
    await prisma.article.update({ where: { id: future.id }, data: { publishedAt: new Date(Date.now() + 86_400_000) } });

    const { rows, view, total } = await listArticles(null, query({}));
    expect(view).toBe("public");
    expect(rows.map((r) => r.id)).toEqual([live.id]);
    expect(total).toBe(1);
    const shown = apiArticleSummary(rows[0]!, view);
    expect(shown).toMatchObject({ id: live.id, headline: live.headline, path: `/${room.section.slug}/${live.slug}` });
    for (const field of NEWSROOM_FIELDS) expect(shown, field).not.toHaveProperty(field);

    // Staff get every article they may see, with the fields they save against.
    const staff = await listArticles(room.actors.editor, query({}));
    expect(staff.view).toBe("staff");
    expect(staff.rows.map((r) => r.id).sort()).toEqual([live.id, draft.id, future.id].sort());
    const own = apiArticleSummary(staff.rows.find((r) => r.id === live.id)!, staff.view);
    expect(own).toMatchObject({ status: "PUBLISHED", version: live.version, lastEditedBy: { name: room.actors.author.name }, returned: null });
    expect(own).toHaveProperty("updatedAt");
  });

  it("the public list's q finds words as the site's search does, bylines included, and public articles only", async () => {
    const word = "quillon"; // the list is of this file's section only
    const live = await insertArticle(room, room.actors.author, "PUBLISHED");
    const draft = await insertArticle(room, room.actors.author, "DRAFT");
    for (const id of [live.id, draft.id]) await prisma.article.update({ where: { id }, data: { bodyText: `The ${word}s were counted.` } });
    // A stemmed word of the body, not a substring of the headline.
    expect((await listArticles(null, query({ q: word }))).rows.map((r) => r.id)).toEqual([live.id]);
    // The byline: the author's name (made up for this run).
    expect((await listArticles(null, query({ q: room.actors.author.name }))).rows.map((r) => r.id)).toContain(live.id);
    expect((await listArticles(null, query({ q: "the of and" }))).rows).toEqual([]);
  });

  it("the newsroom's q finds a story by a word of its text, its byline or a tag as well as by its headline, within what each may see", async () => {
    const word = "brindlewick";
    const draft = await insertArticle(room, room.actors.author, "DRAFT");
    const othersDraft = await insertArticle(room, room.actors.author2, "DRAFT");
    const tagged = await insertArticle(room, room.actors.author2, "IN_REVIEW");
    for (const id of [draft.id, othersDraft.id]) await prisma.article.update({ where: { id }, data: { bodyText: `Plans for the ${word}s were shelved.` } });
    const tag = await prisma.tag.create({ data: { slug: `${room.run}-harbour-dues`, name: `${room.run} Harbour dues` } });
    await prisma.articleTag.create({ data: { articleId: tagged.id, tagId: tag.id } });
    const ids = async (actor: typeof room.actors.editor, q: string) => (await listArticles(actor, query({ q }))).rows.map((r) => r.id).sort();

    // A stemmed word of the body (drafts included): the editor sees both, an author their own.
    expect(await ids(room.actors.editor, `${word}s`)).toEqual([draft.id, othersDraft.id].sort());
    expect(await ids(room.actors.author, word)).toEqual([draft.id]);
    // A byline, whole or as typed so far; a tag's name, in any case.
    expect(await ids(room.actors.editor, room.actors.author2.name)).toEqual(expect.arrayContaining([othersDraft.id, tagged.id]));
    expect(await ids(room.actors.editor, room.actors.author2.name)).not.toContain(draft.id);
    expect(await ids(room.actors.editor, room.actors.author2.name.slice(0, -2))).toContain(tagged.id);
    expect(await ids(room.actors.editor, `${room.run} HARBOUR`)).toEqual([tagged.id]);
    // Part of a headline still finds it; a word nobody wrote finds nothing.
    expect(await ids(room.actors.editor, tagged.headline.slice(0, 10))).toContain(tagged.id);
    expect(await ids(room.actors.editor, "zzyzxq")).toEqual([]);
  });

  it("one public article: the public view for anyone who may not edit it, the staff view for those who may", async () => {
    const live = await insertArticle(room, room.actors.author, "PUBLISHED");
    const anonymous = await readArticle(null, live.id);
    expect(anonymous.view).toBe("public");
    // Another author may read it as the public does, and no more.
    const other = await readArticle(room.actors.author2, live.id);
    expect(other.view).toBe("public");
    const shown = apiArticle(other.article, other.view);
    expect(shown).toMatchObject({ id: live.id, headline: live.headline, firstPublishedAt: live.firstPublishedAt });
    for (const field of NEWSROOM_FIELDS) expect(shown, field).not.toHaveProperty(field);

    const owner = await readArticle(room.actors.author, live.id);
    expect(owner.view).toBe("staff");
    expect(apiArticle(owner.article, owner.view)).toMatchObject({ status: "PUBLISHED", version: 1 });
  });
});

describe("API tag and author reads", () => {
  it("the public sees a tag and a byline only once a public article carries them; staff see every tag", async () => {
    const draft = await insertArticle(room, room.actors.contributor, "DRAFT");
    const tag = await prisma.tag.create({ data: { slug: `${room.run}-embargo`, name: `${room.run} Minister resigns` } });
    await prisma.articleTag.create({ data: { articleId: draft.id, tagId: tag.id } });
    const contributor = await prisma.user.findUniqueOrThrow({ where: { id: room.actors.contributor.id } });

    expect((await listTags(null)).map((t) => t.id)).not.toContain(tag.id);
    await expect(readTag(null, tag.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listTags(room.actors.author)).map((t) => t.id)).toContain(tag.id);
    expect(await readTag(room.actors.author, tag.id)).toMatchObject({ id: tag.id, name: tag.name });
    expect((await listAuthors()).map((a) => a.id)).not.toContain(contributor.id);
    await expect(readAuthor(contributor.slug)).rejects.toMatchObject({ code: "not_found" });

    // Published: the tag and the byline are public now.
    await prisma.article.update({ where: { id: draft.id }, data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000), firstPublishedAt: new Date(Date.now() - 60_000) } });
    expect((await listTags(null)).map((t) => t.id)).toContain(tag.id);
    expect(await readTag(null, tag.id)).toEqual({ id: tag.id, slug: tag.slug, name: tag.name, description: "" });
    expect((await listAuthors()).map((a) => a.id)).toContain(contributor.id);
    expect(await readAuthor(contributor.slug)).toMatchObject({ id: contributor.id, articleCount: 1 });
  });
});
