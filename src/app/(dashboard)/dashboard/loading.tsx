/** Every dashboard page reads the session: this is the placeholder while it streams in. */
export default function DashboardLoading() {
  return <p className="py-6 text-muted" role="status">Loading…</p>;
}
