import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "../src/server/db.ts";
import { deleteTag, mergeTag, renameTag } from "../src/server/services/taxonomy.ts";
import { createNewsroom, insertArticle, type Newsroom } from "./newsroom-fixtures.ts";
import { testPostgresUrl } from "./test-database.ts";

// The search-names triggers update an article when its tags change. A writer's save locks its
// article, then its tag links; a tag merge, deletion or new slug changes the links (or locks the
// tag), then, through the triggers, the articles. Taken in opposite orders the two deadlock, and
// PostgreSQL aborts one of them. The taxonomy service locks the articles first.
// PostgreSQL only: the embedded PGlite runs one transaction at a time, so nothing can interleave.
// Next.js's cache expiry needs a request around it; what is expired is tested elsewhere.
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), updateTag: vi.fn(), cacheTag: vi.fn(), cacheLife: vi.fn() }));

describe.runIf(testPostgresUrl())("a tag change racing a writer's save of an article carrying the tag (PostgreSQL)", () => {
  let room: Newsroom;
  let writer: pg.Client;
  beforeAll(async () => {
    room = await createNewsroom("names-locks");
    writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
  });
  afterAll(async () => {
    await writer.end();
    await room.cleanup();
  });

  const tagNamed = (label: string) => prisma.tag.create({ data: { slug: `${room.run}-${label}`, name: `${room.run} ${label}` } });

  /**
   * The writer's transaction locks the article and holds it while `change` starts, then replaces
   * the article's tag links with `relink` (as the article service does) and commits.
   */
  async function race(articleId: string, relink: string[], change: () => Promise<unknown>) {
    await writer.query("BEGIN");
    await writer.query(`UPDATE "Article" SET "version" = "version" + 1 WHERE "id" = $1`, [articleId]);
    const changing = change().then(
      () => "done",
      (error: Error) => error.message,
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    let saved = "done";
    try {
      await writer.query(`DELETE FROM "ArticleTag" WHERE "articleId" = $1`, [articleId]);
      for (const [position, tagId] of relink.entries()) {
        await writer.query(`INSERT INTO "ArticleTag" ("articleId", "tagId", "position") VALUES ($1, $2, $3)`, [articleId, tagId, position]);
      }
      await writer.query("COMMIT");
    } catch (error) {
      saved = (error as Error).message;
      await writer.query("ROLLBACK");
    }
    return { saved, changed: await changing };
  }

  const namesOf = async (id: string) => (await prisma.article.findUniqueOrThrow({ where: { id }, select: { searchNames: true } })).searchNames;

  it("merging the tag: both finish, and the article's names are the merged tag's", async () => {
    const article = await insertArticle(room, room.actors.author, "PUBLISHED");
    const [source, target, other] = await Promise.all([tagNamed("source"), tagNamed("target"), tagNamed("other")]);
    await prisma.articleTag.create({ data: { articleId: article.id, tagId: source.id } });
    expect(await race(article.id, [source.id, other.id], () => mergeTag(prisma, room.actors.editor, source.id, { targetId: target.id }))).toEqual({ saved: "done", changed: "done" });
    const tags = await prisma.articleTag.findMany({ where: { articleId: article.id }, orderBy: { position: "asc" }, select: { tagId: true } });
    expect(tags.map((t) => t.tagId)).toEqual([target.id, other.id]);
    expect(await namesOf(article.id)).toBe(`author ${room.run} ${target.name} ${other.name}`);
  });

  it("deleting the tag: both finish, and the tag is gone from the article's names", async () => {
    const article = await insertArticle(room, room.actors.author, "PUBLISHED");
    const [doomed, kept] = await Promise.all([tagNamed("doomed"), tagNamed("kept")]);
    await prisma.articleTag.create({ data: { articleId: article.id, tagId: doomed.id } });
    expect(await race(article.id, [doomed.id, kept.id], () => deleteTag(prisma, room.actors.editor, doomed.id))).toEqual({ saved: "done", changed: "done" });
    expect(await namesOf(article.id)).toBe(`author ${room.run} ${kept.name}`);
  });

  it("giving the tag a new name and slug: both finish, and the article's names have the new name", async () => {
    const article = await insertArticle(room, room.actors.author, "PUBLISHED");
    const [renamed, kept] = await Promise.all([tagNamed("renamed"), tagNamed("stays")]);
    await prisma.articleTag.create({ data: { articleId: article.id, tagId: renamed.id } });
    const change = () => renameTag(prisma, room.actors.editor, renamed.id, { name: `${room.run} Fresh name`, slug: `${room.run}-fresh-name` });
    expect(await race(article.id, [renamed.id, kept.id], change)).toEqual({ saved: "done", changed: "done" });
    expect(await namesOf(article.id)).toBe(`author ${room.run} ${room.run} Fresh name ${kept.name}`);
  });
});
