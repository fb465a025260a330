"use client";

import { ServerErrorView } from "@/components/site/server-error.client";
import { fontVariables } from "./fonts";
import "./globals.css";

// When the root layout itself fails (its reads need the database, and the database is down while
// their cached copies have expired). No data, so no site chrome; but the same message, title and
// the reader's theme as (site)/error.tsx, in the site's stylesheet and fonts, since React draws it
// over the server's copy of the 500 page (scripts/runtime/error-document.mjs), which has them.
export default function GlobalError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en" className={fontVariables} suppressHydrationWarning>
      <body className="min-h-screen bg-paper text-ink antialiased">
        <main id="main" className="px-4">
          <ServerErrorView retry={retry} />
        </main>
      </body>
    </html>
  );
}
