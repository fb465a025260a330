-- The sitemap index counts the public articles of every month and takes their newest change. It
-- read the whole Article table for that (a sequential scan of every row, bodies' pages included:
-- 180 ms at 100,000 articles on PostgreSQL 15, bench/scale.ts). Every column it reads is in this
-- index, so PostgreSQL answers from the index alone (41 ms with the query's new grouping).

-- CreateIndex
CREATE INDEX "Article_publishedAt_status_contentUpdatedAt_idx" ON "Article"("publishedAt" DESC, "status", "contentUpdatedAt");
