-- Preview links get rows of their own: who a link is for, until when it works, whether it was
-- stopped (one link, not only all at once), how often it was opened. Links given out before this
-- still open through "Article"."previewKey" until they expire (at most 7 days).
CREATE TABLE "PreviewLink" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "stoppedAt" TIMESTAMP(3),
    "opens" INTEGER NOT NULL DEFAULT 0,
    "lastOpenedAt" TIMESTAMP(3),

    CONSTRAINT "PreviewLink_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PreviewLink_articleId_createdAt_idx" ON "PreviewLink"("articleId", "createdAt");

ALTER TABLE "PreviewLink" ADD CONSTRAINT "PreviewLink_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "PreviewLink" ADD CONSTRAINT "PreviewLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
