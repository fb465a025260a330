import type { Metadata, Viewport } from "next";
import { feedAlternates, ogLocale } from "@/lib/seo/metadata";
import { getSiteSettings } from "@/server/data/articles";
import { HtmlDocument } from "./html-document";
import "./globals.css";

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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return <HtmlDocument>{children}</HtmlDocument>;
}
