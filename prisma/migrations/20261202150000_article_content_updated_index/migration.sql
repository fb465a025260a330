-- The sitemap index gives each of the sections, tags and authors sitemaps its newest change: the
-- newest publication or content update of a public article (with a tag, with an author). It took
-- them from those sitemaps, which join every public article (130-190 ms each at 100,000 articles
-- on PostgreSQL 15). Walking this index and the publishedAt one newest first finds each in under a
-- millisecond (src/server/data/sitemap-queries.ts, pagesSitemapDates).

-- CreateIndex
CREATE INDEX "Article_contentUpdatedAt_idx" ON "Article"("contentUpdatedAt" DESC);
