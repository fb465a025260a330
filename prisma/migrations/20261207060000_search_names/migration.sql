-- Search finds stories by their bylines and tags too: a reader who types an author's name
-- ("ines marwood") or a tag ("budget") finds their stories. A generated column may only read its
-- own row, so the names are copied into "searchNames" (bylines in order, then tags), and
-- statement-level triggers keep the copy right whenever a byline or tag is added, removed or
-- reordered, or an author or tag is renamed, by any code path (services, seed, bulk inserts).
-- The names have a search vector of their own ("namesVector", weight B, as the standfirst), with
-- its own GIN index: a change of names then computes that small vector again, never the story's
-- ("searchVector", headline, standfirst and body); PostgreSQL recomputes a stored generated column
-- only when a column it reads changes (bench/search-names.ts measures what the triggers cost).
-- Search asks both vectors (src/server/data/search-queries.ts).
ALTER TABLE "Article" ADD COLUMN "searchNames" TEXT NOT NULL DEFAULT '';

CREATE FUNCTION article_search_names(article_id TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT concat_ws(' ',
    (SELECT string_agg(u."name", ' ' ORDER BY aa."position", u."name")
       FROM "ArticleAuthor" aa JOIN "User" u ON u."id" = aa."userId" WHERE aa."articleId" = article_id),
    (SELECT string_agg(t."name", ' ' ORDER BY tg."position", t."name")
       FROM "ArticleTag" tg JOIN "Tag" t ON t."id" = tg."tagId" WHERE tg."articleId" = article_id))
$$;

-- The articles are locked in id order, as the taxonomy service locks a tag's articles before
-- changing it (src/server/services/taxonomy.ts): two changes over the same articles wait for each
-- other instead of deadlocking.
CREATE FUNCTION refresh_article_search_names(article_ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Article" a SET "searchNames" = n."names"
  FROM (SELECT "id", article_search_names("id") AS "names" FROM "Article" WHERE "id" = ANY(article_ids) ORDER BY "id" FOR UPDATE) n
  WHERE a."id" = n."id" AND a."searchNames" IS DISTINCT FROM n."names"
$$;

-- A byline or tag row added, removed or changed: its article's names again.
CREATE FUNCTION article_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_article_search_names(ARRAY(SELECT DISTINCT "articleId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_article_search_names(ARRAY(SELECT DISTINCT "articleId" FROM old_rows));
  ELSE
    PERFORM refresh_article_search_names(ARRAY(SELECT "articleId" FROM new_rows UNION SELECT "articleId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ArticleAuthor_search_names_insert" AFTER INSERT ON "ArticleAuthor"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_links_changed();
CREATE TRIGGER "ArticleAuthor_search_names_delete" AFTER DELETE ON "ArticleAuthor"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION article_links_changed();
CREATE TRIGGER "ArticleAuthor_search_names_update" AFTER UPDATE ON "ArticleAuthor"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_links_changed();
CREATE TRIGGER "ArticleTag_search_names_insert" AFTER INSERT ON "ArticleTag"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_links_changed();
CREATE TRIGGER "ArticleTag_search_names_delete" AFTER DELETE ON "ArticleTag"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION article_links_changed();
CREATE TRIGGER "ArticleTag_search_names_update" AFTER UPDATE ON "ArticleTag"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_links_changed();

-- An author or tag renamed: the names of every article it is on.
CREATE FUNCTION author_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_article_search_names(ARRAY(
    SELECT DISTINCT aa."articleId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" AND o."name" IS DISTINCT FROM n."name"
    JOIN "ArticleAuthor" aa ON aa."userId" = n."id"));
  RETURN NULL;
END $$;
CREATE FUNCTION tag_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_article_search_names(ARRAY(
    SELECT DISTINCT tg."articleId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" AND o."name" IS DISTINCT FROM n."name"
    JOIN "ArticleTag" tg ON tg."tagId" = n."id"));
  RETURN NULL;
END $$;
CREATE TRIGGER "User_search_names_update" AFTER UPDATE ON "User"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION author_renamed();
CREATE TRIGGER "Tag_search_names_update" AFTER UPDATE ON "Tag"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tag_renamed();

-- The stories there are now, then their names' vector.
UPDATE "Article" SET "searchNames" = article_search_names("id");
ALTER TABLE "Article" ADD COLUMN "namesVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english_unaccent'::regconfig, "searchNames"), 'B')
) STORED;
CREATE INDEX "Article_namesVector_idx" ON "Article" USING GIN ("namesVector");
