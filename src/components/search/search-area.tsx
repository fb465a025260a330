import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import type { SectionLink } from "@/server/data/articles";
import type { SearchSort } from "@/lib/routes";
import { normalizeSearchQuery } from "@/server/data/search";

export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The request-time part of /search: reads the URL, writes the form with the current query and
 * streams the results. A page number that is not a positive integer does not exist. The form is
 * keyed by the search: a client navigation to another (a suggested section) starts it afresh, one
 * to another page of the same results keeps whatever the reader has typed.
 */
export async function SearchArea({
  searchParams,
  sections,
}: {
  searchParams: Promise<RawSearchParams>;
  sections: SectionLink[];
}) {
  const params = await searchParams;
  const q = normalizeSearchQuery(first(params.q) ?? "");
  const rawPage = first(params.page);
  if (rawPage !== undefined && !/^[1-9][0-9]{0,5}$/.test(rawPage)) notFound();
  const page = rawPage === undefined ? 1 : Number(rawPage);
  // An unknown section (an old or mistyped link) searches everything rather than nothing; an
  // unknown order is the best match first.
  const section = sections.find((s) => s.slug === first(params.section));
  const sort: SearchSort = first(params.sort) === "newest" ? "newest" : "relevance";

  const form = <SearchForm key={`${q}\n${section?.slug ?? ""}`} sections={sections} q={q} section={section?.slug} sort={sort} />;
  if (!q) {
    if (page > 1) notFound();
    return (
      <>
        {form}
        <p className="mt-8 text-muted">Type a word or a phrase to search our stories.</p>
        <SearchTips />
      </>
    );
  }
  return (
    <>
      {form}
      <Suspense fallback={<p className="mt-8 text-muted">Searching…</p>}>
        <SearchResults q={q} section={section} sort={sort} page={page} sections={sections} />
      </Suspense>
    </>
  );
}

function SearchTips() {
  return (
    <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-muted">
      <li>
        Put a phrase in quotes to find those words together:{" "}
        <span className="font-mono text-ink">&ldquo;bus station&rdquo;</span>
      </li>
      <li>
        Use <span className="font-mono text-ink">or</span> for either word:{" "}
        <span className="font-mono text-ink">rovers or harriers</span>
      </li>
      <li>
        Put a minus sign before a word to leave it out:{" "}
        <span className="font-mono text-ink">budget -council</span>
      </li>
    </ul>
  );
}
