import type { Metadata } from "next";
import Link from "next/link";
import { articleListQuerySchema } from "@/lib/schemas/article";
import { parseValidFilters } from "@/lib/zod";
import { statusLabels } from "@/lib/status-labels";
import { inputClass, secondaryButtonClass } from "@/components/dashboard/form-bits";
import { DateTime } from "@/components/dashboard/date-time.client";
import { NewArticleButton } from "@/components/dashboard/new-article-button.client";
import { NewsroomNotices } from "@/components/dashboard/newsroom-notices";
import { listStaffArticles, newsroomNotices, staffOptions } from "@/server/data/dashboard";
import { prisma } from "@/server/db";
import { staffOrSignIn } from "@/server/services/staff-page";

export const metadata: Metadata = { title: "Articles" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** A filter as the message about an ignored one names it. */
const filterNames: Record<string, string> = {
  q: "the search (at most 200 characters)",
  status: "the status",
  section: "the section",
  author: "the author",
  sort: "the sort order",
  order: "the order",
  page: "the page number",
  perPage: "the page size",
};

export default async function ArticlesPage({ searchParams }: { searchParams: Search }) {
  const actor = await staffOrSignIn("/dashboard");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== "")) as Record<string, string>;
  const { deleted: _deleted, ...filters } = raw;
  const { data: query, ignored } = parseValidFilters(articleListQuerySchema, filters);
  const [list, options, notices] = await Promise.all([listStaffArticles(prisma, actor, query), staffOptions(prisma), newsroomNotices(prisma, actor)]);
  const pageHref = (page: number) => `/dashboard?${new URLSearchParams({ ...raw, page: String(page) })}`;

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Articles</h1>
        <NewArticleButton />
      </div>
      {/* Not "waiting for review, show them" on the list of them. */}
      <NewsroomNotices {...notices} awaitingReview={query.status === "IN_REVIEW" ? 0 : notices.awaitingReview} />
      {raw.deleted ? <p role="status" className="mb-3 rounded-md border border-rule bg-surface px-3 py-2 text-sm">The article was deleted.</p> : null}
      {ignored.length ? (
        <p role="alert" className="mb-3 text-sm text-accent-ink">
          Some filters were not valid and were ignored: {ignored.map((key) => filterNames[key] ?? key).join(", ")}.
        </p>
      ) : null}
      <form method="get" className="mb-4 grid grid-cols-2 gap-3 rounded-md border border-rule p-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter articles">
        <div className="col-span-2">
          <label htmlFor="q" className="text-sm font-semibold">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} className={inputClass} aria-describedby="q-hint" />
          <p id="q-hint" className="mt-1 text-xs text-muted">Words of the headline or story, a byline or a tag.</p>
        </div>
        <div>
          <label htmlFor="status" className="text-sm font-semibold">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""} className={inputClass}>
            <option value="">Any</option>
            {Object.entries(statusLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="section" className="text-sm font-semibold">Section</label>
          <select id="section" name="section" defaultValue={query.section ?? ""} className={inputClass}>
            <option value="">Any</option>
            {options.sections.map((s) => <option key={s.id} value={s.slug}>{s.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="author" className="text-sm font-semibold">Author</label>
          <select id="author" name="author" defaultValue={query.author ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {options.authors.map((u) => <option key={u.id} value={u.slug}>{u.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="text-sm font-semibold">Sort by</label>
          <select id="sort" name="sort" defaultValue={`${query.sort}`} className={inputClass}>
            <option value="updated">Last edited</option>
            <option value="published">Publish time</option>
            <option value="headline">Headline</option>
          </select>
        </div>
        <div className="col-span-2 flex flex-wrap items-center gap-2 sm:col-span-3 lg:col-span-6">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="order" value="asc" defaultChecked={query.order === "asc"} /> Oldest / A–Z first
          </label>
          <button type="submit" className={secondaryButtonClass}>Apply</button>
          <Link href="/dashboard" className="text-sm underline">Clear</Link>
        </div>
      </form>

      <p className="mb-2 text-sm text-muted" role="status">{list.total} article{list.total === 1 ? "" : "s"}</p>
      {list.rows.length === 0 ? (
        <p className="rounded-md border border-rule p-6 text-center">No articles match. <Link className="underline" href="/dashboard">Show all</Link></p>
      ) : (
        // On a phone each row is a card (headline and status side by side, the rest below) rather
        // than a table to scroll sideways, where the status notes and dates were out of sight.
        <div className="relative sm:overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm sm:min-w-[40rem]">
            <caption className="sr-only">Articles</caption>
            <thead className="max-sm:sr-only">
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-3">Headline</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 pr-3">Section</th>
                <th scope="col" className="py-2 pr-3">Authors</th>
                <th scope="col" className="py-2">Last edited</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((a) => (
                <tr key={a.id} className="border-b border-rule align-top max-sm:grid max-sm:grid-cols-[auto_1fr_auto] max-sm:py-2">
                  <td className="py-2 pr-3 max-sm:col-span-2 max-sm:p-0 max-sm:wrap-anywhere">
                    <Link href={`/dashboard/articles/${a.id}`} className="font-semibold underline-offset-4 hover:underline">{a.headline}</Link>
                  </td>
                  <td className="py-2 pr-3 max-sm:row-span-2 max-sm:p-0 max-sm:pl-3 max-sm:text-right">
                    <span className="rounded bg-surface px-2 py-0.5 text-xs font-semibold">{statusLabels[a.status]}</span>
                    {a.status === "DRAFT" && a.returnNote ? <span className="block text-xs font-semibold text-accent-ink">Returned{a.returnedBy ? ` by ${a.returnedBy.name}` : ""}</span> : null}
                    {a.status === "IN_REVIEW" && a.returnNote ? <span className="block text-xs text-muted">Submitted again after a return</span> : null}
                    {a.status === "SCHEDULED" && a.publishedAt ? <span className="block text-xs text-muted"><DateTime iso={a.publishedAt.toISOString()} /></span> : null}
                  </td>
                  <td className="py-2 pr-3 max-sm:col-start-1 max-sm:p-0 max-sm:text-xs max-sm:text-muted">{a.section.name}</td>
                  <td className="py-2 pr-3 max-sm:p-0 max-sm:text-xs max-sm:text-muted">
                    {a.authors.length > 0 ? <span aria-hidden="true" className="sm:hidden">&nbsp;·&nbsp;</span> : null}
                    {a.authors.map((x) => x.user.name).join(", ")}
                  </td>
                  <td className="py-2 max-sm:col-span-3 max-sm:p-0 max-sm:text-xs max-sm:text-muted">
                    <span className="sm:hidden">Edited </span>
                    <span className="sm:whitespace-nowrap"><DateTime iso={a.updatedAt.toISOString()} /></span>
                    {a.lastEditedBy ? <span className="block text-xs text-muted max-sm:inline">{" "}by {a.lastEditedBy.name}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {list.page > 1 ? <Link className="underline" href={pageHref(list.page - 1)}>Previous</Link> : null}
          <span>Page {list.page} of {list.pages}</span>
          {list.page < list.pages ? <Link className="underline" href={pageHref(list.page + 1)}>Next</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
