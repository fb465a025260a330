import Link from "next/link";
import { TOKEN_WARNING_DAYS } from "@/lib/schemas/api-token";

const noticeClass = "mb-3 rounded-md border border-rule bg-surface px-3 py-2 text-sm";

type Notices = { returned: { latest: { id: string; headline: string }[]; count: number }; awaitingReview: number; expiringTokens: number };

/** What needs this member's attention, above the newsroom's article list (newsroomNotices). */
export function NewsroomNotices({ returned, awaitingReview, expiringTokens }: Notices) {
  return (
    <>
      {returned.count ? (
        <div className={noticeClass}>
          <p>
            {returned.count === 1 ? "An editor returned one of your articles" : `Editors returned ${returned.count} of your articles`} with notes on what should
            change{returned.count > returned.latest.length ? ` (the latest ${returned.latest.length} here; all are marked “Returned” below)` : ""}:
          </p>
          <ul className="mt-1 list-disc pl-5">
            {returned.latest.map((a) => (
              <li key={a.id}>
                <Link href={`/dashboard/articles/${a.id}`} className="underline">{a.headline || "Untitled"}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {awaitingReview ? (
        <p className={noticeClass}>
          {awaitingReview === 1 ? "An article is" : `${awaitingReview} articles are`} waiting for review.{" "}
          <Link href="/dashboard?status=IN_REVIEW" className="underline">Show {awaitingReview === 1 ? "it" : "them"}</Link>
        </p>
      ) : null}
      {expiringTokens ? (
        <p className={noticeClass}>
          {expiringTokens === 1 ? "An API token expires" : `${expiringTokens} API tokens expire`} within {TOKEN_WARNING_DAYS} days: programs that use{" "}
          {expiringTokens === 1 ? "it" : "them"} will need new ones. <Link href="/dashboard/tokens" className="underline">See API tokens</Link>
        </p>
      ) : null}
    </>
  );
}
