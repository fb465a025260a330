import type { Metadata } from "next";
import { RETRY_CLASS, SERVER_ERROR_TITLE, ServerErrorContent } from "@/components/site/error-content";

// Never linked: the server writes this page into the empty document Next.js sends when a reader
// page fails to render (500), so that the reader sees the message before any script runs, or
// without scripts (scripts/runtime/error-document.mjs). Rendered ahead and cached like the 410
// page, so it is there while the database is not.
export const metadata: Metadata = { title: { absolute: SERVER_ERROR_TITLE }, robots: { index: false } };

export default function ServerErrorPage() {
  return (
    <ServerErrorContent
      retry={
        // An empty address is the document's own: the page that failed, asked for again.
        <a href="" className={RETRY_CLASS}>
          Try again
        </a>
      }
    />
  );
}
