import "server-only";
import { describe, expect, it } from "vitest";
import { nameSlug } from "./name-slug";

describe("nameSlug", () => {
  it("is slugify's slug when the name has letters or digits a slug keeps", () => {
    expect(nameSlug("Dell Valley Floods", "tag")).toBe("dell-valley-floods");
    expect(nameSlug("Café society", "section")).toBe("cafe-society");
    expect(nameSlug("Ωμέγα", "author")).toBe("omega");
  });

  it("gives names without such letters a slug of their own, the same for the same name in any case or form", () => {
    const japan = nameSlug("日本", "tag");
    const fire = nameSlug("🔥", "tag");
    expect(japan).toMatch(/^tag-[a-z0-9]+$/);
    expect(fire).toMatch(/^tag-[a-z0-9]+$/);
    expect(japan).not.toBe(fire);
    expect(nameSlug("日本", "tag")).toBe(japan);
    expect(nameSlug(" 한국 ".normalize("NFD"), "section")).toBe(nameSlug("한국", "section"));
    expect(nameSlug("한국", "section")).toBe("hanguk");
    // Distinct names, distinct slugs (48 bits of SHA-256: no collision among these).
    const many = new Set(Array.from({ length: 2000 }, (_, i) => nameSlug(`日本${String.fromCharCode(0x4e00 + i)}`, "tag")));
    expect(many.size).toBe(2000);
  });

  it("spells Arabic-script and Hebrew names, with a hash of the name after: words spelled alike stay apart", () => {
    expect(nameSlug("مريم", "author")).toMatch(/^mrym-[0-9a-f]{8}$/);
    expect(nameSlug("מלך", "tag")).toMatch(/^mlkh-[0-9a-f]{8}$/);
    // "علا" and "على" are both spelled "ala".
    expect(nameSlug("علا", "tag")).not.toBe(nameSlug("على", "tag"));
    expect(nameSlug("علا", "tag")).toBe(nameSlug(" علا ", "tag"));
    expect(nameSlug("ראש העיר בירושלים וכל הסביבה הקרובה של העיר הגדולה", "tag").length).toBeLessThanOrEqual(60);
  });
});
