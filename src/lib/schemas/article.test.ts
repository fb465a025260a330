import { describe, expect, it } from "vitest";
import { slugify } from "./article";

describe("slugify", () => {
  it("keeps Latin letters and digits, drops accents and apostrophes, joins the rest with single hyphens", () => {
    expect(slugify("Héllo, World!")).toBe("hello-world");
    expect(slugify("Council’s 2027 budget: what's in it")).toBe("councils-2027-budget-whats-in-it");
    expect(slugify("  --Already--slugged--  ")).toBe("already-slugged");
  });

  it("cuts at maxLength without leaving a hyphen, and falls back when nothing is left", () => {
    expect(slugify("one two three", 8)).toBe("one-two");
    expect(slugify("日本の選挙")).toBe("article");
    expect(slugify("🔥", 60, "")).toBe("");
  });
});
