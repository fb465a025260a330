import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { woffCodePoints } from "./font-coverage";

const font = (subset: string) =>
  readFileSync(path.join(process.cwd(), "node_modules/@fontsource/source-serif-4/files", `source-serif-4-${subset}-700-normal.woff`));
const has = (points: Set<number>, text: string) => [...text].every((c) => points.has(c.codePointAt(0)!));

describe("woffCodePoints", () => {
  it("reads which characters the card font's subsets can draw", () => {
    const latin = woffCodePoints(font("latin"));
    expect(has(latin, "The Dell Boys: “quotes” — 2026 £€ é")).toBe(true);
    expect(latin.has("Ω".codePointAt(0)!)).toBe(false);
    expect(has(woffCodePoints(font("greek")), "Ωμέγα")).toBe(true);
    expect(has(woffCodePoints(font("cyrillic")), "Москва")).toBe(true);
    // In Unicode's "Common" script, which the script filter kept, but in no subset of the font.
    for (const subset of ["latin", "latin-ext", "greek", "cyrillic", "cyrillic-ext", "vietnamese"]) {
      const points = woffCodePoints(font(subset));
      expect(points.size, subset).toBeGreaterThan(20);
      for (const c of ["✓", "★", "→", "日", "🔥", "、"]) expect(points.has(c.codePointAt(0)!), `${subset} ${c}`).toBe(false);
    }
  });

  it("refuses what is not a WOFF font", () => {
    expect(() => woffCodePoints(Buffer.from("not a font at all, just text"))).toThrow("not a WOFF font");
  });
});
