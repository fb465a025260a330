import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/dashboard/date-time.client";
import { secondaryButtonClass } from "@/components/dashboard/form-bits";
import { TextField } from "@/components/dashboard/text-field";
import { auditQuerySchema } from "@/lib/schemas/user";
import { parseValidFilters } from "@/lib/zod";
import { auditActionPrefixes, listAudit, summarizeDetails, type AuditRow } from "@/server/data/audit";
import { prisma } from "@/server/db";
import { can } from "@/server/services/permissions";
import { staffOrSignIn } from "@/server/services/staff-page";

export const metadata: Metadata = { title: "Audit log" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Where an entry's subject can be opened in the dashboard. */
function entityHref(row: AuditRow): string | null {
  if (row.entityType === "Article") return `/dashboard/articles/${row.entityId}`;
  if (row.entityType === "ApiToken") return "/dashboard/tokens";
  if (row.entityType === "User" || row.entityType === "Invitation") return "/dashboard/users";
  return null;
}

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const actor = await staffOrSignIn("/dashboard/audit");
  if (!can.viewAuditLog(actor)) {
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">Audit log</h1>
        <p role="alert">Only admins can read the audit log.</p>
      </>
    );
  }
  const raw = await searchParams;
  // Each parameter on its own: a malformed page number must not throw away a good filter.
  const typed = typeof raw.action === "string" ? raw.action : "";
  const { data, messages } = parseValidFilters(auditQuerySchema, {
    ...(typeof raw.page === "string" ? { page: raw.page } : {}),
    ...(typed ? { action: typed } : {}),
  });
  const refused = messages?.action;
  const log = await listAudit(prisma, actor, data);
  const pageHref = (page: number) => `/dashboard/audit?${new URLSearchParams({ ...(log.action ? { action: log.action } : {}), page: String(page) })}`;
  const pastTheEnd = log.total > 0 && log.page > log.pages;

  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">Audit log</h1>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-md border border-rule p-3" aria-label="Filter the audit log">
        <div className="grow sm:grow-0">
          <TextField id="action" name="action" type="search" list="action-prefixes" label="Action starts with" placeholder="user."
            defaultValue={refused ? typed : log.action} hint={`For example ${auditActionPrefixes.join(", ")} or article.publish`}
            error={refused ? `Not filtered: ${refused}` : undefined} />
          <datalist id="action-prefixes">
            {auditActionPrefixes.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Filter
        </button>
        {log.action || refused ? (
          <Link href="/dashboard/audit" className="text-sm underline">
            Show everything
          </Link>
        ) : null}
      </form>

      {pastTheEnd ? (
        <p role="alert" className="mb-3 text-sm">
          There is no page {log.page}: {log.pages === 1 ? "there is one page" : `there are ${log.pages} pages`}.{" "}
          <Link className="underline" href={pageHref(log.pages)}>
            Go to the last page
          </Link>
        </p>
      ) : null}
      <p className="mb-2 text-sm text-muted" role="status">
        {log.total} entr{log.total === 1 ? "y" : "ies"}
      </p>
      {pastTheEnd ? null : log.rows.length === 0 ? (
        <p className="rounded-md border border-rule p-6 text-center">Nothing recorded{log.action ? " for this filter" : ""}.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
            <caption className="sr-only">Audit log, newest first</caption>
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-3">Time</th>
                <th scope="col" className="py-2 pr-3">Who</th>
                <th scope="col" className="py-2 pr-3">Action</th>
                <th scope="col" className="py-2 pr-3">Subject</th>
                <th scope="col" className="py-2">Details</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((row) => {
                const href = entityHref(row);
                return (
                  <tr key={row.id} className="border-b border-rule align-top">
                    <td className="whitespace-nowrap py-2 pr-3">
                      <DateTime iso={row.createdAt.toISOString()} />
                    </td>
                    <td className="py-2 pr-3">{row.actor?.name ?? <span className="text-muted">System or deleted account</span>}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{row.action}</td>
                    <td className="py-2 pr-3">
                      {row.entityType}{" "}
                      {href ? (
                        <Link href={href} className="font-mono text-xs underline">
                          {row.entityId}
                        </Link>
                      ) : (
                        <span className="font-mono text-xs">{row.entityId}</span>
                      )}
                    </td>
                    <td className="break-words py-2 text-muted">{summarizeDetails(row.details)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {log.pages > 1 && !pastTheEnd ? (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {log.page > 1 ? (
            <Link className="underline" href={pageHref(log.page - 1)}>
              Newer
            </Link>
          ) : null}
          <span>
            Page {log.page} of {log.pages}
          </span>
          {log.page < log.pages ? (
            <Link className="underline" href={pageHref(log.page + 1)}>
              Older
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
