import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { feedAlternates, ogLocale } from "@/lib/seo/metadata";
import { getSiteSettings } from "@/server/data/articles";
import "./globals.css";

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

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return {
    metadataBase: new URL(settings.siteUrl),
    title: { default: settings.siteName, template: `%s | ${settings.siteName}` },
    description: settings.tagline,
    applicationName: settings.siteName,
    // Pages replace these with their own (Next.js merges metadata shallowly); they are the
    // fallback for pages that set none, such as the not-found page.
    alternates: { types: feedAlternates(settings) },
    openGraph: {
      type: "website",
      siteName: settings.siteName,
      locale: ogLocale(settings.language),
      title: settings.siteName,
      description: settings.tagline,
    },
    twitter: { card: "summary_large_image" },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#111318" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const settings = await getSiteSettings();
  return (
    <html lang={settings.language} className={`${inter.variable} ${sourceSerif.variable} ${sourceSerifItalic.variable}`} suppressHydrationWarning>
      <head>
        {/* Sets the theme before first paint: no flash of the wrong theme. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts */}
        <script src="/theme-init.js" />
      </head>
      <body className="min-h-screen bg-paper text-ink antialiased">{children}</body>
    </html>
  );
}
