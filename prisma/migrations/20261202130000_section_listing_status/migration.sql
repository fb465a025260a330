-- A section's page counts its public articles and, on page N, skips the 12 × (N - 1) newest. The
-- public rule reads "status", which the per-section listing index did not hold, so PostgreSQL read
-- every row of the section for both (89 ms and 130 ms for the deepest section at 100,000 articles
-- on PostgreSQL 15, bench/scale.ts). With "status" in the index both come from the index alone
-- (14 ms and 9 ms; the page's ids first, then its 12 rows: src/server/data/article-queries.ts).
DROP INDEX "Article_sectionId_publishedAt_id_idx";

-- CreateIndex
CREATE INDEX "Article_sectionId_publishedAt_id_status_idx" ON "Article"("sectionId", "publishedAt" DESC, "id" DESC, "status");
