-- Search ignores accents: a reader who types "cafe" finds "café", "Zoe" finds "Zoë", "Sao Paulo"
-- finds "São Paulo" (and the other way round). The English configuration with unaccent before its
-- stemmer, for the stories' search vector and for readers' queries (src/server/data/search-queries.ts).
-- unaccent is a trusted extension (PostgreSQL 13 and later: a database owner may create it); the
-- embedded PGlite loads it (scripts/lib/embedded-db.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english);
ALTER TEXT SEARCH CONFIGURATION english_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- The generated column is computed again for every story, with the new configuration.
DROP INDEX "Article_searchVector_idx";
ALTER TABLE "Article" DROP COLUMN "searchVector";
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english_unaccent'::regconfig, coalesce("headline", '')), 'A') ||
    setweight(to_tsvector('english_unaccent'::regconfig, coalesce("standfirst", '')), 'B') ||
    setweight(to_tsvector('english_unaccent'::regconfig, coalesce("bodyText", '')), 'C')
) STORED;
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");
