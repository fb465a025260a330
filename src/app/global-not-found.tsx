import type { Metadata } from "next";
import SiteLayout from "@/app/(site)/layout";
import { DocumentLinks } from "@/components/site/document-links.client";
import { NOT_FOUND_TITLE, NotFoundContent } from "@/components/site/error-content";
import { HtmlDocument } from "./html-document";
import { generateMetadata as rootMetadata } from "./layout";
import "./globals.css";

// URLs no route matches: the site's 404 page, in its chrome. A global not-found page rather than
// app/not-found.tsx, which Next.js sends (header, navigation and footer included, 7 KB) in the
// payload of every page of the site, to show if a client navigation found nothing.
// No layout's metadata reaches this page: the root layout's (site URL, feeds) is taken here.
export async function generateMetadata(): Promise<Metadata> {
  return { ...(await rootMetadata()), title: NOT_FOUND_TITLE };
}

export default function GlobalNotFound() {
  return (
    <HtmlDocument>
      <SiteLayout>
        <NotFoundContent />
      </SiteLayout>
      <DocumentLinks />
    </HtmlDocument>
  );
}
