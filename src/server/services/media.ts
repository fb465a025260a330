import "server-only";
import { randomBytes } from "node:crypto";
import sharp, { type Metadata, type OutputInfo, type Sharp } from "sharp";
import type { Media, Prisma, PrismaClient } from "@/generated/prisma/client";
import { putMedia } from "@/server/media-store";

/**
 * Image uploads for the newsroom media library. Processing (processUpload) is pure: it checks the
 * bytes, decodes them with sharp under pixel limits, applies the EXIF orientation, re-encodes the
 * original without any metadata (no EXIF, GPS, XMP or foreign ICC profile leaves the newsroom) and
 * makes WebP variants. storeUpload writes the files and the Media row; updateMediaMeta edits the
 * text fields. Errors a user can act on are MediaErrors; the API layer turns them into
 * `{ error: { code, message, fields } }` with `status`.
 */

type Db = PrismaClient | Prisma.TransactionClient;

export type MediaErrorCode =
  "unsupported_type" | "too_large" | "too_many_pixels" | "invalid_image" | "invalid_field";

const statusFor = {
  too_large: 413,
  unsupported_type: 415,
  too_many_pixels: 422,
  invalid_image: 422,
  invalid_field: 422,
} as const;

export class MediaError extends Error {
  readonly code: MediaErrorCode;
  readonly status: 413 | 415 | 422;
  /** The input field at fault, for invalid_field. */
  readonly field?: string;

  constructor(code: MediaErrorCode, message: string, field?: string) {
    super(message);
    this.name = "MediaError";
    this.code = code;
    this.status = statusFor[code];
    if (field !== undefined) this.field = field;
  }
}

export const mediaLimits = {
  maxBytes: 15 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 12_000,
  variantWidths: [480, 960, 1600],
};

export type ImageType = "image/jpeg" | "image/png" | "image/webp" | "image/avif" | "image/gif";
export type OutputImageType = Exclude<ImageType, "image/gif">;

export interface ProcessedVariant {
  width: number;
  height: number;
  data: Buffer;
  mimeType: "image/webp";
}

export interface ProcessedImage {
  /** Type of the re-encoded original (a GIF becomes a PNG). */
  mimeType: OutputImageType;
  /** Dimensions after the EXIF orientation was applied. */
  width: number;
  height: number;
  original: Buffer;
  /** File extension for the original, without the dot. */
  extension: "jpg" | "png" | "webp" | "avif";
  /** WebP variants, narrowest first; only widths below the image's own width. */
  variants: ProcessedVariant[];
}

export interface MediaText {
  alt: string;
  caption?: string;
  credit?: string;
}

export interface MediaVariantRecord {
  width: number;
  height: number;
  key: string;
  mimeType: "image/webp";
}

const fieldLimits = { alt: 500, caption: 500, credit: 200 } as const;
const ORIGINAL_NAME_MAX = 200;

// ---------------------------------------------------------------------------------------------
// Type sniffing

const startsWith = (bytes: Buffer, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (bytes: Buffer, start: number, end: number) =>
  bytes.length >= end ? bytes.toString("latin1", start, end) : "";

/**
 * The image type from the file's magic bytes, or null for anything else (SVG, HTML, PDF...).
 * The file name and the declared Content-Type are never consulted.
 */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "image/webp";
  const gif = ascii(bytes, 0, 6);
  if (gif === "GIF87a" || gif === "GIF89a") return "image/gif";
  // ISO BMFF: a leading `ftyp` box whose major or a compatible brand is avif (still) or avis (sequence).
  if (ascii(bytes, 4, 8) === "ftyp") {
    const boxSize = bytes.readUInt32BE(0);
    if (boxSize >= 16 && boxSize <= bytes.length) {
      const end = Math.min(boxSize, 256);
      const brands = [ascii(bytes, 8, 12)];
      for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
      if (brands.some((brand) => brand === "avif" || brand === "avis")) return "image/avif";
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Text fields

const codePoints = (value: string) => Array.from(value).length;

/**
 * Trims a text field and removes control characters (a NUL would also be refused by PostgreSQL).
 * Single-line fields turn line breaks and tabs into spaces; captions keep their line breaks.
 */
function cleanText(field: keyof typeof fieldLimits, value: unknown, required: boolean): string {
  if (value === undefined || value === null) value = "";
  if (typeof value !== "string") throw new MediaError("invalid_field", `${field} must be text.`, field);
  const cleaned =
    field === "caption"
      ? value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
      : value.replace(/[\u0000-\u001f\u007f]+/g, " ");
  const text = cleaned.trim();
  if (required && text === "") {
    throw new MediaError(
      "invalid_field",
      "Alt text is required: describe the image for readers who cannot see it.",
      field,
    );
  }
  const max = fieldLimits[field];
  if (codePoints(text) > max) {
    throw new MediaError("invalid_field", `${field} must be at most ${max} characters.`, field);
  }
  return text;
}

function cleanMediaText(input: MediaText): Required<MediaText> {
  return {
    alt: cleanText("alt", input.alt, true),
    caption: cleanText("caption", input.caption, false),
    credit: cleanText("credit", input.credit, false),
  };
}

/** The uploaded file's name, for display only: basename, no control or bidi characters, ≤ 200. */
export function sanitiseOriginalName(name: string): string {
  const base =
    String(name ?? "")
      .split(/[/\\]/)
      .pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim();
  return Array.from(cleaned).slice(0, ORIGINAL_NAME_MAX).join("").trim();
}

// ---------------------------------------------------------------------------------------------
// Processing

/** What sharp calls each accepted type; a mismatch with the sniffed type is refused. */
const sharpFormat: Record<ImageType, string> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
  "image/avif": "heif",
  "image/gif": "gif",
};

const outputFor: Record<ImageType, { mimeType: OutputImageType; extension: ProcessedImage["extension"] }> = {
  "image/jpeg": { mimeType: "image/jpeg", extension: "jpg" },
  "image/png": { mimeType: "image/png", extension: "png" },
  "image/webp": { mimeType: "image/webp", extension: "webp" },
  "image/avif": { mimeType: "image/avif", extension: "avif" },
  // First frame only, as a PNG.
  "image/gif": { mimeType: "image/png", extension: "png" },
};

function decoder(bytes: Buffer): Sharp {
  return sharp(bytes, {
    limitInputPixels: mediaLimits.maxPixels,
    // "error" also fails on truncated data; "warning" would also refuse files with harmless decoder warnings.
    failOn: "error",
    // Animated GIF/WebP: the first frame only.
    pages: 1,
    page: 0,
  }).rotate(); // EXIF orientation
  // No withMetadata/keep*: sharp writes no EXIF, GPS, XMP or IPTC, and converts to sRGB without
  // embedding the input's ICC profile.
}

function decodeError(error: unknown): MediaError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return tooManyPixels();
  return new MediaError("invalid_image", "The image could not be read: it may be damaged or incomplete.");
}

function tooManyPixels(): MediaError {
  const megapixels = Math.round(mediaLimits.maxPixels / 1_000_000);
  return new MediaError(
    "too_many_pixels",
    `The image is too large: at most ${megapixels} megapixels and ${mediaLimits.maxSide} pixels on a side.`,
  );
}

function encode(pipeline: Sharp, type: ImageType): Sharp {
  switch (type) {
    case "image/jpeg":
      return pipeline.jpeg({ quality: 85, progressive: true, mozjpeg: true });
    case "image/png":
    case "image/gif":
      return pipeline.png();
    case "image/webp":
      return pipeline.webp({ quality: 85 });
    case "image/avif":
      return pipeline.avif({ quality: 60 });
  }
}

/**
 * Checks and processes an uploaded image. No database, no files: see storeUpload.
 * Throws MediaError for anything the uploader should be told about.
 */
export async function processUpload(input: {
  bytes: Buffer;
  originalName: string;
  alt: string;
  caption?: string;
  credit?: string;
}): Promise<ProcessedImage> {
  const { bytes } = input;
  if (bytes.length > mediaLimits.maxBytes) {
    throw new MediaError(
      "too_large",
      `The file is too large: at most ${mediaLimits.maxBytes / 1024 / 1024} MB.`,
    );
  }
  const type = sniffImageType(bytes);
  if (!type) {
    throw new MediaError("unsupported_type", "Only JPEG, PNG, WebP, AVIF and GIF images can be uploaded.");
  }
  cleanMediaText(input);

  // The header first: refuse huge or mislabelled images before decoding any pixels.
  let meta: Metadata;
  try {
    meta = await sharp(bytes, {
      limitInputPixels: mediaLimits.maxPixels,
      failOn: "error",
      pages: 1,
    }).metadata();
  } catch (error) {
    throw decodeError(error);
  }
  if (meta.format !== sharpFormat[type] || (type === "image/avif" && meta.compression !== "av1")) {
    throw new MediaError("invalid_image", "The file's contents do not match an image of its type.");
  }
  if (
    !meta.width ||
    !meta.height ||
    meta.width > mediaLimits.maxSide ||
    meta.height > mediaLimits.maxSide ||
    meta.width * meta.height > mediaLimits.maxPixels
  ) {
    throw tooManyPixels();
  }

  const output = outputFor[type];
  let original: { data: Buffer; info: OutputInfo };
  try {
    original = await encode(decoder(bytes), type).toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw decodeError(error);
  }
  const { width, height } = original.info;

  // Each variant decodes the input again: JPEG and WebP shrink on load, which is faster and far
  // smaller in memory than keeping a decoded 40-megapixel image around.
  const widths = mediaLimits.variantWidths.filter((w) => w < width).sort((a, b) => a - b);
  let variants: ProcessedVariant[];
  try {
    variants = await Promise.all(
      widths.map(async (w) => {
        const { data, info } = await decoder(bytes)
          .resize({ width: w, withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        return { width: info.width, height: info.height, data, mimeType: "image/webp" as const };
      }),
    );
  } catch (error) {
    throw decodeError(error);
  }

  return {
    mimeType: output.mimeType,
    width,
    height,
    original: original.data,
    extension: output.extension,
    variants,
  };
}

// ---------------------------------------------------------------------------------------------
// Storage

function newUploadBase(now: Date): string {
  const yyyy = String(now.getUTCFullYear());
  const mm = String(now.getUTCMonth() + 1).padStart(2, "0");
  // Hex: always a valid key segment (isValidStorageKey), unguessable, and never reused.
  return `uploads/${yyyy}/${mm}/${randomBytes(12).toString("hex")}`;
}

/**
 * Writes a processed upload to the media store and records it. Keys:
 * `uploads/<yyyy>/<mm>/<id>.<ext>` for the original and `uploads/<yyyy>/<mm>/<id>-<width>.webp`
 * for each variant.
 *
 * The files are written before the row. If the insert fails, they stay behind as orphans: nothing
 * refers to them and their random keys are never reused, so they are harmless, and a cleanup job
 * can remove files under uploads/ that no Media row names. (The media store has no delete yet.)
 */
export async function storeUpload(
  db: Db,
  processed: ProcessedImage,
  meta: { originalName: string; alt: string; caption?: string; credit?: string; uploadedById: string | null },
): Promise<Media> {
  const text = cleanMediaText(meta);
  const base = newUploadBase(new Date());
  const storageKey = `${base}.${processed.extension}`;
  const variants: MediaVariantRecord[] = processed.variants.map((v) => ({
    width: v.width,
    height: v.height,
    key: `${base}-${v.width}.webp`,
    mimeType: v.mimeType,
  }));

  await Promise.all([
    putMedia(storageKey, processed.original),
    ...processed.variants.map((v, i) => putMedia(variants[i]!.key, v.data)),
  ]);

  return db.media.create({
    data: {
      storageKey,
      originalName: sanitiseOriginalName(meta.originalName),
      mimeType: processed.mimeType,
      width: processed.width,
      height: processed.height,
      bytes: processed.original.length,
      alt: text.alt,
      caption: text.caption,
      credit: text.credit,
      variants: variants.map((v) => ({ ...v })),
      uploadedById: meta.uploadedById,
    },
  });
}

/**
 * Changes a media item's alt text, caption or credit (fields left undefined stay as they are),
 * with the same rules as an upload. Returns the updated row, or null when there is no such item.
 */
export async function updateMediaMeta(
  db: Db,
  id: string,
  patch: { alt?: string; caption?: string; credit?: string },
): Promise<Media | null> {
  const data: { alt?: string; caption?: string; credit?: string } = {};
  if (patch.alt !== undefined) data.alt = cleanText("alt", patch.alt, true);
  if (patch.caption !== undefined) data.caption = cleanText("caption", patch.caption, false);
  if (patch.credit !== undefined) data.credit = cleanText("credit", patch.credit, false);
  if (Object.keys(data).length > 0) {
    const { count } = await db.media.updateMany({ where: { id }, data });
    if (count === 0) return null;
  }
  return db.media.findUnique({ where: { id } });
}
