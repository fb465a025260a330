"use client";

import Link from "next/link";

// Unexpected failures while rendering a reader page: the site's design, a retry, a way on.
export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <p className="text-sm font-bold uppercase tracking-wide text-accent-ink">Error 500</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Something went wrong on our side</h1>
      <p className="mt-4 text-lg text-muted">
        Please try again in a moment. If it keeps happening, the newsroom has been told.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={reset}
          className="min-h-11 rounded-sm bg-ink px-4 font-semibold text-paper"
        >
          Try again
        </button>
        <form action="/search" method="get" role="search" className="flex gap-2">
          <label htmlFor="error-q" className="sr-only">
            Search the site
          </label>
          <input
            id="error-q"
            name="q"
            type="search"
            placeholder="Search the site"
            className="min-h-11 min-w-0 rounded-sm border border-muted bg-paper px-3 text-ink"
          />
          <button type="submit" className="min-h-11 rounded-sm border border-ink px-4 font-semibold text-ink">
            Search
          </button>
        </form>
      </div>
      <p className="mt-8">
        <Link prefetch={false} href="/" className="font-semibold text-accent-ink">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}
