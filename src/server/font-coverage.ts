import "server-only";
import { inflateSync } from "node:zlib";

/**
 * The code points a WOFF (1.0) font has a glyph for, from its cmap table: format 12 (every Unicode
 * plane) when the font has one, else format 4 (the Basic Multilingual Plane). For the generated
 * images (og-image.tsx): a character no font there can draw makes the renderer fetch a font from
 * the network (and log a failure offline), then draw a box.
 */
export function woffCodePoints(woff: Buffer): Set<number> {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("not a WOFF font");
  const tables = woff.readUInt16BE(12);
  for (let i = 0; i < tables; i++) {
    const entry = 44 + i * 20;
    if (woff.toString("latin1", entry, entry + 4) !== "cmap") continue;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(offset, offset + compressed);
    return cmapCodePoints(compressed < length ? inflateSync(raw) : raw);
  }
  throw new Error("the font has no cmap table");
}

function cmapCodePoints(cmap: Buffer): Set<number> {
  const subtables = new Map<number, number>(); // format → offset of its first Unicode subtable
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const record = 4 + i * 8;
    const platform = cmap.readUInt16BE(record);
    const encoding = cmap.readUInt16BE(record + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    const at = cmap.readUInt32BE(record + 4);
    const format = cmap.readUInt16BE(at);
    if (unicode && !subtables.has(format)) subtables.set(format, at);
  }
  const points = new Set<number>();
  const format12 = subtables.get(12);
  if (format12 !== undefined) {
    for (let g = 0; g < cmap.readUInt32BE(format12 + 12); g++) {
      const group = format12 + 16 + g * 12;
      const [first, last, glyph] = [cmap.readUInt32BE(group), cmap.readUInt32BE(group + 4), cmap.readUInt32BE(group + 8)];
      for (let c = first; c <= last; c++) if (glyph + (c - first) !== 0) points.add(c);
    }
    return points;
  }
  const at = subtables.get(4);
  if (at === undefined) throw new Error("the font has no Unicode cmap of format 4 or 12");
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const [start, end] = [cmap.readUInt16BE(starts + s * 2), cmap.readUInt16BE(ends + s * 2)];
    const delta = cmap.readInt16BE(deltas + s * 2);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      const glyph = rangeOffset === 0 ? (c + delta) & 0xffff : glyphAt(cmap, rangeOffsets + s * 2 + rangeOffset + (c - start) * 2, delta);
      if (glyph !== 0) points.add(c);
    }
  }
  return points;
}

function glyphAt(cmap: Buffer, at: number, delta: number): number {
  const glyph = cmap.readUInt16BE(at);
  return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
}
