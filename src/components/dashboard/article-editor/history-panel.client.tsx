"use client";
import { useState } from "react";
import { callApi } from "@/components/dashboard/api-client";
import { DateTime } from "@/components/dashboard/date-time.client";
import { FormMessage } from "@/components/dashboard/form-bits";

/** An event as `GET /api/v1/articles/{id}/history` gives it (services/articles.ts, listHistory). */
type HistoryEvent = { id: string; action: string; at: string; by: string | null; note: string | null; time: string | null };

const said: Record<string, string> = {
  create: "Created",
  submit: "Submitted for review",
  withdraw: "Withdrawn from review",
  return: "Returned to its writer",
  publish: "Published",
  schedule: "Scheduled",
  live: "Went live as scheduled",
  unpublish: "Unpublished",
  archive: "Archived",
  correct: "Correction added",
  restore: "Earlier version restored",
  preview_link: "Preview link made",
  preview_link_stopped: "Preview link stopped",
  preview_links_stopped: "Preview links stopped",
};

/** Words before the time an event names: a schedule's publish time, a preview link's expiry. */
const timeWords: Record<string, string> = { schedule: " for ", preview_link: ", working until " };

/**
 * The article's way through the newsroom, newest first: who submitted, returned (and why),
 * published, scheduled or corrected it, and when. Read each time it is opened, so that what was
 * done on this page since shows too.
 */
export function HistoryPanel({ articleId }: { articleId: string }) {
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  const [error, setError] = useState("");

  async function load() {
    const result = await callApi<HistoryEvent[]>("GET", `/api/v1/articles/${articleId}/history`);
    if (!result.ok) return setError(result.error.message);
    setError("");
    setEvents(result.data);
  }

  return (
    <details className="rounded-md border border-rule p-3" onToggle={(e) => (e.currentTarget.open ? void load() : undefined)}>
      <summary className="cursor-pointer font-semibold">History</summary>
      <FormMessage ok={false} message={error} />
      {!events ? (
        error ? null : <p className="text-sm">Loading…</p>
      ) : (
        <ol className="mt-2 space-y-2 text-sm" aria-label="History, newest first">
          {events.map((event) => (
            <li key={event.id} className="border-t border-rule pt-2 first:border-t-0 first:pt-0">
              <span className="font-semibold">{said[event.action] ?? event.action}</span>
              {event.time && timeWords[event.action] ? <>{timeWords[event.action]}<DateTime iso={event.time} /></> : null}
              <span className="block text-xs text-muted">
                <DateTime iso={event.at} />
                {event.by ? ` · ${event.by}` : event.action === "live" ? " · automatically" : ""}
              </span>
              {event.note ? <blockquote className="mt-1 whitespace-pre-line border-l-4 border-rule pl-3">{event.note}</blockquote> : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
