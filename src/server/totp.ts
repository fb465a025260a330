import { createHmac, randomBytes } from "node:crypto";

/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as every
 * authenticator app makes them, and the base32 their secrets are written in (RFC 4648).
 * No "server-only" import: the end-to-end tests compute codes with it too.
 */

export const STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Base32 as people copy it: any case, spaces, hyphens and padding ignored. Null when not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s=-]/g, "");
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 4226's HOTP value for `counter`, as `digits` digits. */
export function hotp(secret: Uint8Array, counter: number, digits = DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

export const timeStep = (at: Date) => Math.floor(at.getTime() / 1000 / STEP_SECONDS);

export const totpAt = (secret: Uint8Array, at: Date, digits = DIGITS) => hotp(secret, timeStep(at), digits);

/**
 * The time step of `code` when it is the code of now or of one step either side (a phone's clock
 * a little off, a code typed as it changed), and later than `after` (a code already used, or an
 * older one, is refused: nobody who saw a code over a shoulder can use it again). Null otherwise.
 */
export function matchTotp(secret: Uint8Array, code: string, at: Date, after: number | null): number | null {
  const typed = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(typed)) return null;
  const now = timeStep(at);
  for (const step of [now - 1, now, now + 1]) {
    if (after !== null && step <= after) continue;
    if (hotp(secret, step) === typed) return step;
  }
  return null;
}

/** 160 random bits, the length RFC 4226 recommends. */
export const newTotpSecret = () => randomBytes(20);

/** What an authenticator app reads from the QR code (Google's Key URI format). */
export function otpauthUri({ issuer, account, secret }: { issuer: string; account: string; secret: Uint8Array }): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({ secret: base32Encode(secret), issuer, algorithm: "SHA1", digits: String(DIGITS), period: String(STEP_SECONDS) });
  return `otpauth://totp/${label}?${params}`;
}
