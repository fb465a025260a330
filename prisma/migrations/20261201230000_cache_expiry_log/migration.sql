-- Publishing changes as a log in the database: instances whose Redis connection is down read it
-- (every second) instead of serving what was changed meanwhile until Redis returns.
-- CreateTable
CREATE TABLE "CacheExpiry" (
    "id" SERIAL NOT NULL,
    "expiry" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CacheExpiry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CacheExpiry_createdAt_idx" ON "CacheExpiry"("createdAt");
