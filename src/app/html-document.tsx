import { getSiteSettings } from "@/server/data/articles";
import { fontVariables } from "./fonts";

/** `<html>`, `<head>` and `<body>` of every page: the root layout's, and the global 404 page's (which has none). */
export async function HtmlDocument({ children }: { children: React.ReactNode }) {
  const settings = await getSiteSettings();
  return (
    <html lang={settings.language} className={fontVariables} suppressHydrationWarning>
      <head>
        {/* Sets the theme before first paint: no flash of the wrong theme. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts */}
        <script src="/theme-init.js" />
      </head>
      <body className="min-h-screen bg-paper text-ink antialiased">{children}</body>
    </html>
  );
}
