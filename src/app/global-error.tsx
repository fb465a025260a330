"use client";

import { DocumentLinks } from "@/components/site/document-links.client";
import { RETRY_CLASS, SERVER_ERROR_TITLE, ServerErrorContent } from "@/components/site/error-content";
import { ThemeAfterClientRender } from "@/components/site/theme-toggle.client";
import { fontVariables } from "./fonts";
import "./globals.css";

// When the root layout itself fails (its reads need the database, and the database is down while
// their cached copies have expired). No data, so no site chrome; but the site's design, title and
// the reader's theme, as in (site)/error.tsx, since React draws it over the server's copy of the
// 500 page (scripts/runtime/error-document.mjs), which has them.
export default function GlobalError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en" className={fontVariables} suppressHydrationWarning>
      <head>
        <title>{SERVER_ERROR_TITLE}</title>
      </head>
      <body className="min-h-screen bg-paper text-ink antialiased">
        <main id="main" className="px-4">
          <ServerErrorContent
            retry={
              <button type="button" onClick={retry} className={RETRY_CLASS}>
                Try again
              </button>
            }
          />
        </main>
        <ThemeAfterClientRender />
        <DocumentLinks />
      </body>
    </html>
  );
}
