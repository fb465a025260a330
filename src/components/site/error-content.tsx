import { routes } from "@/lib/routes";

/** The title of every 404 page of the site, without the site's name (Next.js adds none to the global one). */
export const NOT_FOUND_TITLE = "Page not found";

/** The 404 message in the site's design, with a way on: search and the front page. */
export function NotFoundContent() {
  return (
    <ErrorMessage code="Error 404" title="We can’t find that page">
      It may have moved, or the address may be mistyped.
    </ErrorMessage>
  );
}

/** 410: the story existed and was withdrawn (unpublished, archived or deleted). */
export function GoneContent() {
  return (
    <ErrorMessage code="Error 410" title="This story is no longer available">
      It has been withdrawn by the newsroom. You may find related coverage by searching.
    </ErrorMessage>
  );
}

/** The title of the page that stands for a failed render, without the site's name (it may be unreadable). */
export const SERVER_ERROR_TITLE = "Something went wrong";

/**
 * 500: a page could not be rendered. `retry` is the way to try again: a button that renders the
 * page afresh in the browser (error.tsx), or, in the page the server sends without scripts
 * (app/(site)/500), a link to the address in the browser's bar.
 */
export function ServerErrorContent({ retry }: { retry: React.ReactNode }) {
  return (
    <ErrorMessage code="Error 500" title="Something went wrong on our side" action={retry}>
      Please try again in a moment. If it keeps happening, the newsroom has been told.
    </ErrorMessage>
  );
}

/** The look of the 500 page's "Try again", for a button and for a link. */
export const RETRY_CLASS = "inline-flex min-h-11 items-center rounded-sm bg-ink px-4 font-semibold text-paper no-underline";

/** An error page's text in the site's design, with a way on: `action` if any, search and the front page. */
export function ErrorMessage({
  code,
  title,
  action,
  children,
}: {
  code: string;
  title: string;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <p className="text-sm font-bold uppercase tracking-wide text-accent-ink">{code}</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">{title}</h1>
      <p className="mt-4 text-lg text-muted">{children}</p>
      {action ? <p className="mt-8">{action}</p> : null}
      <form action={routes.search()} method="get" role="search" className={`${action ? "mt-4" : "mt-8"} flex gap-2`}>
        <label htmlFor="error-q" className="sr-only">
          Search the site
        </label>
        <input
          id="error-q"
          name="q"
          type="search"
          placeholder="Search the site"
          className="min-w-0 flex-1 rounded-sm border border-muted bg-paper px-3 py-2 text-ink"
        />
        <button type="submit" className="rounded-sm bg-ink px-4 py-2 font-semibold text-paper">
          Search
        </button>
      </form>
      <p className="mt-8">
        {/* A plain link: from an error page the next page loads whole (see DocumentLinks), and
            next/link would put a second copy of its code in the error boundary's scripts, which
            every reader page loads. */}
        <a href={routes.home()} className="font-semibold text-accent-ink">
          Go to the front page
        </a>
      </p>
    </div>
  );
}
