import type { Metadata } from "next";
import { DocumentLinks } from "@/components/site/document-links.client";
import { NOT_FOUND_TITLE, NotFoundContent } from "@/components/site/error-content";
import { ThemeAfterClientRender } from "@/components/site/theme-toggle.client";

// The title the page takes once its scripts have drawn it; before, the server's copy of the
// global not-found page (scripts/runtime/error-document.mjs) has the same one.
export const metadata: Metadata = { title: { absolute: NOT_FOUND_TITLE } };

// Inside the site layout: header, navigation and footer come from (site)/layout.tsx.
export default function SiteNotFound() {
  return (
    <>
      <NotFoundContent />
      <ThemeAfterClientRender />
      <DocumentLinks />
    </>
  );
}
