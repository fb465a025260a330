"use client";
import { useState } from "react";
import { articleBodySchema, bodyToPlainText } from "@/lib/article-body";
import { diffWords } from "@/lib/text-diff";
import { callApi } from "@/components/dashboard/api-client";
import { ConfirmBox } from "@/components/dashboard/confirm-box.client";
import { DateTime } from "@/components/dashboard/date-time.client";
import { FormMessage, secondaryButtonClass } from "@/components/dashboard/form-bits";

type Revision = { id: string; version: number; createdAt: string; author: { name: string } | null; snapshot: { headline?: string; standfirst?: string; body?: unknown } };

function textOf(r: Revision): string {
  const body = articleBodySchema.safeParse(r.snapshot.body);
  return [r.snapshot.headline ?? "", r.snapshot.standfirst ?? "", body.success ? bodyToPlainText(body.data) : ""].join("\n\n");
}

/** Every save is a revision: compare any two, restore one (as a new save). */
export function RevisionsPanel({ articleId, canRestore, onPublicSite, onRestored, currentVersion }: {
  articleId: string;
  canRestore: boolean;
  /** Published: a restore changes what readers see at once, so it asks first. */
  onPublicSite: boolean;
  onRestored: (version: number) => void;
  currentVersion: () => number;
}) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [confirming, setConfirming] = useState<Revision | null>(null);
  const [from, setFrom] = useState<string>("");
  const [to, setTo] = useState<string>("");
  const [message, setMessage] = useState({ ok: true, text: "" });

  async function load() {
    const result = await callApi<Revision[]>("GET", `/api/v1/articles/${articleId}/revisions`);
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    setRevisions(result.data);
    setTo(result.data[0]?.id ?? "");
    setFrom(result.data[1]?.id ?? result.data[0]?.id ?? "");
  }

  async function restore(id: string) {
    const result = await callApi<{ version: number }>("POST", `/api/v1/articles/${articleId}/revisions/${id}`, { version: currentVersion() });
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    onRestored(result.data.version);
  }

  const a = revisions?.find((r) => r.id === from);
  const b = revisions?.find((r) => r.id === to);
  return (
    <details className="rounded-md border border-rule p-3" onToggle={(e) => (e.currentTarget.open && !revisions ? void load() : undefined)}>
      <summary className="cursor-pointer font-semibold">Revisions</summary>
      <FormMessage ok={message.ok} message={message.text} />
      {!revisions ? <p className="text-sm">Loading…</p> : (
        <div className="mt-2 space-y-3">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Revisions, newest first</caption>
            <thead><tr><th scope="col">Version</th><th scope="col">Saved</th><th scope="col">Compare from</th><th scope="col">to</th><th scope="col"><span className="sr-only">Restore</span></th></tr></thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.id} className="border-t border-rule">
                  <td>{r.version}</td>
                  <td><DateTime iso={r.createdAt} />{r.author ? ` · ${r.author.name}` : ""}</td>
                  <td><input type="radio" name="rev-from" aria-label={`Compare from version ${r.version}`} checked={from === r.id} onChange={() => setFrom(r.id)} /></td>
                  <td><input type="radio" name="rev-to" aria-label={`Compare to version ${r.version}`} checked={to === r.id} onChange={() => setTo(r.id)} /></td>
                  <td>{canRestore ? <button type="button" className="underline" onClick={() => (onPublicSite ? setConfirming(r) : void restore(r.id))}>Restore v{r.version}</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {confirming ? (
            <ConfirmBox id="restore-title" question={`Restore version ${confirming.version}? The story is published: readers see that version at once.`}
              action="Restore now" onConfirm={() => { setConfirming(null); void restore(confirming.id); }} onCancel={() => setConfirming(null)} />
          ) : null}
          {a && b ? (
            <div>
              <h3 className="text-sm font-semibold">Changes from version {a.version} to {b.version}</h3>
              <p className="mt-1 max-h-96 overflow-y-auto whitespace-pre-wrap rounded border border-rule p-2 font-serif text-sm" data-testid="revision-diff">
                {diffWords(textOf(a), textOf(b)).map((part, i) =>
                  part.kind === "same" ? <span key={i}>{part.text}</span>
                  : part.kind === "added" ? <ins key={i} className="bg-green-200 text-ink no-underline dark:bg-green-900">{part.text}</ins>
                  : <del key={i} className="bg-red-200 text-ink dark:bg-red-900">{part.text}</del>,
                )}
              </p>
            </div>
          ) : null}
          <button type="button" className={secondaryButtonClass} onClick={() => void load()}>Refresh</button>
        </div>
      )}
    </details>
  );
}
