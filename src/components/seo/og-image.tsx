import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ReactElement } from "react";
import { ImageResponse } from "next/og";
import { OG_IMAGE_SIZE } from "@/lib/seo/metadata";
import { cardText as anyText, headlineFontSize, monogram as anyMonogram } from "@/lib/seo/og-text";
import { woffCodePoints } from "@/server/font-coverage";

/**
 * Generated images: Open Graph cards (1200x630), the publisher logo and the app icon, drawn with
 * next/og in the site's serif. Fonts are read from the installed @fontsource package (satori reads
 * WOFF, not WOFF2): nothing is fetched at run time. Callers cache the PNG bytes ('use cache'),
 * tagged by the data they show, so an image is drawn once per change, not once per request.
 */

const colors = { paper: "#ffffff", ink: "#16181d", muted: "#4b5261", accent: "#b3001b" };

// Every subset the font has, so that accented, Greek, Cyrillic and Vietnamese letters are drawn
// too. Satori uses one font per family name and weight, so each subset is a family of its own and
// the font-family list below is the fallback chain (a glyph missing from all of them would make
// the renderer try to fetch a font from the network).
const subsets = ["latin", "latin-ext", "greek", "cyrillic", "cyrillic-ext", "vietnamese"];
const weights = [400, 700] as const;
const family = (subset: string) => `SourceSerif4-${subset}`;
const fontFamily = subsets.map(family).join(", ");
const fontDir = path.join(process.cwd(), "node_modules", "@fontsource", "source-serif-4", "files");

type Font = { name: string; data: Buffer; weight: (typeof weights)[number]; style: "normal" };

/**
 * The fonts, read once (175 KB in all), on the first card: both for the renderer and for
 * the characters they can draw, which the card's text needs before it is rendered.
 */
let fonts: Font[] | undefined;
function loadFonts(): Font[] {
  fonts ??= subsets.flatMap((subset) =>
    weights.map((weight) => ({
      name: family(subset),
      data: readFileSync(path.join(fontDir, `source-serif-4-${subset}-${weight}-normal.woff`)),
      weight,
      style: "normal" as const,
    })),
  );
  return fonts;
}

/** The characters every weight can draw in some subset (from the fonts' character maps). */
let drawable: Set<number> | undefined;
function canDraw(codePoint: number): boolean {
  drawable ??= (() => {
    const [first, ...others] = weights.map((weight) => new Set(loadFonts().filter((f) => f.weight === weight).flatMap((f) => [...woffCodePoints(f.data)])));
    return new Set([...first!].filter((c) => others.every((set) => set.has(c))));
  })();
  return drawable.has(codePoint);
}
/** Text as the card fonts can draw it: emoji and characters without a glyph are left out (og-text.ts). */
const cardText = (text: string, max: number) => anyText(text, max, canDraw);
const monogram = (siteName: string) => anyMonogram(siteName, canDraw);

/** Draws `element` as a PNG. */
export async function renderPng(
  element: ReactElement,
  size: { width: number; height: number } = OG_IMAGE_SIZE,
) {
  const response = new ImageResponse(element, { ...size, fonts: loadFonts() });
  return new Uint8Array(await response.arrayBuffer());
}

/** A PNG response; `max-age` is short because a headline can be corrected under the same URL. */
export function pngResponse(png: Uint8Array): Response {
  return new Response(png as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "image/png",
      "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export function imageNotFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The frame shared by every card: a red rule on top, the content, the site name at the foot. */
function Frame({
  siteName,
  footnote,
  children,
}: {
  siteName: string;
  footnote?: string;
  children: ReactElement;
}) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        background: colors.paper,
        color: colors.ink,
        fontFamily,
        borderTop: `16px solid ${colors.accent}`,
        padding: "56px 72px 48px",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, justifyContent: "center" }}>
        {children}
      </div>
      <div
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          borderTop: `2px solid ${colors.ink}`,
          paddingTop: 24,
        }}
      >
        <div style={{ fontSize: 40, fontWeight: 700, letterSpacing: -0.5 }}>{cardText(siteName, 40)}</div>
        {footnote ? <div style={{ fontSize: 28, color: colors.muted }}>{cardText(footnote, 50)}</div> : null}
      </div>
    </div>
  );
}

function Kicker({ text }: { text: string }) {
  return (
    <div
      style={{
        fontSize: 30,
        fontWeight: 700,
        color: colors.accent,
        textTransform: "uppercase",
        letterSpacing: 2,
      }}
    >
      {cardText(text, 40)}
    </div>
  );
}

export function ArticleCardImage(props: {
  siteName: string;
  section: string;
  headline: string;
  byline?: string;
}) {
  const headline = cardText(props.headline, 160);
  return (
    <Frame siteName={props.siteName} footnote={props.byline}>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <Kicker text={props.section} />
        <div
          style={{
            display: "block",
            lineClamp: 4,
            marginTop: 20,
            fontSize: headlineFontSize(headline),
            fontWeight: 700,
            lineHeight: 1.12,
            letterSpacing: -1,
          }}
        >
          {headline}
        </div>
      </div>
    </Frame>
  );
}

export function SectionCardImage(props: { siteName: string; name: string; description: string }) {
  return (
    <Frame siteName={props.siteName}>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <Kicker text="Section" />
        <div style={{ marginTop: 16, fontSize: 112, fontWeight: 700, lineHeight: 1.05, letterSpacing: -2 }}>
          {cardText(props.name, 30)}
        </div>
        {props.description ? (
          <div
            style={{
              display: "block",
              lineClamp: 2,
              marginTop: 24,
              fontSize: 36,
              color: colors.muted,
              lineHeight: 1.3,
            }}
          >
            {cardText(props.description, 160)}
          </div>
        ) : null}
      </div>
    </Frame>
  );
}

export function SiteCardImage(props: { siteName: string; tagline: string }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        alignItems: "center",
        justifyContent: "center",
        background: colors.paper,
        color: colors.ink,
        fontFamily,
        borderTop: `16px solid ${colors.accent}`,
        borderBottom: `16px solid ${colors.accent}`,
        padding: "0 72px",
        textAlign: "center",
      }}
    >
      <div style={{ fontSize: 120, fontWeight: 700, letterSpacing: -3, lineHeight: 1.05 }}>
        {cardText(props.siteName, 30)}
      </div>
      {props.tagline ? (
        <div style={{ marginTop: 28, fontSize: 40, color: colors.muted }}>{cardText(props.tagline, 80)}</div>
      ) : null}
    </div>
  );
}

/** The publisher logo for structured data: the site name as a wordmark, fitted into 600x60. */
export function WordmarkImage({ siteName }: { siteName: string }) {
  const name = cardText(siteName, 40);
  // Source Serif bold averages about 0.5em per character: shrink long names to fit the width.
  const fontSize = Math.max(20, Math.min(44, Math.floor(560 / (name.length * 0.5))));
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: colors.paper,
        color: colors.ink,
        fontFamily,
        fontSize,
        fontWeight: 700,
        letterSpacing: -0.5,
      }}
    >
      {name}
    </div>
  );
}

/** The app icon: the site's first letter in white on the accent colour. */
export function MonogramImage({ siteName, size }: { siteName: string; size: number }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: colors.accent,
        color: "#ffffff",
        fontFamily,
        fontSize: Math.round(size * 0.78),
        fontWeight: 700,
        lineHeight: 1,
        borderRadius: Math.round(size * 0.18),
      }}
    >
      {monogram(siteName)}
    </div>
  );
}
