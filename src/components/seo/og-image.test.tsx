import { afterEach, describe, expect, it, vi } from "vitest";
import { ArticleCardImage, renderPng } from "./og-image";

afterEach(() => vi.restoreAllMocks());

describe("renderPng", () => {
  it("draws a card whose text has characters no card font has without asking the network for a font", async () => {
    const fetch = vi.spyOn(globalThis, "fetch");
    const png = await renderPng(
      <ArticleCardImage siteName="The Dell Boys" section="Politics" headline="Vote counted ✓ — turnout up ★ 東京 🔥 Ωμέγα" byline="By Ines Marwood → live" />,
    );
    expect(Buffer.from(png.subarray(1, 4)).toString("latin1")).toBe("PNG");
    // The renderer loads its layout engine from a data: URL; a missing glyph sent it to Google Fonts.
    const network = fetch.mock.calls.map(([input]) => String(input instanceof Request ? input.url : input)).filter((url) => !url.startsWith("data:"));
    expect(network).toEqual([]);
  });
});
