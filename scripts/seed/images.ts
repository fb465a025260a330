import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

/**
 * Demo illustrations for the seed: abstract, muted, photo-like compositions drawn as SVG and
 * encoded to JPEG with sharp. Everything derives from a hash of the seed, so the same seed always
 * gives the same bytes (for a given sharp/libvips build). No text is drawn: fonts are not reliable
 * on every machine that runs the seed.
 *
 * Every image has a soft gradient background, translucent diagonal bands and overlapping circles,
 * so alt text such as "Abstract illustration: overlapping circles and diagonal bands" is always
 * true of it.
 */

export interface DemoImage {
  data: Buffer;
  width: number;
  height: number;
  mimeType: "image/jpeg";
}

export interface DemoImageOptions {
  width?: number;
  height?: number;
}

interface Palette {
  name: string;
  /** Background from top-left to bottom-right. */
  sky: [string, string];
  /** Shape colours. */
  accents: string[];
  /** A dark tone for the lower masses and the vignette. */
  shadow: string;
  /** A light tone for highlights. */
  light: string;
}

/** Muted palettes, loosely after dusk, newsprint, harbour, stone and field photography. */
export const DEMO_PALETTES: readonly Palette[] = [
  {
    name: "harbour dusk",
    sky: ["#2f4858", "#86a3b5"],
    accents: ["#c98b6b", "#e3c6a4", "#5d7a8c", "#a65f4f"],
    shadow: "#1b2a33",
    light: "#f1e6d6",
  },
  {
    name: "newsprint",
    sky: ["#d9d3c7", "#a9a398"],
    accents: ["#3e4a52", "#b5533c", "#6f7f73", "#e8e0d0"],
    shadow: "#2b2f33",
    light: "#f5f1ea",
  },
  {
    name: "moorland",
    sky: ["#56644f", "#b6b58f"],
    accents: ["#8c6d4f", "#d8c9a3", "#3d4a3b", "#b07d62"],
    shadow: "#232b22",
    light: "#ede6cf",
  },
  {
    name: "slate and brick",
    sky: ["#3b4351", "#8e96a3"],
    accents: ["#a4523f", "#d9a679", "#5c6b7d", "#c9c2b6"],
    shadow: "#1e232b",
    light: "#efe9e1",
  },
  {
    name: "estuary morning",
    sky: ["#9fb3b8", "#e3ddd0"],
    accents: ["#4f6d73", "#c7a17a", "#7d9190", "#e6b98f"],
    shadow: "#2c3b3e",
    light: "#fbf7ef",
  },
  {
    name: "ochre afternoon",
    sky: ["#c49a5c", "#e9d7b4"],
    accents: ["#7a4e35", "#4d5b5f", "#d9b27c", "#a36b48"],
    shadow: "#3a2a1f",
    light: "#f7efe0",
  },
  {
    name: "night city",
    sky: ["#1f2433", "#4b5470"],
    accents: ["#c8a25d", "#8b6f86", "#5f7fa3", "#d9cfb8"],
    shadow: "#0f121a",
    light: "#efe4cc",
  },
  {
    name: "sea glass",
    sky: ["#6e8f8a", "#c8d5cc"],
    accents: ["#2f5450", "#d6b48c", "#9bb7b0", "#a86e5a"],
    shadow: "#1e302e",
    light: "#f2f2ea",
  },
  {
    name: "plum and stone",
    sky: ["#4a3b4e", "#a3959a"],
    accents: ["#c28e74", "#6d5a73", "#d8c3ad", "#7f8a8c"],
    shadow: "#241c27",
    light: "#f1e8e1",
  },
  {
    name: "federal",
    sky: ["#2d3a57", "#9aa5b8"],
    accents: ["#a8453f", "#e7e1d6", "#4e6487", "#c06a5e"],
    shadow: "#161d2d",
    light: "#f4f1ec",
  },
];

/** sfc32, seeded from a SHA-256 of the seed string: small, fast and fully deterministic. */
function rngFromSeed(seed: string): () => number {
  const hash = createHash("sha256").update(seed, "utf8").digest();
  let a = hash.readUInt32BE(0);
  let b = hash.readUInt32BE(4);
  let c = hash.readUInt32BE(8);
  let d = hash.readUInt32BE(12);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const round = (n: number) => Math.round(n * 10) / 10;

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length) % list.length]!;
}

/** The palette a seed will use (handy for alt text or debugging). */
export function demoPaletteName(seed: string): string {
  return DEMO_PALETTES[paletteIndex(seed)]!.name;
}

function paletteIndex(seed: string): number {
  const rand = rngFromSeed(seed);
  return Math.floor(rand() * DEMO_PALETTES.length) % DEMO_PALETTES.length;
}

/** Builds the SVG of a demo illustration (exported for tests and previews). */
export function buildDemoSvg(seed: string, width = 1600, height = 900): string {
  const rand = rngFromSeed(seed);
  const palette = DEMO_PALETTES[Math.floor(rand() * DEMO_PALETTES.length) % DEMO_PALETTES.length]!;
  const W = width;
  const H = height;
  const S = Math.min(W, H);
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const accent = () => pick(rand, palette.accents);

  const defs: string[] = [];
  const layers: string[] = [];

  // 1. Background: a diagonal gradient with a soft glow, like light through haze.
  const angle = between(0, 360);
  const ax = round(50 + 50 * Math.cos((angle * Math.PI) / 180));
  const ay = round(50 + 50 * Math.sin((angle * Math.PI) / 180));
  defs.push(
    `<linearGradient id="bg" x1="${round(100 - ax)}%" y1="${round(100 - ay)}%" x2="${ax}%" y2="${ay}%">` +
      `<stop offset="0" stop-color="${palette.sky[0]}"/><stop offset="1" stop-color="${palette.sky[1]}"/></linearGradient>`,
  );
  const glowX = round(between(0.15, 0.85) * W);
  const glowY = round(between(0.1, 0.55) * H);
  defs.push(
    `<radialGradient id="glow" cx="${glowX}" cy="${glowY}" r="${round(S * between(0.5, 0.9))}" gradientUnits="userSpaceOnUse">` +
      `<stop offset="0" stop-color="${palette.light}" stop-opacity="0.55"/>` +
      `<stop offset="1" stop-color="${palette.light}" stop-opacity="0"/></radialGradient>`,
  );
  layers.push(`<rect width="${W}" height="${H}" fill="url(#bg)"/>`);
  layers.push(`<rect width="${W}" height="${H}" fill="url(#glow)"/>`);

  // Far shapes are soft-edged and near ones crisp, for depth. The softness comes from gradients
  // rather than feGaussianBlur, which made rendering about six times slower.

  // 2. Diagonal bands across the frame, fading out at their long edges.
  const bandAngle = between(-35, 35);
  const bandCount = 2 + Math.floor(rand() * 3);
  const bands: string[] = [];
  for (let i = 0; i < bandCount; i++) {
    const y = round(between(-0.2, 1.0) * H);
    const h = round(between(0.06, 0.22) * H);
    const opacity = round(between(0.18, 0.42) * 100) / 100;
    const color = accent();
    defs.push(
      `<linearGradient id="band${i}" x1="0" y1="0" x2="0" y2="1">` +
        `<stop offset="0" stop-color="${color}" stop-opacity="0"/>` +
        `<stop offset="0.3" stop-color="${color}" stop-opacity="1"/>` +
        `<stop offset="0.7" stop-color="${color}" stop-opacity="1"/>` +
        `<stop offset="1" stop-color="${color}" stop-opacity="0"/></linearGradient>`,
    );
    bands.push(
      `<rect x="${round(-W * 0.5)}" y="${y}" width="${W * 2}" height="${h}" fill="url(#band${i})" opacity="${opacity}"/>`,
    );
  }
  layers.push(`<g transform="rotate(${round(bandAngle)} ${W / 2} ${H / 2})">${bands.join("")}</g>`);

  // 3. Large, out-of-focus circles in the distance: solid centres fading to nothing at the rim.
  const farCount = 2 + Math.floor(rand() * 2);
  const far: string[] = [];
  for (let i = 0; i < farCount; i++) {
    const color = accent();
    defs.push(
      `<radialGradient id="far${i}">` +
        `<stop offset="0" stop-color="${color}" stop-opacity="1"/>` +
        `<stop offset="0.6" stop-color="${color}" stop-opacity="0.9"/>` +
        `<stop offset="1" stop-color="${color}" stop-opacity="0"/></radialGradient>`,
    );
    far.push(
      `<circle cx="${round(between(0, 1) * W)}" cy="${round(between(0, 0.8) * H)}" r="${round(S * between(0.22, 0.5))}" ` +
        `fill="url(#far${i})" opacity="${round(between(0.35, 0.6) * 100) / 100}"/>`,
    );
  }
  layers.push(`<g>${far.join("")}</g>`);

  // 4. Lower masses: either a row of blocks (a skyline, a harbour wall) or a rolling hill.
  const groundY = between(0.62, 0.8) * H;
  if (rand() < 0.55) {
    const blocks: string[] = [];
    let x = -between(0, 0.05) * W;
    while (x < W) {
      const w = between(0.04, 0.12) * W;
      const h = between(0.08, 0.32) * H;
      const shade = rand() < 0.7 ? palette.shadow : accent();
      blocks.push(
        `<rect x="${round(x)}" y="${round(groundY - h)}" width="${round(w)}" height="${round(H - groundY + h)}" fill="${shade}" opacity="${round(between(0.55, 0.85) * 100) / 100}"/>`,
      );
      x += w * between(0.7, 1.05);
    }
    layers.push(`<g>${blocks.join("")}</g>`);
  } else {
    const peak = between(0.2, 0.8) * W;
    const rise = between(0.08, 0.2) * H;
    layers.push(
      `<path d="M0 ${round(groundY)} Q ${round(peak)} ${round(groundY - rise * 2)} ${W} ${round(groundY + rise * 0.3)} L ${W} ${H} L 0 ${H} Z" fill="${palette.shadow}" opacity="0.78"/>`,
    );
  }

  // 5. Near circles: crisp, overlapping, some only outlined.
  const nearCount = 3 + Math.floor(rand() * 4);
  const cx0 = between(0.25, 0.75) * W;
  const cy0 = between(0.3, 0.6) * H;
  const near: string[] = [];
  for (let i = 0; i < nearCount; i++) {
    const r = S * between(0.05, 0.2);
    const cx = round(cx0 + between(-0.3, 0.3) * W);
    const cy = round(cy0 + between(-0.25, 0.25) * H);
    if (rand() < 0.3) {
      near.push(
        `<circle cx="${cx}" cy="${cy}" r="${round(r)}" fill="none" stroke="${palette.light}" stroke-width="${round(S * 0.006)}" opacity="0.7"/>`,
      );
    } else {
      near.push(
        `<circle cx="${cx}" cy="${cy}" r="${round(r)}" fill="${accent()}" opacity="${round(between(0.55, 0.9) * 100) / 100}"/>`,
      );
    }
  }
  layers.push(`<g>${near.join("")}</g>`);

  // 6. A few thin rules, like wires or a horizon line.
  const lines: string[] = [];
  const lineCount = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < lineCount; i++) {
    const y = round(between(0.1, 0.9) * H);
    lines.push(
      `<line x1="0" y1="${y}" x2="${W}" y2="${round(y + between(-0.15, 0.15) * H)}" stroke="${palette.light}" stroke-width="${round(S * 0.002 + 1)}" opacity="0.35"/>`,
    );
  }
  layers.push(`<g>${lines.join("")}</g>`);

  // 7. A vignette so it reads like a photograph rather than a chart (grain is added when encoding).
  defs.push(
    `<radialGradient id="vignette" cx="50%" cy="50%" r="75%">` +
      `<stop offset="0.55" stop-color="${palette.shadow}" stop-opacity="0"/>` +
      `<stop offset="1" stop-color="${palette.shadow}" stop-opacity="0.55"/></radialGradient>`,
  );
  layers.push(`<rect width="${W}" height="${H}" fill="url(#vignette)"/>`);

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<defs>${defs.join("")}</defs>${layers.join("")}</svg>`
  );
}

/**
 * Film grain: mid-grey with small deterministic deviations, composited with "overlay" (neutral at
 * 128). Cheaper than an SVG feTurbulence filter by a wide margin.
 */
function grain(seed: string, width: number, height: number): Buffer {
  const rand = rngFromSeed(`${seed}:grain`);
  const buf = Buffer.alloc(width * height);
  for (let i = 0; i < buf.length; i++) {
    // Sum of two uniforms: a soft triangular distribution around 128.
    buf[i] = 128 + Math.round((rand() + rand() - 1) * 9);
  }
  return buf;
}

/** Renders the demo illustration for `seed` as a progressive JPEG (default 1600×900). */
export async function renderDemoImage(seed: string, opts: DemoImageOptions = {}): Promise<DemoImage> {
  const width = opts.width ?? 1600;
  const height = opts.height ?? 900;
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 16 ||
    height < 16 ||
    width > 6000 ||
    height > 6000
  ) {
    throw new Error(
      `renderDemoImage: width and height must be integers from 16 to 6000 (got ${width}×${height})`,
    );
  }
  const svg = buildDemoSvg(seed, width, height);
  const data = await sharp(Buffer.from(svg), { density: 72 })
    .resize(width, height, { fit: "fill" })
    .flatten({ background: "#808080" })
    .composite([
      {
        input: grain(seed, width, height),
        raw: { width, height, channels: 1 },
        blend: "overlay",
      },
    ])
    .jpeg({ quality: 78, progressive: true })
    .toBuffer();
  return { data, width, height, mimeType: "image/jpeg" };
}

const cacheRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../node_modules/.cache/demo-images");
let codeHash: string | undefined;

/**
 * renderDemoImage, kept on disk between seeds: tests seed many fresh databases (each e2e server,
 * the launcher's and the seed's tests), and drawing a seed's 49 images was most of its time
 * (`launcher.ts seed` on PostgreSQL, machine busy: 43.7 and 65.7 s drawing them, 15.1 and 24.5 s
 * with them kept; 2026-12-07). Named by everything the bytes depend on (this file, sharp's build,
 * the seed and the size), so a changed drawing is drawn again. `dir` null: no cache.
 */
export async function demoImage(seed: string, opts: DemoImageOptions = {}, dir: string | null = cacheRoot): Promise<DemoImage> {
  if (!dir) return renderDemoImage(seed, opts);
  codeHash ??= createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).update(JSON.stringify(sharp.versions)).digest("hex");
  const width = opts.width ?? 1600;
  const height = opts.height ?? 900;
  const name = createHash("sha256").update(`${codeHash}\n${width}x${height}\n${seed}`).digest("hex");
  const file = path.join(dir, `${name}.jpg`);
  try {
    return { data: readFileSync(file), width, height, mimeType: "image/jpeg" };
  } catch {
    const image = await renderDemoImage(seed, opts);
    try {
      mkdirSync(dir, { recursive: true });
      // Whole or not at all: another seed may be reading it meanwhile.
      const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      writeFileSync(partial, image.data);
      renameSync(partial, file);
    } catch {
      // A read-only tree: drawn each time, as without the cache.
    }
    return image;
  }
}
