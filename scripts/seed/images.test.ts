import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it, expect } from "vitest";
import sharp from "sharp";
import { buildDemoSvg, demoImage, demoPaletteName, DEMO_PALETTES, renderDemoImage } from "./images.ts";

describe("renderDemoImage", () => {
  it("renders a 1600×900 progressive JPEG by default", async () => {
    const image = await renderDemoImage("sessions-offered-to-quit-amid-rift-with-trump");
    expect(image.width).toBe(1600);
    expect(image.height).toBe(900);
    expect(image.mimeType).toBe("image/jpeg");
    expect(Buffer.isBuffer(image.data)).toBe(true);
    // JPEG SOI marker.
    expect(image.data.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const meta = await sharp(image.data).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.width).toBe(1600);
    expect(meta.height).toBe(900);
    expect(meta.isProgressive).toBe(true);
    expect(meta.channels).toBe(3);
    // A real picture, not a blank frame, and not absurdly heavy.
    expect(image.data.length).toBeGreaterThan(20_000);
    expect(image.data.length).toBeLessThan(400_000);
  });

  it("honours width and height", async () => {
    const image = await renderDemoImage("custom-size", {
      width: 640,
      height: 480,
    });
    expect([image.width, image.height]).toEqual([640, 480]);
    const meta = await sharp(image.data).metadata();
    expect([meta.width, meta.height]).toEqual([640, 480]);
  });

  it("is deterministic: the same seed gives the same bytes", async () => {
    const a = await renderDemoImage("determinism", { width: 480, height: 270 });
    const b = await renderDemoImage("determinism", { width: 480, height: 270 });
    expect(a.data.equals(b.data)).toBe(true);
  });

  it("gives different pictures for different seeds", async () => {
    const seeds = ["alpha", "beta", "gamma"];
    const images = await Promise.all(seeds.map((s) => renderDemoImage(s, { width: 320, height: 180 })));
    const hashes = new Set(images.map((i) => i.data.toString("base64")));
    expect(hashes.size).toBe(3);
    // Not just different bytes: different pixels (mean colour differs).
    const stats = await Promise.all(images.map((i) => sharp(i.data).stats()));
    const means = stats.map((s) => s.channels.map((c) => Math.round(c.mean)).join(","));
    expect(new Set(means).size).toBe(3);
  });

  it("is not flat: the picture has real contrast", async () => {
    const image = await renderDemoImage("contrast", {
      width: 320,
      height: 180,
    });
    const { channels } = await sharp(image.data).stats();
    for (const c of channels) {
      expect(c.max - c.min).toBeGreaterThan(60);
      expect(c.stdev).toBeGreaterThan(10);
    }
  });

  it("rejects silly sizes", async () => {
    await expect(renderDemoImage("x", { width: 0 })).rejects.toThrow(/width and height/);
    await expect(renderDemoImage("x", { height: 1.5 })).rejects.toThrow(/width and height/);
  });
});

describe("buildDemoSvg", () => {
  it("draws shapes but never text", () => {
    for (const seed of ["a", "b", "c", "d", "e", "f"]) {
      const svg = buildDemoSvg(seed, 800, 450);
      expect(svg).not.toMatch(/<text|<tspan|font-family/);
      expect(svg).toMatch(/<linearGradient/);
      expect(svg).toMatch(/<circle/);
      expect(svg).toMatch(/<rect[^>]*rotate|rotate\([^)]*\)/);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450"')).toBe(true);
    }
  });

  it("is a pure function of the seed and picks palettes from the list", () => {
    expect(buildDemoSvg("same")).toBe(buildDemoSvg("same"));
    expect(buildDemoSvg("same")).not.toBe(buildDemoSvg("other"));
    const names = DEMO_PALETTES.map((p) => p.name);
    const used = new Set(Array.from({ length: 60 }, (_, i) => demoPaletteName(`seed-${i}`)));
    for (const name of used) expect(names).toContain(name);
    // Sixty seeds spread over most of the palettes.
    expect(used.size).toBeGreaterThanOrEqual(Math.min(6, names.length));
  });
});

describe("demoImage (kept between seeds)", () => {
  it("draws an image once, then reads it back; another seed or size is drawn anew", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "news-demo-images-"));
    try {
      const size = { width: 320, height: 180 };
      const first = await demoImage("cache", size, dir);
      expect(first.data.equals((await renderDemoImage("cache", size)).data)).toBe(true);
      const [file] = readdirSync(dir);
      expect(readdirSync(dir)).toEqual([file]);
      // What is read back is the file: a marked copy comes back as it is.
      writeFileSync(path.join(dir, file!), Buffer.concat([first.data, Buffer.from("marked")]));
      expect((await demoImage("cache", size, dir)).data.subarray(-6).toString()).toBe("marked");
      await demoImage("cache", { width: 320, height: 200 }, dir);
      await demoImage("other", size, dir);
      expect(readdirSync(dir)).toHaveLength(3);
      // No cache: drawn each time.
      expect((await demoImage("cache", size, null)).data.equals(first.data)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
