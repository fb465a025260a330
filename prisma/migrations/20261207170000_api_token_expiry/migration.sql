-- API tokens may expire: after "expiresAt" a token is refused as if revoked. NULL: it never
-- expires (every token made before this migration, and those made with "No expiry").
ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" TIMESTAMP(3);
