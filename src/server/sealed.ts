import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Secrets at rest and signed values, keyed by AUTH_SECRET (one key per purpose, derived with
 * HKDF): a copy of the database alone reveals no staff member's second-step secret. To change
 * AUTH_SECRET, keep the old one as AUTH_SECRET_PREVIOUS meanwhile: values sealed or signed with it
 * are still read, and `npm run secrets:reseal` seals the stored ones again with the new key
 * (docs/RELIABILITY.md). Without it, sealed values become unreadable (staff then set up two-step
 * sign-in again; an admin can turn it off for them).
 */

const derive = (secret: string, purpose: string) => Buffer.from(hkdfSync("sha256", secret, "dell-boys", `dell-boys:${purpose}`, 32));

/** The current key first, then the previous one while AUTH_SECRET is being changed. */
function keys(purpose: string): Buffer[] {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: nothing can be sealed or signed.");
  const previous = process.env.AUTH_SECRET_PREVIOUS;
  return [secret, ...(previous && previous !== secret ? [previous] : [])].map((s) => derive(s, purpose));
}

const key = (purpose: string) => keys(purpose)[0]!;

/** AES-256-GCM: "v1.<iv>.<tag>.<ciphertext>", base64url. */
export function seal(plain: Uint8Array, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The sealed bytes, or null when the value was altered, sealed for another purpose or with another key. */
export function unseal(sealed: string, purpose: string): Buffer | null {
  return opened(sealed, purpose)?.plain ?? null;
}

/**
 * The value sealed again with the current key, when it was sealed with the previous one (the
 * same bytes inside); null when it is already current, or unreadable.
 */
export function resealed(sealed: string, purpose: string): string | null {
  const open = opened(sealed, purpose);
  return open && open.keyIndex > 0 ? seal(open.plain, purpose) : null;
}

function opened(sealed: string, purpose: string): { plain: Buffer; keyIndex: number } | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  for (const [keyIndex, candidate] of keys(purpose).entries()) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", candidate, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return { plain: Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]), keyIndex };
    } catch {
      // not this key
    }
  }
  return null;
}

const mac = (payload: string, macKey: Buffer) => createHmac("sha256", macKey).update(payload).digest("base64url");

/**
 * `fields` and an expiry, with their MAC: readable by anyone, forgeable by nobody. Joined by
 * commas, which encodeURIComponent always escapes inside a field (it leaves dots as they are).
 */
export function sign(fields: string[], purpose: string, ttlMs: number, now = Date.now()): string {
  const payload = [...fields, String(now + ttlMs)].map((field) => encodeURIComponent(field)).join(",");
  return `${payload},${mac(payload, key(purpose))}`;
}

/** The fields of a value `sign` made for this purpose and not expired; null otherwise. */
export function verifySigned(value: string, purpose: string, now = Date.now()): string[] | null {
  const cut = value.lastIndexOf(",");
  if (cut < 0) return null;
  const payload = value.slice(0, cut);
  const given = Buffer.from(value.slice(cut + 1));
  const genuine = keys(purpose).some((candidate) => {
    const expected = Buffer.from(mac(payload, candidate));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!genuine) return null;
  const fields = payload.split(",").map((field) => decodeURIComponent(field));
  const expires = Number(fields.pop());
  return Number.isFinite(expires) && expires > now ? fields : null;
}
