-- Two-step sign-in for staff: a time-based one-time code (RFC 6238, an authenticator app) after
-- the password. "totpSecret" holds the shared secret sealed with a key derived from AUTH_SECRET
-- (src/server/sealed.ts); set without "totpEnabledAt", it is a set-up not yet confirmed.
-- "totpLastStep" is the time step of the last code accepted: a code is never accepted twice.
-- "recoveryCodeHashes": SHA-256 of the unused recovery codes (each works once); nullable, as
-- Prisma makes its lists, and never written null.
ALTER TABLE "User" ADD COLUMN "totpSecret" TEXT;
ALTER TABLE "User" ADD COLUMN "totpEnabledAt" TIMESTAMP(3);
ALTER TABLE "User" ADD COLUMN "totpLastStep" INTEGER;
ALTER TABLE "User" ADD COLUMN "recoveryCodeHashes" TEXT[] DEFAULT ARRAY[]::TEXT[];
