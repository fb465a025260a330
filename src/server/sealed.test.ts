import { beforeAll, describe, expect, it } from "vitest";
import { resealed, seal, sign, unseal, verifySigned } from "./sealed";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "sealed-test-secret-of-at-least-32-characters";
});

describe("sealed values", () => {
  it("unseal gives back what was sealed, for its purpose only, and nothing once altered", () => {
    const secret = Buffer.from("twenty bytes secret!");
    const sealed = seal(secret, "totp-secret");
    expect(sealed).not.toContain(secret.toString("base64url"));
    expect(unseal(sealed, "totp-secret")).toEqual(secret);
    expect(seal(secret, "totp-secret")).not.toBe(sealed); // a new IV each time
    expect(unseal(sealed, "another-purpose")).toBeNull();
    const parts = sealed.split(".");
    const flipped = parts[3]!.startsWith("A") ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    expect(unseal([...parts.slice(0, 3), flipped].join("."), "totp-secret")).toBeNull();
    for (const junk of ["", "v1", "v2.a.b.c", "v1.%%.b.c"]) expect(unseal(junk, "totp-secret"), junk).toBeNull();
  });

  it("a signed value is read back until it expires, and never once altered or signed for another purpose", () => {
    const now = 1_800_000_000_000;
    const value = sign(["user.1", "7"], "ticket", 60_000, now);
    expect(verifySigned(value, "ticket", now + 59_000)).toEqual(["user.1", "7"]);
    expect(verifySigned(value, "ticket", now + 60_000)).toBeNull();
    expect(verifySigned(value, "other", now)).toBeNull();
    expect(verifySigned(value.replace("user.1", "user.2"), "ticket", now)).toBeNull();
    // A later expiry written in: the MAC no longer matches.
    const [id, version, , mac] = value.split(",");
    expect(verifySigned([id, version, String(now + 10 ** 9), mac].join(","), "ticket", now + 120_000)).toBeNull();
    // A comma in a field cannot shift the fields.
    expect(verifySigned(sign(["a,b", "c"], "ticket", 60_000, now), "ticket", now)).toEqual(["a,b", "c"]);
    expect(verifySigned("no-separator", "ticket", now)).toBeNull();
  });

  it("while AUTH_SECRET changes, values of the previous one are read, and sealed again with the new one", () => {
    const original = { current: process.env.AUTH_SECRET, previous: process.env.AUTH_SECRET_PREVIOUS };
    const now = 1_800_000_000_000;
    try {
      process.env.AUTH_SECRET = "the-old-secret-of-at-least-32-characters!";
      delete process.env.AUTH_SECRET_PREVIOUS;
      const secret = Buffer.from("twenty bytes secret!");
      const old = seal(secret, "totp-secret");
      const ticket = sign(["user.1"], "ticket", 60_000, now);
      expect(resealed(old, "totp-secret")).toBeNull(); // already current

      process.env.AUTH_SECRET = "the-new-secret-of-at-least-32-characters!";
      expect(unseal(old, "totp-secret")).toBeNull();
      expect(verifySigned(ticket, "ticket", now)).toBeNull();

      process.env.AUTH_SECRET_PREVIOUS = "the-old-secret-of-at-least-32-characters!";
      expect(unseal(old, "totp-secret")).toEqual(secret);
      expect(verifySigned(ticket, "ticket", now)).toEqual(["user.1"]);
      const moved = resealed(old, "totp-secret")!;
      expect(unseal(moved, "totp-secret")).toEqual(secret);
      expect(resealed(moved, "totp-secret")).toBeNull();
      expect(resealed("v1.junk.junk.junk", "totp-secret")).toBeNull();

      // The previous secret dropped: what was sealed again is read; the old value no longer.
      delete process.env.AUTH_SECRET_PREVIOUS;
      expect(unseal(moved, "totp-secret")).toEqual(secret);
      expect(unseal(old, "totp-secret")).toBeNull();
    } finally {
      process.env.AUTH_SECRET = original.current;
      if (original.previous === undefined) delete process.env.AUTH_SECRET_PREVIOUS;
      else process.env.AUTH_SECRET_PREVIOUS = original.previous;
    }
  });
});
