"use client";

import { DocumentLinks } from "@/components/site/document-links.client";
import { RETRY_CLASS, SERVER_ERROR_TITLE, ServerErrorContent } from "@/components/site/error-content";
import { ThemeAfterClientRender } from "@/components/site/theme-toggle.client";

// Unexpected failures while rendering a reader page: the site's design, a retry, a way on. The
// title is the page's own: a failed page has no metadata (its generateMetadata failed or never
// ran), and the whole page below the header is this message. Before the scripts run, the server's
// copy of the /500 page stands in for it (scripts/runtime/error-document.mjs); drawing over that
// copy clears the theme, which is put back, and links load their page whole, as on the 404 page.
export default function SiteError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <>
      <title>{SERVER_ERROR_TITLE}</title>
      <ServerErrorContent
        retry={
          <button type="button" onClick={retry} className={RETRY_CLASS}>
            Try again
          </button>
        }
      />
      <ThemeAfterClientRender />
      <DocumentLinks />
    </>
  );
}
