"use client";
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/dashboard/form-bits";
import { useLeaveGuard } from "@/components/dashboard/leave-guard";
import type { CurationListName } from "@/lib/schemas/curation";
import type { ActionState } from "@/server/actions/action-state";
import { saveCuratedListAction } from "@/server/actions/curation";
import type { CurationItem } from "@/server/services/curation";

const initial: ActionState = { ok: false, message: "" };
const smallButton = `${secondaryButtonClass} px-2 py-1 text-xs aria-disabled:cursor-not-allowed aria-disabled:opacity-50`;
const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

type Control = "up" | "down" | "remove";

/**
 * One curated list, ordered in the browser and saved whole: the article ids go to the server in
 * order. Buttons at either end stay focusable (aria-disabled) so that focus is never dropped, and
 * after a move, focus follows the moved story's button.
 */
export function CurationList({ list, title, description, limit, initialItems, candidates }: {
  list: CurationListName;
  title: string;
  description: string;
  limit: number;
  initialItems: CurationItem[];
  candidates: CurationItem[];
}) {
  const [state, action, pending] = useActionState(saveCuratedListAction, initial);
  const [items, setItems] = useState(initialItems);
  const [choice, setChoice] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [submitted, setSubmitted] = useState<string[] | null>(null);
  /** The id of the control to focus once the list has re-rendered. */
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  }, [items]);

  const ids = items.map((i) => i.id);
  const savedIds = initialItems.map((i) => i.id);
  const dirty = !sameIds(ids, savedIds);
  // Another editor saved this list meanwhile: the page now has theirs (initialItems), the form ours.
  const conflict = !state.ok && state.data?.conflict === true && submitted !== null && sameIds(ids, submitted);
  useLeaveGuard(useCallback(() => dirty, [dirty]));
  // Per-story errors name positions of the list as submitted: shown until the list changes.
  const errorsApply = !state.ok && submitted !== null && sameIds(ids, submitted);
  // "Saved" only while the list is as saved; an error only while the list is as submitted.
  const message = state.ok ? (dirty ? "" : state.message) : errorsApply ? state.message : "";
  const full = items.length >= limit;
  const addable = candidates.filter((c) => !ids.includes(c.id));
  const prefix = `curation-${list}`;
  const controlId = (itemId: string, control: Control) => `${prefix}-${itemId}-${control}`;

  function move(index: number, step: -1 | 1) {
    const to = index + step;
    const item = items[index]!;
    if (to < 0 || to >= items.length) return;
    const next = [...items];
    [next[index], next[to]] = [next[to]!, item];
    focusNext.current = controlId(item.id, step < 0 ? "up" : "down");
    setItems(next);
    setAnnouncement(`“${item.headline}” moved to position ${to + 1} of ${items.length}.`);
  }

  function remove(index: number) {
    const item = items[index]!;
    const next = items.filter((_, i) => i !== index);
    const neighbour = next[index] ?? next[index - 1];
    focusNext.current = neighbour ? controlId(neighbour.id, "remove") : `${prefix}-add`;
    setItems(next);
    setAnnouncement(`“${item.headline}” removed. ${next.length} of ${limit} places used.`);
  }

  function add() {
    const item = addable.find((c) => c.id === choice);
    if (!item || full) return;
    setItems([...items, item]);
    setChoice("");
    setAnnouncement(`“${item.headline}” added at position ${items.length + 1}.`);
  }

  const controlButton = (item: CurationItem, index: number, control: Control, edge: boolean) => {
    const named = `“${item.headline}”`;
    const label = control === "up" ? `Move ${named} up` : control === "down" ? `Move ${named} down` : `Remove ${named}`;
    return (
      <button type="button" id={controlId(item.id, control)} className={smallButton} aria-label={label} aria-disabled={edge || undefined}
        onClick={() => {
          if (edge) return;
          if (control === "remove") remove(index);
          else move(index, control === "up" ? -1 : 1);
        }}>
        {control === "up" ? "Move up" : control === "down" ? "Move down" : "Remove"}
      </button>
    );
  };

  return (
    <section aria-labelledby={`${prefix}-heading`} className="rounded-md border border-rule p-4">
      <h2 id={`${prefix}-heading`} className="text-xl font-bold">{title}</h2>
      <p id={`${prefix}-hint`} className="mb-3 text-sm text-muted">{description} Up to {limit} stories; {items.length} used.</p>
      <p aria-live="polite" className="sr-only">{announcement}</p>

      {items.length === 0 ? (
        <p className="mb-3 rounded-md bg-surface p-3 text-sm">No stories yet: add some below.</p>
      ) : (
        <ol className="mb-3 space-y-2" aria-describedby={`${prefix}-hint`}>
          {items.map((item, index) => {
            const error = errorsApply ? state.fields?.[`articleIds.${index}`] : undefined;
            return (
              <li key={item.id} className={`rounded-md border p-2 ${error ? "border-accent" : "border-rule"}`}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <span className="mr-2 text-sm font-semibold text-muted">{list === "FRONT_PAGE" && index === 0 ? "Lead" : index + 1}</span>
                    <span className="font-semibold">{item.headline}</span>
                    <span className="block text-xs text-muted">{item.section.name}</span>
                  </div>
                  <div className="flex shrink-0 gap-1">
                    {controlButton(item, index, "up", index === 0)}
                    {controlButton(item, index, "down", index === items.length - 1)}
                    {controlButton(item, index, "remove", false)}
                  </div>
                </div>
                <FieldError id={`${prefix}-item-${index}-error`} message={error} />
              </li>
            );
          })}
        </ol>
      )}

      <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 grow">
          <label htmlFor={`${prefix}-add`} className="block text-sm font-semibold">Add a story</label>
          <select id={`${prefix}-add`} value={choice} onChange={(e) => setChoice(e.target.value)} className={inputClass}
            aria-describedby={full ? `${prefix}-full` : undefined}>
            <option value="">Choose a published story…</option>
            {addable.map((c) => (
              <option key={c.id} value={c.id}>{c.headline} ({c.section.name})</option>
            ))}
          </select>
        </div>
        <button type="button" className={`${secondaryButtonClass} aria-disabled:cursor-not-allowed aria-disabled:opacity-50`}
          aria-disabled={full || !choice || undefined} onClick={add}>
          Add<span className="sr-only"> to {title}</span>
        </button>
      </div>
      {full ? <p id={`${prefix}-full`} className="-mt-2 mb-3 text-sm text-muted">The list is full: remove a story to add another.</p> : null}

      <form action={action} className="space-y-2"
        onSubmit={(e) => {
          if (pending) e.preventDefault();
          else setSubmitted(ids);
        }}>
        <input type="hidden" name="list" value={list} />
        {ids.map((id) => <input key={id} type="hidden" name="articleId" value={id} />)}
        {/* The list this order was made from: one saved by someone else since is refused, not replaced. */}
        <input type="hidden" name="basedOnSent" value="1" />
        {savedIds.map((id) => <input key={id} type="hidden" name="basedOn" value={id} />)}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass} aria-disabled={pending || undefined}>
            {pending ? "Saving…" : `Save ${title.toLowerCase()}`}
          </button>
          {dirty && !pending ? <span className="text-sm text-muted">Unsaved changes</span> : null}
        </div>
        {state.fields?.articleIds && errorsApply ? <FieldError id={`${prefix}-error`} message={state.fields.articleIds} /> : null}
        <FormMessage ok={state.ok} message={message} />
        {conflict ? (
          <div className="space-y-2 rounded-md border-2 border-accent p-3 text-sm">
            <p>
              Theirs, now on the site: {initialItems.length ? initialItems.map((item, i) => `${i + 1}. ${item.headline}`).join("; ") : "no stories"}. Save again to
              put yours in its place, or start from theirs.
            </p>
            <button type="button" className={secondaryButtonClass}
              onClick={() => {
                setItems(initialItems);
                setSubmitted(null);
                setAnnouncement(`${title}: their list is shown. Make your changes on it.`);
              }}>
              Start from theirs
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
