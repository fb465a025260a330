"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { bodyToPlainText, type ArticleBody } from "@/lib/article-body";
import { seoHints, slugify, UNTITLED_HEADLINE } from "@/lib/schemas/article";
import { statusLabels, type StatusKey } from "@/lib/status-labels";
import { callApi } from "@/components/dashboard/api-client";
import { DateTime } from "@/components/dashboard/date-time.client";
import { BodyEditor } from "@/components/dashboard/editor/body-editor.client";
import { useUnsavedBackup } from "@/components/dashboard/article-editor/unsaved-backup";
import { FieldError, FormMessage, buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from "@/components/dashboard/form-bits";
import { useBrowserValue } from "@/components/ui/browser-value";
import { ConfirmBox } from "@/components/dashboard/confirm-box.client";
import { useMediaPicker, type MediaChoice } from "./media-picker.client";
import { PreviewLinks, type SharedLink } from "./preview-link.client";
import { HistoryPanel } from "./history-panel.client";
import { RevisionsPanel } from "./revisions-panel.client";
import { useArticleSaver, type SaveState } from "./use-autosave";

export type EditorFields = {
  headline: string;
  standfirst: string;
  slug: string;
  sectionId: string;
  tags: string[];
  authorIds: string[];
  heroImageId: string | null;
  heroCaption: string;
  heroCredit: string;
  seoTitle: string;
  seoDescription: string;
  body: ArticleBody;
};

export type EditorProps = {
  id: string;
  version: number;
  status: StatusKey;
  path: string;
  publishedAt: string | null;
  everPublished: boolean;
  fields: EditorFields;
  hero: MediaChoice | null;
  corrections: { id: string; text: string; createdAt: string }[];
  /** An editor's note from sending it back from review, while it stands. */
  returned: { note: string; at: string; by: string | null } | null;
  /** Preview links that work (null: this member may not share), and whether older ones may. */
  previewLinks: { links: SharedLink[]; olderShared: boolean } | null;
  options: { sections: { id: string; name: string }[]; authors: { id: string; name: string }[]; tags: string[] };
  allowed: { publish: boolean; submit: boolean; withdraw: boolean; returnToWriter: boolean; remove: boolean; correct: boolean; setAuthors: boolean };
};

/** What the editor says once a story is taken down. */
const takedownDone = { unpublish: "Unpublished: the article is a draft again. Preview links given out were stopped.", archive: "Archived. Preview links given out were stopped." } as const;

/** The editor's names for its fields, to say which ones a save concerns. */
const fieldNames: Record<keyof EditorFields, string> = {
  headline: "headline", standfirst: "standfirst", slug: "slug", sectionId: "section", tags: "tags", authorIds: "byline",
  heroImageId: "hero image", heroCaption: "caption", heroCredit: "credit", seoTitle: "SEO title", seoDescription: "SEO description", body: "body",
};
const namesOf = (keys: string[]) => [...new Set(keys.map((k) => fieldNames[k.split(".")[0] as keyof EditorFields] ?? k))].join(", ");

const counter = (length: number, ideal: number) => `${length} of about ${ideal} characters${length > ideal ? " — may be cut off in search results" : ""}`;

function SaveIndicator({ state }: { state: SaveState }) {
  const text =
    state.kind === "saving" ? "Saving…"
    : state.kind === "unsaved" ? "Unsaved changes"
    : state.kind === "saved" ? (state.at ? `Saved at ${state.at.toLocaleTimeString()}` : "All changes saved")
    : state.kind === "conflict" ? "Not saved: someone else saved first"
    : state.fields && Object.keys(state.fields).length
      ? `Not saved: ${state.message} Check the ${namesOf(Object.keys(state.fields))}.${state.savedTheRest ? " Everything else is saved." : ""}`
      : `Not saved: ${state.message}`;
  return (
    <p role="status" aria-live="polite" data-save-state={state.kind} className={`text-sm ${state.kind === "error" || state.kind === "conflict" ? "font-semibold text-accent-ink" : "text-muted"}`}>
      {text}
    </p>
  );
}

export function ArticleEditor(props: EditorProps) {
  const router = useRouter();
  const [fields, setFields] = useState<EditorFields>(props.fields);
  const [status, setStatus] = useState<StatusKey>(props.status);
  const [path, setPath] = useState(props.path);
  const [hero, setHero] = useState<MediaChoice | null>(props.hero);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [slugTouched, setSlugTouched] = useState(props.everPublished || !props.fields.slug.startsWith("draft-"));
  const [slugCheck, setSlugCheck] = useState<{ ok: boolean; message: string } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>({ ok: true, text: "" });
  const [others, setOthers] = useState<{ id: string; name: string }[]>([]);
  /** Someone saved this article after the version shown here (learnt from the heartbeat). */
  const [savedElsewhere, setSavedElsewhere] = useState<{ by: string | null; at: string; version: number } | null>(null);
  const [scheduleAt, setScheduleAt] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [takedown, setTakedown] = useState<"unpublish" | "archive" | null>(null);
  const [correction, setCorrection] = useState("");
  const [returning, setReturning] = useState(false);
  const [returnNote, setReturnNote] = useState("");
  const [returnError, setReturnError] = useState("");
  const returnNoteField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (returning) returnNoteField.current?.focus();
  }, [returning]);
  const [corrections, setCorrections] = useState(props.corrections);
  const [busy, setBusy] = useState(false);
  const picker = useMediaPicker();
  const live = status === "PUBLISHED" || status === "SCHEDULED";

  const onSaved = useCallback((saved: { status: string; path: string }) => {
    setStatus(saved.status as StatusKey);
    setPath(saved.path);
  }, []);
  const saver = useArticleSaver({ id: props.id, version: props.version, fields, autosaveMs: live ? null : 2500, onSaved });
  // A refused step's reasons (publishing without a headline, a time in the past) at their fields
  // until the field changes; a refused save's while it stands.
  const [stepFields, setStepFields] = useState<Record<string, string>>({});
  const fieldErrors = { ...stepFields, ...(saver.state.kind === "error" ? saver.state.fields ?? {} : {}) };
  /** The message for a field, or for the first of its parts ("tags.2", "body.content.0…"). */
  const errorFor = (name: string) => fieldErrors[name] ?? Object.entries(fieldErrors).find(([k]) => k.startsWith(`${name}.`))?.[1];

  const { markChanged, unsavedKeys } = saver;
  const change = useCallback(
    <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => {
      setFields((f) => ({ ...f, [key]: value }));
      setStepFields((errors) => (key in errors ? Object.fromEntries(Object.entries(errors).filter(([k]) => k !== key)) : errors));
      markChanged(key);
    },
    [markChanged],
  );

  // Unsaved changes from an earlier visit in this tab (Back, a reload, a crash), offered back.
  const [bodyKey, setBodyKey] = useState(0);
  const unsavedBackup = useUnsavedBackup({
    id: props.id, loaded: { version: props.version }, fields, unsavedKeys, version: saver.version, saved: saver.state.kind === "saved" && saver.state.at !== null,
  });
  function restoreUnsaved() {
    const offered = unsavedBackup.offer;
    if (!offered) return;
    for (const [key, value] of Object.entries(offered)) change(key as keyof EditorFields, value as never);
    if ("body" in offered) setBodyKey((k) => k + 1); // the body editor starts from its value: a new one
    unsavedBackup.answer();
    setMessage({ ok: true, text: live ? "Your earlier changes are back. Update to make them live." : "Your earlier changes are back." });
  }

  // A new draft's slug follows its headline until someone edits the slug.
  const setHeadline = (headline: string) => {
    change("headline", headline);
    if (!slugTouched && headline.trim()) change("slug", slugify(headline));
  };

  // Taking a published story off the site asks first (a draft or a scheduled one goes at once).
  const asksFirst = status === "PUBLISHED";
  const takeDown = (kind: "unpublish" | "archive") => (asksFirst ? setTakedown(kind) : void step(kind, {}, takedownDone[kind]));

  // A headline in a script the slug cannot spell gives a placeholder slug ("article"): say so.
  const unspellable = !slugTouched && fields.headline.trim() !== "" && slugify(fields.headline, 80, "") === "";

  // Slug checked as you type. A slug that follows the headline moves on to the first free one when
  // another article has it ("council-votes" → "council-votes-2"), so the draft can still be saved.
  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await callApi<{ ok: boolean; message: string; suggestion?: string }>("GET", `/api/v1/slug-check?slug=${encodeURIComponent(fields.slug)}&id=${props.id}`);
      if (!result.ok) return;
      if (!result.data.ok && result.data.suggestion && !slugTouched) change("slug", result.data.suggestion);
      else setSlugCheck(result.data);
    }, 400);
    return () => clearTimeout(timer);
  }, [fields.slug, props.id, slugTouched, change]);

  // Who else has this article open, and whether it was saved over: a heartbeat every 20 s.
  const { version: shownVersion, isSaving } = saver;
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const result = await callApi<{ id: string; name: string }[]>("POST", `/api/v1/articles/${props.id}/presence`, {});
      if (stopped || !result.ok) return;
      setOthers(result.data);
      const current = result.meta as { version?: number; lastEditedBy?: string | null; updatedAt?: string } | undefined;
      // Not while a save of ours is on its way: its answer moves the version here too.
      if (current?.version !== undefined && current.version > shownVersion.current && !isSaving()) {
        setSavedElsewhere({ by: current.lastEditedBy ?? null, at: current.updatedAt ?? new Date().toISOString(), version: current.version });
      }
    };
    void beat();
    const interval = setInterval(beat, 20_000);
    return () => {
      stopped = true;
      clearInterval(interval);
    };
  }, [props.id, shownVersion, isSaving]);

  // Ctrl/Cmd+S saves now.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void saver.saveNow();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [saver]);

  const pickBodyImage = useCallback(async () => {
    const m = await picker.open();
    return m ? { src: m.url, alt: m.alt, caption: m.caption, credit: m.credit, width: m.width, height: m.height, mediaId: m.id } : null;
  }, [picker]);

  async function chooseHero() {
    const m = await picker.open();
    if (!m) return;
    setHero(m);
    change("heroImageId", m.id);
    if (!fields.heroCaption && m.caption) change("heroCaption", m.caption);
    if (!fields.heroCredit && m.credit) change("heroCredit", m.credit);
  }

  /**
   * Save first (so the version is current), then run a workflow step. True when it was taken.
   * `onFields`: the step's own fields' errors go there, to be shown at those fields.
   */
  async function step(action: string, body: Record<string, unknown> = {}, done?: string, onFields?: (fields: Record<string, string>) => void) {
    setBusy(true);
    setMessage({ ok: true, text: "" });
    setStepFields({});
    try {
      if (!(await saver.saveNow())) {
        setMessage({ ok: false, text: "Save the article first: it has unsaved changes that could not be saved." });
        return false;
      }
      const result = await callApi<{ status: StatusKey; version: number; path: string }>("POST", `/api/v1/articles/${props.id}/${action}`, { version: saver.version.current, ...body });
      if (!result.ok) {
        if (onFields && result.error.fields) {
          onFields(result.error.fields);
          setMessage({ ok: false, text: result.error.message });
        } else {
          const fieldText = result.error.fields ? ` ${Object.values(result.error.fields).join(" ")}` : "";
          setMessage({ ok: false, text: result.error.message + fieldText });
        }
        return false;
      }
      saver.setVersion(result.data.version);
      setStatus(result.data.status);
      setPath(result.data.path);
      setMessage({ ok: true, text: done ?? "Done." });
      router.refresh();
      return true;
    } finally {
      setBusy(false);
    }
  }

  async function returnToWriter() {
    setReturnError("");
    const taken = await step("return", { note: returnNote }, "Returned to its writers as a draft, with your note.", (fields) => setReturnError(fields.note ?? ""));
    if (taken) {
      setReturning(false);
      setReturnNote("");
    }
  }

  async function remove() {
    setBusy(true);
    const result = await callApi("DELETE", `/api/v1/articles/${props.id}?version=${saver.version.current}`);
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    router.push("/dashboard?deleted=1");
  }

  async function addCorrection() {
    const result = await callApi<{ id: string; text: string; createdAt: string }>("POST", `/api/v1/articles/${props.id}/corrections`, { text: correction });
    if (!result.ok) return setMessage({ ok: false, text: result.error.fields?.text ?? result.error.message });
    setCorrections((c) => [...c, result.data]);
    setCorrection("");
    setMessage({ ok: true, text: "Correction added; readers see it now." });
  }

  const plainText = useMemo(() => [fields.headline, fields.standfirst, bodyToPlainText(fields.body)].join("\n\n"), [fields]);
  /** After a conflict: ours over theirs, field by field, then the page again with the merged article. */
  async function keepMine(currentVersion: number) {
    if (await saver.overwrite(currentVersion)) window.location.reload();
  }
  // The writer's zone: unknown on the server, so named only once hydrated (a server "UTC" did not match).
  const timeZone = useBrowserValue(() => Intl.DateTimeFormat().resolvedOptions().timeZone, "");

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm">
            <span className="rounded bg-surface px-2 py-0.5 font-semibold">{statusLabels[status]}</span>{" "}
            {status === "PUBLISHED" ? <Link className="underline" href={path}>View live</Link> : null}
          </p>
          <SaveIndicator state={saver.state} />
        </div>
        {props.returned && (status === "DRAFT" || status === "IN_REVIEW") ? (
          // A draft: the writer's to act on. In review again: for the reviewer to check against.
          <section aria-labelledby="returned-heading" className={`rounded-md p-3 ${status === "DRAFT" ? "border-2 border-accent" : "border border-rule"}`}>
            <h2 id="returned-heading" className="font-bold">{status === "DRAFT" ? "Returned from review" : "Returned earlier, now submitted again"}</h2>
            <p className="text-sm text-muted">
              {props.returned.by ? `By ${props.returned.by}, ` : ""}<DateTime iso={props.returned.at} />.
              {status === "DRAFT" ? " Make the changes, then submit it for review again." : " The note it was returned with:"}
            </p>
            <blockquote className="mt-2 whitespace-pre-line border-l-4 border-rule pl-3">{props.returned.note}</blockquote>
          </section>
        ) : null}
        {others.length ? (
          <p role="status" className="rounded-md border border-rule bg-surface px-3 py-2 text-sm">
            Also editing now: {others.map((o) => o.name).join(", ")}
          </p>
        ) : null}
        {/* Not once this page has reached that version itself (a step of ours answered after the beat). */}
        {unsavedBackup.offer ? (
          <div role="alert" className="space-y-2 rounded-md border-2 border-accent p-3 text-sm">
            <p>
              <strong>Changes you made here earlier were not saved</strong> ({namesOf(Object.keys(unsavedBackup.offer))}). They were kept in this tab.
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="button" className={secondaryButtonClass} onClick={restoreUnsaved}>Restore them</button>
              <button type="button" className={secondaryButtonClass} onClick={unsavedBackup.answer}>Discard them</button>
            </div>
          </div>
        ) : null}
        {savedElsewhere && savedElsewhere.version > saver.version.current && saver.state.kind !== "conflict" ? (
          <div role="alert" className="space-y-2 rounded-md border-2 border-accent p-3 text-sm">
            <p>
              <strong>{savedElsewhere.by ?? "Someone"} saved this article</strong> at <DateTime iso={savedElsewhere.at} />, after the version shown here.
              {saver.hasUnsaved() ? " Your next save asks what to keep." : " Load the latest version before you go on."}
            </p>
            <button type="button" className={secondaryButtonClass} onClick={() => window.location.reload()}>Load the latest version</button>
          </div>
        ) : null}
        {saver.state.kind === "conflict" ? (
          <div role="alertdialog" aria-labelledby="conflict-title" className="space-y-2 rounded-md border-2 border-accent p-3">
            <h2 id="conflict-title" className="font-bold">Your changes were not saved</h2>
            <p className="text-sm">{saver.state.error.message} Nothing you typed is lost: it is still here and below.</p>
            <p className="text-sm">
              You changed: <strong>{namesOf(saver.unsavedKeys())}</strong>. &ldquo;Keep my changes&rdquo; saves those over their version and
              keeps everything else as they saved it; where you both changed the same field, yours wins.
            </p>
            <label htmlFor="conflict-copy" className="block text-sm font-semibold">Your text</label>
            <textarea id="conflict-copy" readOnly value={plainText} className={`${inputClass} h-32 font-mono text-xs`} />
            <div className="flex flex-wrap gap-2">
              <button type="button" className={secondaryButtonClass} onClick={() => void navigator.clipboard?.writeText(plainText)}>Copy my text</button>
              <button type="button" className={secondaryButtonClass} onClick={() => window.location.reload()}>Load their version</button>
              <button type="button" className={dangerButtonClass}
                onClick={() => saver.state.kind === "conflict" && void keepMine(saver.state.error.currentVersion ?? saver.version.current)}>
                Keep my changes
              </button>
            </div>
          </div>
        ) : null}

        <div>
          <label htmlFor="headline" className="block text-sm font-semibold">Headline</label>
          {/* A new draft's placeholder headline is selected on focus: typing replaces it. */}
          <input id="headline" value={fields.headline} onChange={(e) => setHeadline(e.target.value)} maxLength={200}
            onFocus={(e) => (e.currentTarget.value === UNTITLED_HEADLINE ? e.currentTarget.select() : undefined)}
            className={`${inputClass} font-serif text-2xl font-bold`} aria-invalid={!!fieldErrors.headline} aria-describedby={fieldErrors.headline ? "headline-error" : undefined} />
          <FieldError id="headline-error" message={fieldErrors.headline} />
        </div>
        <div>
          <label htmlFor="standfirst" className="block text-sm font-semibold">Standfirst</label>
          <textarea id="standfirst" value={fields.standfirst} onChange={(e) => change("standfirst", e.target.value)} maxLength={400} rows={3}
            className={`${inputClass} font-serif`} aria-invalid={!!fieldErrors.standfirst} aria-describedby={fieldErrors.standfirst ? "standfirst-error" : undefined} />
          <FieldError id="standfirst-error" message={fieldErrors.standfirst} />
        </div>
        <div>
          <p id="body-label" className="text-sm font-semibold">Body</p>
          <BodyEditor key={bodyKey} initialBody={fields.body} labelledBy="body-label" pickImage={pickBodyImage}
            onChange={(body, error) => {
              setBodyError(error);
              if (body) change("body", body);
            }} />
          <FieldError id="body-error" message={bodyError ?? errorFor("body")} />
        </div>

        <section aria-labelledby="hero-heading" className="space-y-2 rounded-md border border-rule p-3">
          <h2 id="hero-heading" className="font-semibold">Hero image</h2>
          {hero ? (
            <div className="flex items-start gap-3">
              {/* eslint-disable-next-line @next/next/no-img-element -- staff-only thumbnail */}
              <img src={hero.url} alt={hero.alt} width={160} height={Math.round((160 * hero.height) / hero.width)} className="h-auto w-40 rounded" />
              <div className="flex flex-col gap-2">
                <button type="button" className={secondaryButtonClass} onClick={() => void chooseHero()}>Change image</button>
                <button type="button" className={secondaryButtonClass} onClick={() => { setHero(null); change("heroImageId", null); }}>Remove image</button>
              </div>
            </div>
          ) : (
            <button type="button" className={secondaryButtonClass} onClick={() => void chooseHero()}>Choose image</button>
          )}
          <div className="grid gap-2 sm:grid-cols-2">
            <div>
              <label htmlFor="heroCaption" className="text-sm font-semibold">Caption</label>
              <input id="heroCaption" value={fields.heroCaption} onChange={(e) => change("heroCaption", e.target.value)} maxLength={500} className={inputClass} />
            </div>
            <div>
              <label htmlFor="heroCredit" className="text-sm font-semibold">Credit</label>
              <input id="heroCredit" value={fields.heroCredit} onChange={(e) => change("heroCredit", e.target.value)} maxLength={200} className={inputClass} />
            </div>
          </div>
        </section>

        <section aria-labelledby="seo-heading" className="space-y-2 rounded-md border border-rule p-3">
          <h2 id="seo-heading" className="font-semibold">Search and sharing</h2>
          <div>
            <label htmlFor="seoTitle" className="text-sm font-semibold">SEO title</label>
            <input id="seoTitle" value={fields.seoTitle} onChange={(e) => change("seoTitle", e.target.value)} maxLength={seoHints.titleMax} className={inputClass} aria-describedby="seoTitle-hint" />
            <p id="seoTitle-hint" className="text-xs text-muted">Empty: the headline is used. {counter(fields.seoTitle.length, seoHints.titleIdeal)}</p>
          </div>
          <div>
            <label htmlFor="seoDescription" className="text-sm font-semibold">SEO description</label>
            <textarea id="seoDescription" value={fields.seoDescription} onChange={(e) => change("seoDescription", e.target.value)} maxLength={seoHints.descriptionMax} rows={2} className={inputClass} aria-describedby="seoDescription-hint" />
            <p id="seoDescription-hint" className="text-xs text-muted">Empty: the standfirst is used. {counter(fields.seoDescription.length, seoHints.descriptionIdeal)}</p>
          </div>
        </section>

        <RevisionsPanel articleId={props.id} canRestore={!live || props.allowed.publish} onPublicSite={status === "PUBLISHED"}
          onRestored={(v) => { saver.setVersion(v); window.location.reload(); }} currentVersion={() => saver.version.current} />
        <HistoryPanel articleId={props.id} />
      </div>

      <aside aria-label="Publishing" className="space-y-4">
        {/* Not "Draft saved." beside a later save's "Not saved: …" (the error is told at the top). */}
        <FormMessage ok={message.ok} message={message.ok && (saver.state.kind === "error" || saver.state.kind === "conflict") ? "" : message.text} />
        <div className="space-y-2 rounded-md border border-rule p-3">
          <h2 className="font-semibold">Publish</h2>
          <button type="button" className={`${secondaryButtonClass} w-full`} disabled={busy || saver.state.kind === "saving"} onClick={async () => {
            if (await saver.saveNow()) setMessage({ ok: true, text: live ? "Changes are live." : "Draft saved." });
          }}>
            {live ? "Update" : "Save draft"}
          </button>
          {props.allowed.submit && status === "DRAFT" ? (
            <button type="button" className={`${secondaryButtonClass} w-full`} disabled={busy} onClick={() => void step("submit", {}, "Submitted for review.")}>Submit for review</button>
          ) : null}
          {props.allowed.withdraw && status === "IN_REVIEW" ? (
            <button type="button" className={`${secondaryButtonClass} w-full`} disabled={busy} onClick={() => void step("withdraw", {}, "Withdrawn from review: it is a draft again.")}>Withdraw from review</button>
          ) : null}
          {props.allowed.returnToWriter && status === "IN_REVIEW" ? (
            returning ? (
              <div className="space-y-1">
                <label htmlFor="return-note" className="text-sm font-semibold">What should change?</label>
                <p id="return-note-hint" className="text-xs text-muted">Its writers see this on the draft.</p>
                <textarea ref={returnNoteField} id="return-note" value={returnNote} onChange={(e) => setReturnNote(e.target.value)} rows={4} maxLength={2000} className={inputClass}
                  aria-invalid={!!returnError} aria-describedby={returnError ? "return-note-hint return-note-error" : "return-note-hint"} />
                <FieldError id="return-note-error" message={returnError} />
                <div className="flex gap-2">
                  <button type="button" className={secondaryButtonClass} disabled={busy} onClick={() => void returnToWriter()}>Return with this note</button>
                  <button type="button" className={secondaryButtonClass} onClick={() => { setReturning(false); setReturnError(""); }}>Cancel</button>
                </div>
              </div>
            ) : (
              <button type="button" className={`${secondaryButtonClass} w-full`} disabled={busy} onClick={() => setReturning(true)}>Return to writer…</button>
            )
          ) : null}
          {props.allowed.publish && status !== "PUBLISHED" ? (
            <button type="button" className={`${buttonClass} w-full`} disabled={busy} onClick={() => void step("publish", {}, "Published.", setStepFields)}>Publish now</button>
          ) : null}
          {props.allowed.publish && status !== "PUBLISHED" ? (
            <div className="space-y-1">
              <label htmlFor="scheduleAt" className="text-sm font-semibold">Schedule for{timeZone ? ` (${timeZone})` : " (your time zone)"}</label>
              <input id="scheduleAt" type="datetime-local" value={scheduleAt} onChange={(e) => setScheduleAt(e.target.value)} className={inputClass}
                aria-invalid={!!fieldErrors.publishAt} aria-describedby={fieldErrors.publishAt ? "scheduleAt-error" : undefined} />
              <FieldError id="scheduleAt-error" message={fieldErrors.publishAt} />
              <button type="button" className={`${secondaryButtonClass} w-full`} disabled={busy || !scheduleAt}
                onClick={() => void step("schedule", { publishAt: new Date(scheduleAt).toISOString() }, `Scheduled for ${new Date(scheduleAt).toLocaleString()}.`, setStepFields)}>
                Schedule
              </button>
            </div>
          ) : null}
          {status === "SCHEDULED" && props.publishedAt ? <p className="text-sm">Goes live <DateTime iso={props.publishedAt} />.</p> : null}
          {takedown ? (
            // Taking a published story off the site asks first, as deleting does: one stray click did it.
            <ConfirmBox id="takedown-title" busy={busy}
              question={`${takedown === "unpublish" ? "Unpublish" : "Archive"} this story? Readers lose it now: its address will answer “gone” until it is published again, and preview links given out stop working.`}
              action={takedown === "unpublish" ? "Unpublish now" : "Archive now"}
              onConfirm={() => { setTakedown(null); void step(takedown, {}, takedownDone[takedown]); }} onCancel={() => setTakedown(null)} />
          ) : (
            <>
              {props.allowed.publish && live ? (
                <button type="button" className={`${secondaryButtonClass} w-full`} disabled={busy} onClick={() => takeDown("unpublish")}>Unpublish{asksFirst ? "…" : ""}</button>
              ) : null}
              {props.allowed.publish && status !== "ARCHIVED" ? (
                <button type="button" className={`${secondaryButtonClass} w-full`} disabled={busy} onClick={() => takeDown("archive")}>Archive{asksFirst ? "…" : ""}</button>
              ) : null}
            </>
          )}
          <Link className={`${secondaryButtonClass} w-full`} href={`/dashboard/articles/${props.id}/preview`}>Preview</Link>
          {props.allowed.remove ? (
            confirmDelete ? (
              <ConfirmBox id="delete-title" busy={busy} question={`Delete this article for good?${props.everPublished ? " Its address will answer “gone”." : ""}`}
                action="Delete permanently" onConfirm={() => void remove()} onCancel={() => setConfirmDelete(false)} />
            ) : (
              <button type="button" className={`${dangerButtonClass} w-full`} onClick={() => setConfirmDelete(true)}>Delete…</button>
            )
          ) : null}
        </div>

        <div className="space-y-2 rounded-md border border-rule p-3">
          <h2 className="font-semibold">Details</h2>
          <div>
            <label htmlFor="slug" className="text-sm font-semibold">Slug</label>
            <input id="slug" value={fields.slug} onChange={(e) => { setSlugTouched(true); change("slug", e.target.value.toLowerCase().replace(/\s+/g, "-")); }}
              className={inputClass} aria-invalid={slugCheck ? !slugCheck.ok : false} aria-describedby="slug-status" />
            <p id="slug-status" className={`text-xs ${slugCheck && !slugCheck.ok ? "font-semibold text-accent-ink" : "text-muted"}`}>
              {fieldErrors.slug ?? slugCheck?.message ?? ""}
              {unspellable && !fieldErrors.slug && slugCheck?.ok !== false ? " The headline has no letters a web address can spell (Chinese or Japanese, say): write the slug yourself, in Latin letters." : ""}
            </p>
          </div>
          <div>
            <label htmlFor="sectionId" className="text-sm font-semibold">Section</label>
            <select id="sectionId" value={fields.sectionId} onChange={(e) => change("sectionId", e.target.value)} className={inputClass}>
              {props.options.sections.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </div>
          <TagsField tags={fields.tags} known={props.options.tags} error={errorFor("tags")} onChange={(tags) => change("tags", tags)} />
          <AuthorsField ids={fields.authorIds} all={props.options.authors} editable={props.allowed.setAuthors} error={fieldErrors.authorIds} onChange={(ids) => change("authorIds", ids)} />
        </div>

        {props.previewLinks && status !== "PUBLISHED" ? (
          // Drawn afresh when the server's list changes (a take-down stops every link).
          <PreviewLinks key={`${props.previewLinks.links.map((l) => l.id).join()}|${props.previewLinks.olderShared}`} articleId={props.id} {...props.previewLinks} />
        ) : null}
        {props.allowed.correct && props.everPublished ? (
          <div className="space-y-2 rounded-md border border-rule p-3">
            <h2 className="font-semibold">Corrections</h2>
            {corrections.length ? (
              <ul className="list-disc space-y-1 pl-5 text-sm">{corrections.map((c) => <li key={c.id}>{c.text}</li>)}</ul>
            ) : <p className="text-sm text-muted">None.</p>}
            <label htmlFor="correction" className="text-sm font-semibold">New correction</label>
            <textarea id="correction" value={correction} onChange={(e) => setCorrection(e.target.value)} rows={3} maxLength={1000} className={inputClass} />
            <button type="button" className={secondaryButtonClass} disabled={correction.trim().length < 5} onClick={() => void addCorrection()}>Add correction</button>
          </div>
        ) : null}
      </aside>
      {picker.dialog}
    </div>
  );
}

function TagsField({ tags, known, error, onChange }: { tags: string[]; known: string[]; error?: string; onChange: (tags: string[]) => void }) {
  const [text, setText] = useState(tags.join(", "));
  const last = useRef(tags);
  return (
    <div>
      <label htmlFor="tags" className="text-sm font-semibold">Tags (comma-separated)</label>
      <input id="tags" list="tag-options" value={text} className={inputClass} aria-invalid={!!error} aria-describedby={error ? "tags-error" : "tags-hint"}
        onChange={(e) => {
          setText(e.target.value);
          const next = [...new Set(e.target.value.split(",").map((t) => t.trim()).filter(Boolean))];
          if (next.join("\u0000") !== last.current.join("\u0000")) {
            last.current = next;
            onChange(next);
          }
        }} />
      <datalist id="tag-options">{known.map((t) => <option key={t} value={t} />)}</datalist>
      <p id="tags-hint" className="text-xs text-muted">New tags are created when you save (authors and editors).</p>
      <FieldError id="tags-error" message={error} />
    </div>
  );
}

function AuthorsField({ ids, all, editable, error, onChange }: { ids: string[]; all: { id: string; name: string }[]; editable: boolean; error?: string; onChange: (ids: string[]) => void }) {
  const name = (id: string) => all.find((a) => a.id === id)?.name ?? "Unknown";
  const [adding, setAdding] = useState("");
  const move = (i: number, by: number) => {
    const next = [...ids];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  return (
    <fieldset>
      <legend className="text-sm font-semibold">Byline</legend>
      <ol className="mt-1 space-y-1 text-sm">
        {ids.map((id, i) => (
          <li key={id} className="flex items-center gap-1">
            <span className="flex-1">{name(id)}</span>
            {editable ? (
              <>
                <button type="button" className="rounded border border-rule px-1" disabled={i === 0} aria-label={`Move ${name(id)} up`} onClick={() => move(i, -1)}>↑</button>
                <button type="button" className="rounded border border-rule px-1" disabled={i === ids.length - 1} aria-label={`Move ${name(id)} down`} onClick={() => move(i, 1)}>↓</button>
                <button type="button" className="rounded border border-rule px-1" disabled={ids.length === 1} aria-label={`Remove ${name(id)}`} onClick={() => onChange(ids.filter((x) => x !== id))}>×</button>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {editable ? (
        <div className="mt-1 flex gap-1">
          <label htmlFor="add-author" className="sr-only">Add an author</label>
          <select id="add-author" value={adding} onChange={(e) => setAdding(e.target.value)} className={inputClass}>
            <option value="">Add an author…</option>
            {all.filter((a) => !ids.includes(a.id)).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
          <button type="button" className={secondaryButtonClass} disabled={!adding} onClick={() => { onChange([...ids, adding]); setAdding(""); }}>Add</button>
        </div>
      ) : null}
      <FieldError id="authors-error" message={error} />
    </fieldset>
  );
}
