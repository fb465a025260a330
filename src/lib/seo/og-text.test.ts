import { describe, expect, it } from "vitest";
import { cardText, headlineFontSize, monogram } from "@/lib/seo/og-text";

describe("cardText", () => {
  it("keeps Latin, Greek and Cyrillic text and punctuation", () => {
    expect(cardText("Łódź, Ελλάδα, Москва, Việt Nam — “quotes”", 100)).toBe(
      "Łódź, Ελλάδα, Москва, Việt Nam — “quotes”",
    );
  });

  it("drops emoji (with skin tones, flags and joiners) and scripts the card font cannot draw", () => {
    expect(cardText("Rovers win 🎉👍🏽 🇬🇧 👩‍👩‍👧 again", 100)).toBe("Rovers win again");
    expect(cardText("Tokyo 東京 summit", 100)).toBe("Tokyo summit");
  });

  it("with the fonts' character map, also leaves out what no font draws, keeping the spaces", () => {
    const drawable = (cp: number) => cp < 0x2000 || cp === 0x2014;
    expect(cardText("Vote counted ✓ — turnout up ★ again", 100, drawable)).toBe("Vote counted — turnout up again");
    expect(monogram("✓ Daily", drawable)).toBe("D");
  });

  it("shortens long text", () => {
    expect(cardText("one two three four five six", 16)).toBe("one two three…");
  });
});

describe("headlineFontSize", () => {
  it("gets smaller as headlines get longer", () => {
    const sizes = [20, 60, 100, 150].map((n) => headlineFontSize("x".repeat(n)));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(new Set(sizes).size).toBe(4);
  });
});

describe("monogram", () => {
  it("is the first letter of the name, skipping a leading article", () => {
    expect(monogram("The Dell Boys")).toBe("D");
    expect(monogram("an evening post")).toBe("E");
    expect(monogram("Guardian")).toBe("G");
    expect(monogram("The")).toBe("T");
  });

  it("has a fallback for names without a letter", () => {
    expect(monogram("🎉")).toBe("•");
    expect(monogram("")).toBe("•");
  });
});
