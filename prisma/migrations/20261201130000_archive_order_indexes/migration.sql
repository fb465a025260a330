-- Listings read the archive newest first ("publishedAt" DESC, "id" DESC) and stop after a page.
-- Without an index in that order PostgreSQL read and sorted every public article (70-120 ms per
-- listing at 100,000 articles, bench/scale.ts); with one it walks the newest rows and stops. The
-- per-section index replaces one whose status column came before the order.
DROP INDEX "Article_sectionId_status_publishedAt_idx";

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Article_sectionId_publishedAt_id_idx" ON "Article"("sectionId", "publishedAt" DESC, "id" DESC);
