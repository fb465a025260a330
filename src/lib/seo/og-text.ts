import { truncateText } from "@/lib/seo/metadata";

/**
 * Text for generated images. The card font is local and covers Latin, Greek and Cyrillic; for
 * anything else (emoji, CJK, Arabic…) the renderer would try to fetch a font or emoji images from
 * the network, so those characters are dropped instead.
 */
const emoji = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f\u20e3]/gu;
const otherScripts =
  /[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/gu;

/**
 * `drawable`: whether the card's fonts have a glyph for a code point (og-image.tsx reads their
 * character maps). Without it, only the scripts above are kept; some of Unicode's "Common"
 * characters (✓, ★, →) are in no font there either.
 */
export function cardText(text: string, max: number, drawable?: (codePoint: number) => boolean): string {
  const kept = text.replace(emoji, " ").replace(otherScripts, "");
  const drawn = drawable ? [...kept].filter((c) => /\s/.test(c) || drawable(c.codePointAt(0)!)).join("") : kept;
  return truncateText(drawn, max);
}

/** Headline size on a 1200x630 card: large for short headlines, smaller as they grow. */
export function headlineFontSize(text: string): number {
  if (text.length <= 50) return 76;
  if (text.length <= 80) return 66;
  if (text.length <= 120) return 56;
  return 48;
}

const articles = new Set(["the", "a", "an"]);

/** One letter for the app icon: "The Dell Boys" → "D". */
export function monogram(siteName: string, drawable?: (codePoint: number) => boolean): string {
  const words = siteName.trim().split(/\s+/).filter(Boolean);
  // The first word with a letter the fonts draw, not counting a leading article unless it is all there is.
  const firstLetter = (w: string) => cardText(w, 40, drawable).match(/\p{L}|\p{N}/u)?.[0];
  const letter = words.filter((w) => !articles.has(w.toLowerCase())).map(firstLetter).find(Boolean) ?? words.map(firstLetter).find(Boolean);
  return letter ? letter.toLocaleUpperCase() : "•";
}
