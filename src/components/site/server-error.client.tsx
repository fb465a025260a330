"use client";

import { DocumentLinks } from "@/components/site/document-links.client";
import { RETRY_CLASS, SERVER_ERROR_TITLE, ServerErrorContent } from "@/components/site/error-content";
import { ThemeAfterClientRender } from "@/components/site/theme-toggle.client";

/**
 * What an error boundary of the reader's site shows when a render failed ((site)/error.tsx, and
 * global-error.tsx when the root layout failed too). The title is its own: a failed page has no
 * metadata (its generateMetadata failed or never ran). Before the scripts run, the server's copy
 * of the /500 page stands in for it (scripts/runtime/error-document.mjs); drawing over that copy
 * clears the theme, which is put back, and links load their page whole, as on the 404 page.
 * "Try again" is the boundary's `retry`, which asks the server again (`reset` only redraws).
 */
export function ServerErrorView({ retry }: { retry: () => void }) {
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
