import Link from "next/link";
import { routes } from "@/lib/routes";

/** The 404 message in the site's design, with a way on: search and the front page. */
export function NotFoundContent() {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <p className="text-sm font-bold uppercase tracking-wide text-accent-ink">Error 404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">We can&rsquo;t find that page</h1>
      <p className="mt-4 text-lg text-muted">It may have moved, or the address may be mistyped.</p>
      <form action={routes.search()} method="get" role="search" className="mt-8 flex gap-2">
        <label htmlFor="notfound-q" className="sr-only">
          Search the site
        </label>
        <input
          id="notfound-q"
          name="q"
          type="search"
          placeholder="Search the site"
          className="min-w-0 flex-1 rounded-sm border border-rule bg-paper px-3 py-2 text-ink"
        />
        <button type="submit" className="rounded-sm bg-ink px-4 py-2 font-semibold text-paper">
          Search
        </button>
      </form>
      <p className="mt-8">
        <Link href={routes.home()} className="font-semibold text-accent-ink">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}
