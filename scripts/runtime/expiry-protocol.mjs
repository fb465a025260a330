// The cache-expiry broadcast between instances (see src/server/invalidation-bus.ts): names and the
// relay's secret, shared by the publishing side (inside Next.js) and the relay (server.mjs).
import { createHmac } from "node:crypto";

export const EXPIRY_CHANNEL = "dellboys:expire";

/** The list an instance pushes to once it has applied broadcast `id`. */
export const ackKey = (id) => `dellboys:expire-ack:${id}`;

/** What an instance's relay shows its own /api/internal/expire: derived from AUTH_SECRET. */
export function internalToken(secret) {
  return createHmac("sha256", secret).update("dellboys internal expire").digest("base64url");
}
