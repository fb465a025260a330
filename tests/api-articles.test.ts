import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleListQuerySchema } from "../src/lib/schemas/article.ts";
import { listArticles, readArticle } from "../src/server/api/articles.ts";
import { apiArticle, apiArticleSummary } from "../src/server/api/serialize.ts";
import { prisma } from "../src/server/db.ts";
import { createNewsroom, insertArticle, type Newsroom } from "./newsroom-fixtures.ts";

// The API's article reads: what the public is given, and what staff are given, for the same rows.

const NEWSROOM_FIELDS = ["status", "version", "updatedAt", "lastEditedBy"];

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
    expect(own).toMatchObject({ status: "PUBLISHED", version: live.version, lastEditedBy: { name: room.actors.author.name } });
    expect(own).toHaveProperty("updatedAt");
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
