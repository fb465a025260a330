"use client";

import Link from "next/link";

// A dashboard page that failed to render (its reads failed): the dashboard's chrome stays, with a
// retry (which fetches the page again) and a way back. Saving goes through actions and the API,
// which answer with their own messages; a page that failed to show has changed nothing.
export default function DashboardError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div className="py-6">
      <title>Something went wrong · Dashboard</title>
      <p className="text-sm font-bold uppercase tracking-wide text-accent-ink">Error 500</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">This page could not be shown</h1>
      <p className="mt-3 text-muted">Something went wrong on our side. Nothing has been changed; please try again in a moment.</p>
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="button" onClick={retry} className="min-h-11 rounded-sm bg-ink px-4 font-semibold text-paper">
          Try again
        </button>
        <Link href="/dashboard" className="font-semibold text-accent-ink">
          Back to the dashboard
        </Link>
      </div>
    </div>
  );
}
