import "server-only";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ImageOptimizerCache } from "next/dist/server/image-optimizer.js";
import { afterEach, describe, expect, it } from "vitest";
import { forgetOptimizedImages } from "./optimized-images";

// The image optimizer's copies of a deleted image go, under Next.js's own cache keys; others stay.
let distDir = "";
afterEach(async () => {
  await rm(distDir, { recursive: true, force: true });
});

describe("forgetOptimizedImages", () => {
  it("removes every width and format of that image, and nothing else", async () => {
    distDir = await mkdtemp(path.join(tmpdir(), "dellboys-images-"));
    const images = { deviceSizes: [640, 1200], imageSizes: [320], qualities: [75], formats: ["image/avif", "image/webp"] };
    await writeFile(path.join(distDir, "required-server-files.json"), JSON.stringify({ config: { images } }));
    const key = (href: string, width: number, mimeType: string) => ImageOptimizerCache.getCacheKey({ href, width, quality: 75, mimeType });
    const gone = [key("/media/uploads/a.png", 640, "image/avif"), key("/media/uploads/a.png", 320, ""), key("/media/uploads/a.png", 1200, "image/webp")];
    const kept = [key("/media/uploads/b.png", 640, "image/avif"), key("/media/uploads/a.png", 828, "image/avif")];
    for (const dir of [...gone, ...kept]) {
      await mkdir(path.join(distDir, "cache", "images", dir), { recursive: true });
      await writeFile(path.join(distDir, "cache", "images", dir, "60.1.etag.upstream.avif"), "x");
    }
    expect(await forgetOptimizedImages(["/media/uploads/a.png"], distDir)).toBe(3); // of 3 widths × 1 quality × 3 formats, those there
    expect((await readdir(path.join(distDir, "cache", "images"))).sort()).toEqual([...kept].sort());
  });

  it("does nothing before a build", async () => {
    distDir = await mkdtemp(path.join(tmpdir(), "dellboys-images-"));
    expect(await forgetOptimizedImages(["/media/uploads/a.png"], distDir)).toBe(0);
  });
});
