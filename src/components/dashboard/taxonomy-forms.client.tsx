"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { FieldError, FormMessage, buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from "@/components/dashboard/form-bits";
import { useKeptChoice } from "@/components/dashboard/select-field.client";
import { TextField } from "@/components/dashboard/text-field";
import type { ActionState } from "@/server/actions/action-state";
import {
  createSectionAction,
  deleteSectionAction,
  deleteTagAction,
  mergeTagAction,
  moveSectionAction,
  updateSectionAction,
  renameTagAction,
} from "@/server/actions/taxonomy";

const initial: ActionState = { ok: false, message: "" };
const smallButton = `${secondaryButtonClass} px-2 py-1 text-xs aria-disabled:cursor-not-allowed aria-disabled:opacity-50`;
const smallDanger = `${dangerButtonClass} px-2 py-1 text-xs`;
// Tables become stacked cards below the sm breakpoint (375 px phones).
const tableClass = "w-full border-collapse text-left text-sm max-sm:block";
const rowClass = "border-b border-rule align-top max-sm:mb-3 max-sm:block max-sm:rounded-md max-sm:border max-sm:p-2";
const cellClass = "py-2 pr-3 max-sm:block max-sm:py-1";

type Entry = { id: string; slug: string; name: string; description: string; articleCount: number };
const plural = (n: number) => `${n} article${n === 1 ? "" : "s"}`;

/**
 * A row's form whose success removes the row (delete, merge) lives in the table, so that its
 * message outlives the row; `target` says which row a refusal belongs next to.
 */
function useTableAction(action: (state: ActionState, form: FormData) => Promise<ActionState>) {
  const [state, dispatch, pending] = useActionState(action, initial);
  const [target, setTarget] = useState<string | null>(null);
  const submit = (id: string, form: FormData) => {
    setTarget(id);
    dispatch(form);
  };
  const errorFor = (id: string) => (!state.ok && target === id ? state.message : "");
  return { state, pending, submit, errorFor };
}

/** The success message of a table action; it takes focus, as the row (and its button) are gone. */
function TableStatus({ state }: { state: ActionState }) {
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.ok) line.current?.focus();
  }, [state]);
  return (
    <p ref={line} tabIndex={-1} role="status" className="mb-2 text-sm outline-none">
      {state.ok ? state.message : ""}
    </p>
  );
}

function NameFields({ prefix, entity, fields, values, onChange, slugHint }: {
  prefix: string;
  entity: "section" | "tag";
  fields: Record<string, string>;
  values: { name: string; slug: string; description: string };
  onChange: (values: { name: string; slug: string; description: string }) => void;
  slugHint: string;
}) {
  return (
    <>
      <TextField id={`${prefix}-name`} name="name" label={`${entity === "section" ? "Section" : "Tag"} name`} required maxLength={80}
        value={values.name} onChange={(e) => onChange({ ...values, name: e.target.value })} error={fields.name} />
      <TextField id={`${prefix}-slug`} name="slug" label="Slug" maxLength={120} value={values.slug} autoCapitalize="none" spellCheck={false}
        onChange={(e) => onChange({ ...values, slug: e.target.value })} error={fields.slug} hint={slugHint} />
      <div>
        <label htmlFor={`${prefix}-description`} className="block text-sm font-semibold">Description</label>
        <textarea id={`${prefix}-description`} name="description" rows={2} maxLength={500} value={values.description} className={inputClass}
          onChange={(e) => onChange({ ...values, description: e.target.value })}
          aria-invalid={!!fields.description} aria-describedby={fields.description ? `${prefix}-description-error` : undefined} />
        <FieldError id={`${prefix}-description-error`} message={fields.description} />
      </div>
    </>
  );
}

/** Name, slug and description of one section or tag, in a disclosure of its row. */
function RenameForm({ entry, entity, action }: { entry: Entry; entity: "section" | "tag"; action: (state: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, dispatch, pending] = useActionState(action, initial);
  // Controlled, so that a refused save keeps what was typed (React resets uncontrolled fields).
  const [values, setValues] = useState({ name: entry.name, slug: entry.slug, description: entry.description });
  const prefix = `${entity}-${entry.id}`;
  const path = entity === "section" ? `/${entry.slug}` : `/tag/${entry.slug}`;
  return (
    <details className="group">
      <summary className="cursor-pointer text-sm font-medium underline-offset-4 hover:underline">
        Rename<span className="sr-only"> “{entry.name}”</span>
      </summary>
      <form action={dispatch} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="id" value={entry.id} />
        <NameFields prefix={prefix} entity={entity} fields={state.fields ?? {}} values={values} onChange={setValues}
          slugHint={`Now ${path}. Changing it redirects the old address${entity === "section" ? " and its articles' addresses" : ""}.`} />
        <button type="submit" className={buttonClass} disabled={pending}>
          Save<span className="sr-only"> “{entry.name}”</span>
        </button>
        <FormMessage ok={state.ok} message={state.message} />
      </form>
    </details>
  );
}

export function CreateSectionForm() {
  const [state, dispatch, pending] = useActionState(createSectionAction, initial);
  const empty = { name: "", slug: "", description: "" };
  const [values, setValues] = useState(empty);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.ok) setValues(empty);
  }
  return (
    <form action={dispatch} className="space-y-3" noValidate>
      <NameFields prefix="new-section" entity="section" fields={state.fields ?? {}} values={values} onChange={setValues}
        slugHint="Its address: /slug. Leave empty to make one from the name." />
      <button type="submit" className={buttonClass} disabled={pending}>Create section</button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

/** Up and down: after a move, focus stays on the button that was pressed, in the row's new place. */
function MoveButtons({ section, first, last }: { section: Entry; first: boolean; last: boolean }) {
  const [state, dispatch] = useActionState(moveSectionAction, initial);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const direction = state.ok ? state.data?.direction : undefined;
    if (direction === "up" || direction === "down") (direction === "up" ? up : down).current?.focus();
  }, [state]);
  const button = (direction: "up" | "down", edge: boolean) => (
    <button type="submit" name="direction" value={direction} ref={direction === "up" ? up : down} className={smallButton}
      aria-label={`Move “${section.name}” ${direction}`} aria-disabled={edge || undefined}
      onClick={(e) => {
        if (edge) e.preventDefault();
      }}>
      {direction === "up" ? "Move up" : "Move down"}
    </button>
  );
  return (
    <form action={dispatch} className="flex flex-wrap gap-1">
      <input type="hidden" name="id" value={section.id} />
      {button("up", first)}
      {button("down", last)}
      {!state.ok && state.message ? <FormMessage ok={false} message={state.message} /> : null}
    </form>
  );
}

export function SectionsTable({ sections }: { sections: Entry[] }) {
  const remove = useTableAction(deleteSectionAction);
  return (
    <>
      <TableStatus state={remove.state} />
      <table className={tableClass}>
        <caption className="sr-only">Sections, in navigation order</caption>
        <thead className="max-sm:sr-only">
          <tr className="border-b border-rule">
            <th scope="col" className="py-2 pr-3">Section</th>
            <th scope="col" className="py-2 pr-3">Articles</th>
            <th scope="col" className="py-2 pr-3">Order</th>
            <th scope="col" className="py-2 pr-3">Edit</th>
            <th scope="col" className="py-2">Delete</th>
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {sections.map((s, i) => (
            <tr key={s.id} className={rowClass}>
              <th scope="row" className={`${cellClass} font-normal`}>
                <span className="font-semibold">{s.name}</span>
                <span className="block text-xs text-muted">/{s.slug}</span>
                {s.description ? <span className="block text-xs text-muted">{s.description}</span> : null}
              </th>
              <td className={cellClass}>{plural(s.articleCount)}</td>
              <td className={cellClass}>
                <MoveButtons section={s} first={i === 0} last={i === sections.length - 1} />
              </td>
              <td className={cellClass}>
                <RenameForm entry={s} entity="section" action={updateSectionAction} />
              </td>
              <td className={cellClass}>
                <form action={(form) => remove.submit(s.id, form)}
                  onSubmit={(e) => {
                    if (!window.confirm(`Delete the section “${s.name}”?`)) e.preventDefault();
                  }}>
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className={smallDanger} disabled={remove.pending} aria-describedby={remove.errorFor(s.id) ? `section-${s.id}-delete-error` : undefined}>
                    Delete<span className="sr-only"> “{s.name}”</span>
                  </button>
                  <FieldError id={`section-${s.id}-delete-error`} message={remove.errorFor(s.id)} />
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Merge into another tag: its articles get that tag, and its page redirects there. */
function MergeForm({ tag, others, submit, error, pending }: {
  tag: Entry;
  others: Entry[];
  submit: (form: FormData) => void;
  error: string;
  pending: boolean;
}) {
  const [target, setTarget] = useState("");
  const targetSelect = useKeptChoice(target);
  const selectId = `tag-${tag.id}-merge`;
  const into = others.find((o) => o.id === target);
  return (
    <form action={submit} className="flex flex-wrap items-end gap-1"
      onSubmit={(e) => {
        if (!into || !window.confirm(`Merge “${tag.name}” into “${into.name}”? Its ${plural(tag.articleCount)} get “${into.name}”, and /tag/${tag.slug} redirects to /tag/${into.slug}.`)) e.preventDefault();
      }}>
      <input type="hidden" name="id" value={tag.id} />
      <div className="min-w-0 grow">
        <label htmlFor={selectId} className="sr-only">Merge “{tag.name}” into</label>
        <select ref={targetSelect} id={selectId} name="targetId" value={target} onChange={(e) => setTarget(e.target.value)}
          className="w-full rounded-md border border-rule bg-paper px-2 py-1 text-sm text-ink"
          aria-invalid={!!error} aria-describedby={error ? `${selectId}-error` : undefined}>
          <option value="">Merge into…</option>
          {others.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      </div>
      <button type="submit" className={smallButton} disabled={pending} aria-disabled={!target || undefined}>
        Merge<span className="sr-only"> “{tag.name}”</span>
      </button>
      <FieldError id={`${selectId}-error`} message={error} />
    </form>
  );
}

export function TagsTable({ tags }: { tags: Entry[] }) {
  const merge = useTableAction(mergeTagAction);
  const remove = useTableAction(deleteTagAction);
  if (tags.length === 0) return <p className="rounded-md border border-rule p-4 text-sm">No tags yet: they are created when articles are tagged.</p>;
  return (
    <>
      <TableStatus state={merge.state} />
      <TableStatus state={remove.state} />
      <table className={tableClass}>
        <caption className="sr-only">Tags</caption>
        <thead className="max-sm:sr-only">
          <tr className="border-b border-rule">
            <th scope="col" className="py-2 pr-3">Tag</th>
            <th scope="col" className="py-2 pr-3">Articles</th>
            <th scope="col" className="py-2 pr-3">Edit</th>
            <th scope="col" className="py-2 pr-3">Merge</th>
            <th scope="col" className="py-2">Delete</th>
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {tags.map((t) => (
            <tr key={t.id} className={rowClass}>
              <th scope="row" className={`${cellClass} font-normal`}>
                <span className="font-semibold">{t.name}</span>
                <span className="block text-xs text-muted">/tag/{t.slug}</span>
              </th>
              <td className={cellClass}>{plural(t.articleCount)}</td>
              <td className={cellClass}>
                <RenameForm entry={t} entity="tag" action={renameTagAction} />
              </td>
              <td className={cellClass}>
                <MergeForm tag={t} others={tags.filter((o) => o.id !== t.id)} submit={(form) => merge.submit(t.id, form)}
                  error={merge.errorFor(t.id)} pending={merge.pending} />
              </td>
              <td className={cellClass}>
                <form action={(form) => remove.submit(t.id, form)}
                  onSubmit={(e) => {
                    if (!window.confirm(`Delete the tag “${t.name}”? It is removed from ${plural(t.articleCount)}.`)) e.preventDefault();
                  }}>
                  <input type="hidden" name="id" value={t.id} />
                  <button type="submit" className={smallDanger} disabled={remove.pending} aria-describedby={remove.errorFor(t.id) ? `tag-${t.id}-delete-error` : undefined}>
                    Delete<span className="sr-only"> “{t.name}”</span>
                  </button>
                  <FieldError id={`tag-${t.id}-delete-error`} message={remove.errorFor(t.id)} />
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
