import { hkdfSync } from "node:crypto";

/**
 * The key Next.js encrypts server actions' closed-over values with. Next.js generates one per
 * build unless NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is set, and instances built separately must agree
 * on it; they all share AUTH_SECRET, so the launcher derives it from that (AES-256, base64).
 */
export function serverActionsKey(authSecret: string): string {
  return Buffer.from(hkdfSync("sha256", authSecret, "", "dellboys next server actions", 32)).toString("base64");
}
