import Link from "next/link";

/** An unknown dashboard address or record: the dashboard's chrome stays, with a way back. */
export default function DashboardNotFound() {
  return (
    <div className="py-6">
      <p className="text-sm font-bold uppercase tracking-wide text-accent-ink">Error 404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Not found</h1>
      <p className="mt-3 text-muted">Nothing in the newsroom has this address: it may have been deleted, or the link is mistyped.</p>
      <p className="mt-6">
        <Link href="/dashboard" className="font-semibold text-accent-ink">
          Back to the dashboard
        </Link>
      </p>
    </div>
  );
}
