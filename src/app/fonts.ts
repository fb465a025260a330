import localFont from "next/font/local";

// The site's typefaces, for the root layout and the global 404 page (which has no layout).
const inter = localFont({
  src: "./fonts/inter-latin-wght.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
});
const sourceSerif = localFont({
  src: "./fonts/source-serif-4-latin-wght.woff2",
  style: "normal",
  weight: "200 900",
  variable: "--font-source-serif",
  display: "swap",
});
// Serif italics appear only where an article body has emphasis: a family of its own (globals.css
// uses it for <em> in serif text), fetched when a page shows some, not preloaded on every page
// ahead of the lead image.
const sourceSerifItalic = localFont({
  src: "./fonts/source-serif-4-latin-wght-italic.woff2",
  style: "italic",
  weight: "200 900",
  variable: "--font-source-serif-italic",
  display: "swap",
  preload: false,
});

/** The class names that define the fonts' CSS variables, for `<html>`. */
export const fontVariables = `${inter.variable} ${sourceSerif.variable} ${sourceSerifItalic.variable}`;
