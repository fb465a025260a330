import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Files go to a DATA_DIR of this file's own. env() is read once per process, and @/server/db reads
// it on import, so the folder is set before any import (vi.hoisted runs first).
const dataDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "news-media-test-"));
  process.env.DATA_DIR = dir;
  return dir;
});

import { isValidStorageKey } from "@/lib/media";
import { prisma } from "@/server/db";
import { getMedia } from "@/server/media-store";
import { MediaError, processUpload, storeUpload, updateMediaMeta } from "@/server/services/media";

// Runs on the database the global setup migrated and seeded. Media rows are this file's own
// (found by their ids) and deleted afterwards.

const created: string[] = [];
let userId: string;

async function store(
  bytes: Buffer,
  meta: {
    originalName: string;
    alt: string;
    caption?: string;
    credit?: string;
    uploadedById?: string | null;
  },
) {
  const processed = await processUpload({ bytes, ...meta });
  const row = await storeUpload(prisma, processed, { uploadedById: null, ...meta });
  created.push(row.id);
  return { processed, row };
}

async function cameraJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#ff0000" } })
    .composite([
      { input: { create: { width: 40, height: 40, channels: 3, background: "#0000ff" } }, top: 0, left: 0 },
    ])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "SecretCam" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "51/1 30/1 1234/100",
        GPSLongitudeRef: "W",
        GPSLongitude: "0/1 7/1 4000/100",
      },
    })
    .toBuffer();
}

async function rejection(promise: Promise<unknown>): Promise<MediaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  return error as MediaError;
}

beforeAll(async () => {
  expect(process.env.DATA_DIR).toBe(dataDir);
  userId = (await prisma.user.findFirstOrThrow({ select: { id: true } })).id;
});

afterAll(async () => {
  await prisma.media.deleteMany({ where: { id: { in: created } } });
  await prisma.$disconnect();
  const { rmSync } = await import("node:fs");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("storeUpload", () => {
  it("stores a rotated, metadata-free original and its variants, and records them", async () => {
    const bytes = await cameraJpeg(2000, 1200);
    expect((await sharp(bytes).metadata()).exif).toBeDefined();
    const { processed, row } = await store(bytes, {
      originalName: "IMG_2041.JPG",
      alt: "  Protesters outside the town hall  ",
      caption: "The march on Saturday.",
      credit: "Jane Doe / Dell Boys",
      uploadedById: userId,
    });

    expect(row.storageKey).toMatch(/^uploads\/\d{4}\/\d{2}\/[0-9a-f]{24}\.jpg$/);
    const now = new Date();
    expect(row.storageKey.slice(8, 15)).toBe(
      `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}`,
    );
    expect(isValidStorageKey(row.storageKey)).toBe(true);
    expect(row).toMatchObject({
      originalName: "IMG_2041.JPG",
      mimeType: "image/jpeg",
      width: 1200,
      height: 2000,
      bytes: processed.original.length,
      alt: "Protesters outside the town hall",
      caption: "The march on Saturday.",
      credit: "Jane Doe / Dell Boys",
      uploadedById: userId,
    });
    const base = row.storageKey.replace(/\.jpg$/, "");
    expect(row.variants).toEqual([
      { width: 480, height: 800, key: `${base}-480.webp`, mimeType: "image/webp" },
      { width: 960, height: 1600, key: `${base}-960.webp`, mimeType: "image/webp" },
    ]);
    // The row as the database has it.
    expect(await prisma.media.findUnique({ where: { id: row.id } })).toEqual(row);

    // The files read back, under this test's DATA_DIR, without EXIF or GPS, upright.
    const original = await getMedia(row.storageKey);
    expect(original).not.toBeNull();
    expect(original!.equals(processed.original)).toBe(true);
    expect(existsSync(path.join(dataDir, "media", ...row.storageKey.split("/")))).toBe(true);
    const meta = await sharp(original!).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 1200, height: 2000 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(original!.includes(Buffer.from("SecretCam"))).toBe(false);

    for (const variant of row.variants as { width: number; height: number; key: string }[]) {
      const data = await getMedia(variant.key);
      expect(data).not.toBeNull();
      expect(readFileSync(path.join(dataDir, "media", ...variant.key.split("/"))).equals(data!)).toBe(true);
      const vm = await sharp(data!).metadata();
      expect(vm).toMatchObject({ format: "webp", width: variant.width, height: variant.height });
      expect(vm.exif).toBeUndefined();
    }
  });

  it("stores a GIF as a PNG, with no variants when it is small, and sanitises the original name", async () => {
    const bytes = await sharp({ create: { width: 320, height: 200, channels: 4, background: "#00ff00" } })
      .gif()
      .toBuffer();
    const { processed, row } = await store(bytes, {
      originalName: "C:\\fakepath\\../..\u0000/an\u0007im\u202Eation.gif",
      alt: "Green",
    });
    expect(row.storageKey).toMatch(/^uploads\/\d{4}\/\d{2}\/[0-9a-f]{24}\.png$/);
    expect(row).toMatchObject({
      mimeType: "image/png",
      width: 320,
      height: 200,
      bytes: processed.original.length,
      caption: "",
      credit: "",
      uploadedById: null,
    });
    expect(row.originalName).toBe("animation.gif");
    expect(row.variants).toEqual([]);
    expect((await getMedia(row.storageKey))!.equals(processed.original)).toBe(true);
  });

  it("gives every upload its own keys and caps the original name at 200 characters", async () => {
    const bytes = await sharp({ create: { width: 500, height: 300, channels: 3, background: "#123456" } })
      .png()
      .toBuffer();
    const a = await store(bytes, { originalName: `${"a".repeat(300)}.png`, alt: "One" });
    const b = await store(bytes, { originalName: "same.png", alt: "Two" });
    expect(a.row.storageKey).not.toBe(b.row.storageKey);
    expect(a.row.originalName).toHaveLength(200);
    expect((a.row.variants as { key: string }[])[0]!.key).not.toBe(
      (b.row.variants as { key: string }[])[0]!.key,
    );
  });

  it("checks the text fields again and writes nothing when they are wrong", async () => {
    const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const processed = await processUpload({ bytes, originalName: "a.png", alt: "fine" });
    const name = `refused-${Math.random().toString(36).slice(2)}.png`;
    const files = () => readdirSync(path.join(dataDir, "media"), { recursive: true }).length;
    const before = files();
    const error = await rejection(
      storeUpload(prisma, processed, { originalName: name, alt: " ", uploadedById: null }),
    );
    expect(error).toMatchObject({ code: "invalid_field", status: 422, field: "alt" });
    expect(files()).toBe(before);
    expect(await prisma.media.count({ where: { originalName: name } })).toBe(0);
  });
});

describe("updateMediaMeta", () => {
  let id: string;

  beforeAll(async () => {
    const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#abcdef" } })
      .png()
      .toBuffer();
    id = (
      await store(bytes, {
        originalName: "meta.png",
        alt: "Before",
        caption: "Old caption",
        credit: "Old credit",
      })
    ).row.id;
  });

  it("changes only the fields given, trimmed", async () => {
    const updated = await updateMediaMeta(prisma, id, { alt: "  After  ", credit: "" });
    expect(updated).toMatchObject({ id, alt: "After", caption: "Old caption", credit: "" });
    expect(await prisma.media.findUnique({ where: { id } })).toMatchObject({
      alt: "After",
      caption: "Old caption",
      credit: "",
    });
    expect(await updateMediaMeta(prisma, id, {})).toMatchObject({ alt: "After" });
  });

  it("applies the upload rules (422 invalid_field) and changes nothing then", async () => {
    expect(await rejection(updateMediaMeta(prisma, id, { alt: "" }))).toMatchObject({
      code: "invalid_field",
      status: 422,
      field: "alt",
    });
    expect(await rejection(updateMediaMeta(prisma, id, { caption: "c".repeat(501) }))).toMatchObject({
      field: "caption",
    });
    expect(
      await rejection(updateMediaMeta(prisma, id, { alt: "ok", credit: "c".repeat(201) })),
    ).toMatchObject({ field: "credit" });
    expect(await prisma.media.findUnique({ where: { id } })).toMatchObject({
      alt: "After",
      caption: "Old caption",
      credit: "",
    });
  });

  it("returns null for an unknown id", async () => {
    expect(await updateMediaMeta(prisma, "no-such-media", { alt: "x" })).toBeNull();
    expect(await updateMediaMeta(prisma, "no-such-media", {})).toBeNull();
  });
});
