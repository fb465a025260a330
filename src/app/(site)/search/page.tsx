import type { Metadata } from "next";
import { Suspense } from "react";
import { SearchArea, type RawSearchParams } from "@/components/search/search-area";
import { SearchForm } from "@/components/search/search-form";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { getSections, getSiteSettings } from "@/server/data/articles";

// Results pages are not indexed (endless, thin, query-made URLs), but their links are followed.
// The query is not read here: metadata stays static, and the canonical URL is /search itself.
export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return pageMetadata(settings, {
    title: "Search",
    description: `Search the stories of ${settings.siteName}.`,
    path: routes.search(),
    image: "site",
    robots: { index: false, follow: true },
  });
}

// The heading is static; everything that reads the URL renders per request, the form with the
// query in it included. The static shell holds the same form, empty, as the fallback: a reader
// never sees it on a page load (the server puts the finished part in its place before the page
// goes out, scripts/runtime/streamed-boundaries.mjs), only while a client navigation streams.
export default async function SearchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const sections = await getSections();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-4xl font-bold">Search</h1>
      {/* Room for the results before they stream in, so that the footer does not jump (CLS). */}
      <div className="min-h-[80svh]">
        <Suspense
          fallback={
            <>
              <SearchForm sections={sections} />
              <p className="mt-8 text-muted">Searching…</p>
            </>
          }
        >
          <SearchArea searchParams={searchParams} sections={sections} />
        </Suspense>
      </div>
    </div>
  );
}
