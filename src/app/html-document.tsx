import { getSiteSettings } from "@/server/data/articles";
import { THEME_INIT_SCRIPT } from "../../scripts/runtime/theme-init.mjs";
import { fontVariables } from "./fonts";

/** `<html>`, `<head>` and `<body>` of every page: the root layout's, and the global 404 page's (which has none). */
export async function HtmlDocument({ children }: { children: React.ReactNode }) {
  const settings = await getSiteSettings();
  return (
    <html lang={settings.language} className={fontVariables} suppressHydrationWarning>
      <head>
        {/* Sets the theme before first paint: no flash of the wrong theme. Inline, so no request. */}
        {/* A constant of ours, never data: the policy names it by its hash (http-policy.mjs). */}
        {/* eslint-disable-next-line react/no-danger */}
        <script dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-paper text-ink antialiased">{children}</body>
    </html>
  );
}
