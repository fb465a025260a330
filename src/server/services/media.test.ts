import "server-only";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  MediaError,
  mediaLimits,
  processUpload,
  sanitiseOriginalName,
  sniffImageType,
} from "@/server/services/media";

// Processing only (no database, no files): tests/media-service.test.ts covers storing.

const ALT = "A test image";

/** A red image with a blue square in its top-left corner, as stored (before any EXIF orientation). */
function marked(width: number, height: number, channels: 3 | 4 = 3) {
  return sharp({ create: { width, height, channels, background: "#ff0000" } }).composite([
    { input: { create: { width: 40, height: 40, channels, background: "#0000ff" } }, top: 0, left: 0 },
  ]);
}

/** A JPEG from a camera held upright: orientation 6, GPS coordinates, a camera make and XMP. */
async function cameraJpeg(width: number, height: number): Promise<Buffer> {
  return marked(width, height)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "SecretCam", Model: "Model X", Artist: "Jane Source" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "51/1 30/1 1234/100",
        GPSLongitudeRef: "W",
        GPSLongitude: "0/1 7/1 4000/100",
      },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jane Source</dc:creator></rdf:Description>' +
        "</rdf:RDF></x:xmpmeta>",
    )
    .toBuffer();
}

/** The GPS IFD pointer tag (0x8825) in either byte order. */
const hasGpsPointer = (exif: Buffer) =>
  exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

const isBlue = ([r, g, b]: number[]) => b! > 200 && r! < 60 && g! < 60;
const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;

async function expectNoMetadata(image: Buffer) {
  const meta = await sharp(image).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.orientation).toBeUndefined();
}

async function expectMediaError(
  promise: Promise<unknown>,
  code: MediaError["code"],
  status: number,
  field?: string,
) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  expect(error).toMatchObject({ code, status });
  if (field) expect((error as MediaError).field).toBe(field);
  return error as MediaError;
}

/** A PNG that is only a header claiming the given size (and an empty image stream). */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("sniffImageType", () => {
  it("recognises the accepted types by their magic bytes", async () => {
    const img = marked(64, 64);
    expect(sniffImageType(await img.clone().jpeg().toBuffer())).toBe("image/jpeg");
    expect(sniffImageType(await img.clone().png().toBuffer())).toBe("image/png");
    expect(sniffImageType(await img.clone().webp().toBuffer())).toBe("image/webp");
    expect(sniffImageType(await img.clone().avif().toBuffer())).toBe("image/avif");
    expect(sniffImageType(await img.clone().gif().toBuffer())).toBe("image/gif");
    expect(sniffImageType(Buffer.from("GIF87a\x01\x00\x01\x00", "latin1"))).toBe("image/gif");
  });

  it("refuses everything else, whatever it claims to be", () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
    const samples = [
      Buffer.alloc(0),
      Buffer.from([0xff, 0xd8]),
      Buffer.from(svg),
      Buffer.from(`<?xml version="1.0"?>${svg}`),
      Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>"),
      Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"),
      Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ", "latin1"),
      // HEIC, not AVIF.
      Buffer.from("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "latin1"),
      // An ftyp box claiming to be longer than the file.
      Buffer.from("\x00\x00\x01\x00ftypavif", "latin1"),
      Buffer.from("BM\x00\x00\x00\x00", "latin1"),
      Buffer.from("II*\x00\x08\x00\x00\x00", "latin1"),
    ];
    for (const sample of samples) expect(sniffImageType(sample)).toBeNull();
  });
});

describe("processUpload", () => {
  it("applies the EXIF orientation and strips EXIF, GPS and XMP from the original and every variant", async () => {
    const bytes = await cameraJpeg(1200, 600);
    // The fixture really carries what must go.
    const input = await sharp(bytes).metadata();
    expect(input.orientation).toBe(6);
    expect(input.exif && hasGpsPointer(input.exif)).toBe(true);
    expect(input.exif!.toString("latin1")).toContain("SecretCam");
    expect(input.xmp).toBeDefined();

    const out = await processUpload({ bytes, originalName: "IMG_0001.JPG", alt: ALT });
    expect(out).toMatchObject({ mimeType: "image/jpeg", extension: "jpg", width: 600, height: 1200 });
    const meta = await sharp(out.original).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 600, height: 1200 });
    await expectNoMetadata(out.original);
    expect(out.original.includes(Buffer.from("SecretCam"))).toBe(false);
    expect(out.original.includes(Buffer.from("Jane Source"))).toBe(false);
    // Rotated 90° clockwise: the blue corner is now top-right.
    expect(isBlue(await pixel(out.original, 599, 0))).toBe(true);
    expect(isRed(await pixel(out.original, 0, 0))).toBe(true);

    // Variant widths follow the oriented width (600): only 480.
    expect(out.variants.map((v) => [v.width, v.height, v.mimeType])).toEqual([[480, 960, "image/webp"]]);
    for (const variant of out.variants) {
      const vm = await sharp(variant.data).metadata();
      expect(vm).toMatchObject({ format: "webp", width: variant.width, height: variant.height });
      await expectNoMetadata(variant.data);
      expect(variant.data.includes(Buffer.from("SecretCam"))).toBe(false);
      expect(isBlue(await pixel(variant.data, variant.width - 1, 0))).toBe(true);
    }
  });

  it("keeps a PNG a PNG (with its transparency) and makes every variant narrower than it", async () => {
    const bytes = await sharp({
      create: { width: 2000, height: 1000, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const out = await processUpload({ bytes, originalName: "chart.png", alt: ALT });
    expect(out).toMatchObject({ mimeType: "image/png", extension: "png", width: 2000, height: 1000 });
    const meta = await sharp(out.original).metadata();
    expect(meta).toMatchObject({ format: "png", width: 2000, height: 1000, hasAlpha: true });
    expect(out.variants.map((v) => [v.width, v.height])).toEqual([
      [480, 240],
      [960, 480],
      [1600, 800],
    ]);
    expect((await sharp(out.variants[0]!.data).metadata()).hasAlpha).toBe(true);
  });

  it("never upscales: no variant at or above the image's own width", async () => {
    const small = await processUpload({
      bytes: await marked(300, 200).png().toBuffer(),
      originalName: "s.png",
      alt: ALT,
    });
    expect(small.variants).toEqual([]);
    expect([small.width, small.height]).toEqual([300, 200]);

    const exact = await processUpload({
      bytes: await marked(960, 500).jpeg().toBuffer(),
      originalName: "e.jpg",
      alt: ALT,
    });
    expect(exact.variants.map((v) => v.width)).toEqual([480]);

    const between = await processUpload({
      bytes: await marked(1000, 500).webp().toBuffer(),
      originalName: "b.webp",
      alt: ALT,
    });
    expect(between).toMatchObject({ mimeType: "image/webp", extension: "webp" });
    expect(between.variants.map((v) => [v.width, v.height])).toEqual([
      [480, 240],
      [960, 480],
    ]);
  });

  it("turns a GIF into a PNG of its first frame", async () => {
    const frame = (colour: string) =>
      sharp({ create: { width: 600, height: 300, channels: 3, background: colour } })
        .png()
        .toBuffer();
    const bytes = await sharp([await frame("#ff0000"), await frame("#0000ff")], { join: { animated: true } })
      .gif()
      .toBuffer();
    expect((await sharp(bytes).metadata()).pages).toBe(2);

    const out = await processUpload({ bytes, originalName: "anim.gif", alt: ALT });
    expect(out).toMatchObject({ mimeType: "image/png", extension: "png", width: 600, height: 300 });
    const meta = await sharp(out.original).metadata();
    expect(meta).toMatchObject({ format: "png", width: 600, height: 300 });
    expect(meta.pages ?? 1).toBe(1);
    expect(isRed(await pixel(out.original, 10, 10))).toBe(true);
    expect(out.variants.map((v) => [v.width, v.height])).toEqual([[480, 240]]);
  });

  it("accepts AVIF and keeps it AVIF", async () => {
    const out = await processUpload({
      bytes: await marked(500, 250).avif().toBuffer(),
      originalName: "a.avif",
      alt: ALT,
    });
    expect(out).toMatchObject({ mimeType: "image/avif", extension: "avif", width: 500, height: 250 });
    expect((await sharp(out.original).metadata()).format).toBe("heif");
    expect(out.variants.map((v) => v.width)).toEqual([480]);
  });

  it("refuses an SVG even when it is named .png (415)", async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100"/></svg>',
    );
    await expectMediaError(
      processUpload({ bytes: svg, originalName: "logo.png", alt: ALT }),
      "unsupported_type",
      415,
    );
  });

  it("refuses an HTML file named .jpg (415)", async () => {
    const html = Buffer.from("<html><body><img src=x onerror=alert(1)></body></html>");
    await expectMediaError(
      processUpload({ bytes: html, originalName: "photo.jpg", alt: ALT }),
      "unsupported_type",
      415,
    );
  });

  it("refuses a truncated JPEG (422 invalid_image)", async () => {
    const noisy = await sharp({
      create: {
        width: 800,
        height: 600,
        channels: 3,
        background: "#888",
        noise: { type: "gaussian", mean: 128, sigma: 40 },
      },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    const truncated = noisy.subarray(0, Math.floor(noisy.length * 0.6));
    expect(sniffImageType(truncated)).toBe("image/jpeg");
    await expectMediaError(
      processUpload({ bytes: truncated, originalName: "cut.jpg", alt: ALT }),
      "invalid_image",
      422,
    );
  });

  it("refuses a file whose magic bytes are followed by garbage (422 invalid_image)", async () => {
    const garbage = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from("not a png at all"),
    ]);
    await expectMediaError(
      processUpload({ bytes: garbage, originalName: "x.png", alt: ALT }),
      "invalid_image",
      422,
    );
  });

  it("refuses a PNG claiming 20,000 × 20,000 pixels without decoding it (422 too_many_pixels)", async () => {
    const started = Date.now();
    await expectMediaError(
      processUpload({ bytes: pngHeader(20_000, 20_000), originalName: "huge.png", alt: ALT }),
      "too_many_pixels",
      422,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("refuses an image longer than maxSide on one side even under the pixel budget", async () => {
    const bytes = await sharp({
      create: { width: mediaLimits.maxSide + 1, height: 8, channels: 3, background: "#fff" },
    })
      .png()
      .toBuffer();
    await expectMediaError(
      processUpload({ bytes, originalName: "strip.png", alt: ALT }),
      "too_many_pixels",
      422,
    );
  });

  it("refuses more bytes than maxBytes before looking at them (413)", async () => {
    const bytes = Buffer.alloc(mediaLimits.maxBytes + 1);
    bytes.set([0xff, 0xd8, 0xff]);
    await expectMediaError(processUpload({ bytes, originalName: "big.jpg", alt: ALT }), "too_large", 413);
  });

  it("checks the text fields (422 invalid_field with the field's name)", async () => {
    const bytes = await marked(64, 64).png().toBuffer();
    await expectMediaError(
      processUpload({ bytes, originalName: "a.png", alt: "" }),
      "invalid_field",
      422,
      "alt",
    );
    await expectMediaError(
      processUpload({ bytes, originalName: "a.png", alt: "  \n\t " }),
      "invalid_field",
      422,
      "alt",
    );
    await expectMediaError(
      processUpload({ bytes, originalName: "a.png", alt: "x".repeat(501) }),
      "invalid_field",
      422,
      "alt",
    );
    await expectMediaError(
      processUpload({ bytes, originalName: "a.png", alt: ALT, caption: "x".repeat(501) }),
      "invalid_field",
      422,
      "caption",
    );
    await expectMediaError(
      processUpload({ bytes, originalName: "a.png", alt: ALT, credit: "x".repeat(201) }),
      "invalid_field",
      422,
      "credit",
    );
    // At the limits (after trimming) is fine.
    await expect(
      processUpload({
        bytes,
        originalName: "a.png",
        alt: ` ${"x".repeat(500)} `,
        caption: "c".repeat(500),
        credit: "c".repeat(200),
      }),
    ).resolves.toMatchObject({ width: 64 });
  });

  it("checks size, then type, then fields", async () => {
    const html = Buffer.from("<html></html>");
    await expectMediaError(
      processUpload({ bytes: html, originalName: "a.jpg", alt: "" }),
      "unsupported_type",
      415,
    );
    await expectMediaError(
      processUpload({ bytes: Buffer.alloc(mediaLimits.maxBytes + 1), originalName: "a.jpg", alt: "" }),
      "too_large",
      413,
    );
  });
});

describe("sanitiseOriginalName", () => {
  it("keeps the basename only, without control or bidi characters, at most 200 characters", () => {
    expect(sanitiseOriginalName("C:\\Users\\jane\\Desktop\\photo.jpg")).toBe("photo.jpg");
    expect(sanitiseOriginalName("../../etc/passwd")).toBe("passwd");
    expect(sanitiseOriginalName("bad\u0000na\u001fme\u007f.png")).toBe("badname.png");
    expect(sanitiseOriginalName("invoice\u202Egpj.exe")).toBe("invoicegpj.exe");
    expect(sanitiseOriginalName("  spaced.png  ")).toBe("spaced.png");
    expect(Array.from(sanitiseOriginalName("é".repeat(300)))).toHaveLength(200);
  });
});
