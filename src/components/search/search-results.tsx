import Link from "next/link";
import { notFound } from "next/navigation";
import { CardDateline } from "@/components/front/article-card";
import { HighlightedText } from "@/components/search/highlighted-text";
import { Pagination } from "@/components/site/pagination";
import { routes, type SearchSort } from "@/lib/routes";
import type { SectionLink } from "@/server/data/articles";
import { getSearchNamePages, getSearchResults, type NamePage, type SearchResult } from "@/server/data/search";

/** A link shaped as a button-sized chip (sections to browse, the pages a search names). */
const CHIP = "inline-flex min-h-11 items-center rounded-sm border border-rule px-3 text-ink no-underline hover:border-accent";

/** One page of results for a (normalised, non-empty) query; a page past the last does not exist. */
export async function SearchResults({
  q,
  section,
  sort,
  page,
  sections,
}: {
  q: string;
  section: SectionLink | undefined;
  sort: SearchSort;
  page: number;
  sections: SectionLink[];
}) {
  const [found, names] = await Promise.all([getSearchResults(q, section?.slug, page, sort), page === 1 ? getSearchNamePages(q) : null]);
  if (!found) notFound();
  const where = section ? ` in ${section.name}` : "";

  if (found.total === 0) {
    return (
      <section aria-labelledby="search-results-heading" className="mt-8">
        <h2 id="search-results-heading" className="font-serif text-2xl font-bold break-words">
          No results for &ldquo;{q}&rdquo;{where}
        </h2>
        <p className="mt-3 text-muted">Check the spelling or try fewer or different words.</p>
        {section ? (
          <p className="mt-3">
            <Link prefetch={false} href={routes.search({ q })} className="font-semibold text-accent-ink">
              Search all sections for &ldquo;{q}&rdquo;
            </Link>
          </p>
        ) : null}
        <h3 className="mt-6 text-sm font-bold uppercase tracking-widest">Or browse a section</h3>
        <ul className="mt-3 flex flex-wrap gap-2">
          {sections.map((s) => (
            <li key={s.slug}>
              <Link prefetch={false} href={routes.section(s.slug)} className={CHIP}>
                {s.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  // Past the cap only the newest are ranked and shown (search-queries.ts, SEARCH_CAP).
  const count = found.more
    ? `More than ${found.total.toLocaleString("en-GB")} results`
    : `${found.total.toLocaleString("en-GB")} ${found.total === 1 ? "result" : "results"}`;
  return (
    <section aria-labelledby="search-results-heading" className="mt-8">
      <h2 id="search-results-heading" className="font-serif text-2xl font-bold break-words">
        {count} for &ldquo;{q}&rdquo;{where}
      </h2>
      {found.more ? (
        <p className="mt-1 text-sm text-muted">
          The {found.total.toLocaleString("en-GB")} most recent are shown, {sort === "newest" ? "newest" : "best match"} first. Add a word to narrow the search.
        </p>
      ) : null}
      {found.totalPages > 1 ? (
        <p className="mt-1 text-sm text-muted">
          Page {found.page} of {found.totalPages}
        </p>
      ) : null}
      {names ? <NamePages tags={names.tags} authors={names.authors} /> : null}
      {found.total > 1 ? <SortSwitch current={sort} href={(to) => routes.search({ q, section: section?.slug, sort: to })} /> : null}
      <ol className="mt-4">
        {found.results.map((r) => (
          <li key={r.id} className="border-t border-rule py-5">
            <SearchHit result={r} />
          </li>
        ))}
      </ol>
      <Pagination
        page={found.page}
        totalPages={found.totalPages}
        href={(n) => routes.search({ q, section: section?.slug, sort, page: n })}
      />
    </section>
  );
}

/** Best match first or newest first: links (they work without JavaScript), the current one marked. */
function SortSwitch({ current, href }: { current: SearchSort; href: (sort: SearchSort) => string }) {
  const orders: [SearchSort, string][] = [
    ["relevance", "Best match"],
    ["newest", "Newest"],
  ];
  return (
    <nav aria-label="Sort results" className="mt-4 flex items-center gap-1 text-sm">
      <span className="mr-2 text-muted">Sort by</span>
      {orders.map(([sort, label]) =>
        sort === current ? (
          <span key={sort} aria-current="true" className="inline-flex min-h-11 items-center rounded-sm bg-ink px-3 font-semibold text-paper">
            {label}
          </span>
        ) : (
          <Link key={sort} prefetch={false} href={href(sort)} className="inline-flex min-h-11 items-center rounded-sm px-3 font-semibold text-accent-ink">
            {label}
          </Link>
        ),
      )}
    </nav>
  );
}

/** The tag and writer pages the query names, first on page 1. */
function NamePages({ tags, authors }: { tags: NamePage[]; authors: NamePage[] }) {
  if (tags.length === 0 && authors.length === 0) return null;
  return (
    <ul aria-label="Pages for this search" className="mt-4 flex flex-wrap gap-2">
      {tags.map((t) => (
        <li key={`tag-${t.slug}`}>
          <Link prefetch={false} href={routes.tag(t.slug)} className={CHIP}>
            All stories tagged &ldquo;{t.name}&rdquo;
          </Link>
        </li>
      ))}
      {authors.map((a) => (
        <li key={`author-${a.slug}`}>
          <Link prefetch={false} href={routes.author(a.slug)} className={CHIP}>
            All stories by {a.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function SearchHit({ result }: { result: SearchResult }) {
  return (
    <article className="flex flex-col gap-2">
      <p className="text-xs font-bold uppercase tracking-wide text-accent-ink">{result.section.name}</p>
      <h3 className="font-serif text-xl font-bold leading-snug">
        <Link prefetch={false} href={result.url} className="text-ink no-underline hover:underline">
          {result.headline}
        </Link>
      </h3>
      {result.snippet.length ? (
        <p className="text-base text-muted">
          <HighlightedText segments={result.snippet} />
        </p>
      ) : result.standfirst ? (
        <p className="text-base text-muted">{result.standfirst}</p>
      ) : null}
      <CardDateline article={result} />
    </article>
  );
}
