import "server-only";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { ImageOptimizerCache } from "next/dist/server/image-optimizer";

/**
 * Next.js's image optimizer keeps every size and format it made of an image on disk
 * (.next/cache/images) for `minimumCacheTTL` (a year here) and serves them from there without
 * asking for the original again. So when an image is deleted, those copies go too: every width,
 * quality and format the build's image settings allow, under the optimizer's own cache key.
 */
export async function forgetOptimizedImages(href: string, distDir = path.join(process.cwd(), ".next")): Promise<number> {
  const images = await imageSettings(distDir);
  if (!images) return 0;
  const widths = [...images.deviceSizes, ...images.imageSizes];
  const qualities = images.qualities ?? [75];
  // The format the browser accepted, or "" when it took none of them (the original's own type).
  const mimeTypes = [...(images.formats ?? []), ""];
  const keys = widths.flatMap((width) => qualities.flatMap((quality) => mimeTypes.map((mimeType) => ImageOptimizerCache.getCacheKey({ href, width, quality, mimeType }))));
  const cacheDir = path.join(distDir, "cache", "images");
  await Promise.all(keys.map((key) => rm(path.join(cacheDir, key), { recursive: true, force: true })));
  return keys.length;
}

type ImageSettings = { deviceSizes: number[]; imageSizes: number[]; qualities?: number[]; formats?: string[] };

/** The image settings of the build being served (none before a build: nothing was optimized). */
async function imageSettings(distDir: string): Promise<ImageSettings | null> {
  try {
    const files = JSON.parse(await readFile(path.join(distDir, "required-server-files.json"), "utf8")) as { config?: { images?: ImageSettings } };
    return files.config?.images ?? null;
  } catch {
    return null;
  }
}
