import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, timeStep, totpAt } from "./totp";

// RFC 6238 appendix B (SHA-1): the secret "12345678901234567890", 8-digit codes.
const RFC_SECRET = Buffer.from("12345678901234567890");
const at = (seconds: number) => new Date(seconds * 1000);

describe("TOTP", () => {
  it("gives RFC 6238's test values", () => {
    const vectors: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [seconds, code] of vectors) expect(totpAt(RFC_SECRET, at(seconds), 8), String(seconds)).toBe(code);
    // Six digits, as apps show them: the last six.
    expect(totpAt(RFC_SECRET, at(59))).toBe("287082");
  });

  it("gives RFC 4226's HOTP test values", () => {
    expect([0, 1, 2, 9].map((counter) => hotp(RFC_SECRET, counter))).toEqual(["755224", "287082", "359152", "520489"]);
  });

  it("accepts the code of now and of one step either side, later than the last used, and nothing else", () => {
    const now = at(1_800_000_015);
    const step = timeStep(now);
    const codeOf = (s: number) => hotp(RFC_SECRET, s);
    expect(matchTotp(RFC_SECRET, codeOf(step), now, null)).toBe(step);
    expect(matchTotp(RFC_SECRET, codeOf(step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, codeOf(step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, codeOf(step - 2), now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, codeOf(step + 2), now, null)).toBeNull();
    // Typed with a space in the middle, as apps show it.
    expect(matchTotp(RFC_SECRET, `${codeOf(step).slice(0, 3)} ${codeOf(step).slice(3)}`, now, null)).toBe(step);
    // Used already (or a later one was): refused.
    expect(matchTotp(RFC_SECRET, codeOf(step), now, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, codeOf(step - 1), now, step - 1)).toBeNull();
    expect(matchTotp(RFC_SECRET, codeOf(step), now, step - 1)).toBe(step);
    for (const junk of ["", "12345", "1234567", "abcdef", "12345x"]) expect(matchTotp(RFC_SECRET, junk, now, null), junk).toBeNull();
  });

  it("writes and reads base32 (RFC 4648 vectors), forgiving case, spaces and padding", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Encode(Buffer.from("f"))).toBe("MY");
    expect(base32Decode("mzxw 6ytb oi======")!.toString()).toBe("foobar");
    expect(base32Decode("MZXW6YTB1")).toBeNull();
    const secret = Buffer.from(Array.from({ length: 20 }, (_, i) => i * 13));
    expect(base32Decode(base32Encode(secret))).toEqual(secret);
  });

  it("names the site and the account in the app's URI", () => {
    const uri = new URL(otpauthUri({ issuer: "The Dell Boys", account: "ed@dellboys.example", secret: Buffer.from("foobar") }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/The Dell Boys:ed@dellboys.example");
    expect(Object.fromEntries(uri.searchParams)).toEqual({ secret: "MZXW6YTBOI", issuer: "The Dell Boys", algorithm: "SHA1", digits: "6", period: "30" });
  });
});
