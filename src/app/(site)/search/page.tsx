import type { Metadata } from "next";
import { Suspense } from "react";
import { SearchArea, type RawSearchParams } from "@/components/search/search-area";
import { SearchForm } from "@/components/search/search-form";
import { getSections } from "@/server/data/articles";

export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true } };

// The heading and an empty form are static; everything that reads the URL renders per request.
export default async function SearchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const sections = await getSections();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-4xl font-bold">Search</h1>
      <Suspense fallback={<SearchForm sections={sections} />}>
        <SearchArea searchParams={searchParams} sections={sections} />
      </Suspense>
    </div>
  );
}
