-- An editor may send an article in review back to its writers with a note ("returnNote"), shown
-- to them on the draft, and to the reviewer when it is submitted again; publishing, scheduling or
-- archiving clears it (schema.prisma). NULL: not returned.
ALTER TABLE "Article" ADD COLUMN "returnNote" TEXT,
    ADD COLUMN "returnedAt" TIMESTAMP(3),
    ADD COLUMN "returnedById" TEXT;

ALTER TABLE "Article" ADD CONSTRAINT "Article_returnedById_fkey" FOREIGN KEY ("returnedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
