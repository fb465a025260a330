import "server-only";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { ImageOptimizerCache } from "next/dist/server/image-optimizer.js";
import type { PrismaClient } from "@/generated/prisma/client";
import { mediaUrl } from "@/lib/media";
import { distDir } from "../../scripts/runtime/dist-dir.mjs";

/**
 * Next.js's image optimizer keeps every size and format it made of an image on disk
 * (.next/cache/images) for `minimumCacheTTL` (a year here) and serves them from there without
 * asking for the original again. So when an image is deleted, those copies go too, on every
 * instance (each may have its own disk): every width, quality and format the build's image
 * settings allow, under the optimizer's own cache key. Answers how many copies were removed.
 */
export async function forgetOptimizedImages(hrefs: string[], distDir = defaultDistDir()): Promise<number> {
  const images = await imageSettings(distDir);
  return images ? removeCopies(hrefs, images, distDir) : 0;
}

/**
 * The copies of every image deleted while the optimizer may still keep them (its
 * `minimumCacheTTL`; our /media responses say a year too): for an instance that may have missed
 * deletions, because it was stopped or cut off from the others when they happened. The audit log
 * says which images were deleted.
 */
export async function forgetDeletedImages(db: PrismaClient, distDir = defaultDistDir()): Promise<number> {
  const images = await imageSettings(distDir);
  if (!images) return 0;
  const keptSeconds = Math.max(images.minimumCacheTTL ?? 0, 31_536_000);
  const deletions = await db.auditLog.findMany({
    // entityType first: its index keeps this to the library's entries, not a year of the whole log.
    where: { entityType: "Media", action: "media.delete", createdAt: { gte: new Date(Date.now() - keptSeconds * 1000) } },
    select: { details: true },
  });
  const hrefs = deletions.flatMap(({ details }) => {
    const key = (details as { storageKey?: unknown } | null)?.storageKey;
    return typeof key === "string" ? [mediaUrl(key)] : [];
  });
  return removeCopies(hrefs, images, distDir);
}

/** Removes the optimizer's copies of `hrefs` that are on disk; answers how many there were. */
async function removeCopies(hrefs: string[], images: ImageSettings, distDir: string): Promise<number> {
  if (hrefs.length === 0) return 0;
  const widths = [...images.deviceSizes, ...images.imageSizes];
  const qualities = images.qualities ?? [75];
  // The format the browser accepted, or "" when it took none of them (the original's own type).
  const mimeTypes = [...(images.formats ?? []), ""];
  const cacheDir = path.join(distDir, "cache", "images");
  // Only what is there: a sweep over a year of deletions must not try thousands of missing folders.
  const present = new Set(await readdir(cacheDir).catch(() => [] as string[]));
  const keys = hrefs.flatMap((href) =>
    widths.flatMap((width) => qualities.flatMap((quality) => mimeTypes.map((mimeType) => ImageOptimizerCache.getCacheKey({ href, width, quality, mimeType })))),
  );
  const copies = keys.filter((key) => present.has(key));
  await Promise.all(copies.map((key) => rm(path.join(cacheDir, key), { recursive: true, force: true })));
  return copies.length;
}

const defaultDistDir = () => distDir(process.cwd());

type ImageSettings = { deviceSizes: number[]; imageSizes: number[]; qualities?: number[]; formats?: string[]; minimumCacheTTL?: number };

/** The image settings of the build being served (none before a build: nothing was optimized). */
async function imageSettings(distDir: string): Promise<ImageSettings | null> {
  try {
    const files = JSON.parse(await readFile(path.join(distDir, "required-server-files.json"), "utf8")) as { config?: { images?: ImageSettings } };
    return files.config?.images ?? null;
  } catch {
    return null;
  }
}
