-- Preview links: a draft shared with someone outside the newsroom by a signed, expiring link. The
-- links carry "previewKey"; stopping sharing sets it to NULL, which voids every link given out.
ALTER TABLE "Article" ADD COLUMN "previewKey" TEXT;
