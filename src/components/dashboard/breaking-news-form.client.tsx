"use client";
import { useActionState, useState } from "react";
import { DateTime } from "@/components/dashboard/date-time.client";
import { FieldError, FormMessage, buttonClass, dangerButtonClass, inputClass } from "@/components/dashboard/form-bits";
import { TextField } from "@/components/dashboard/text-field";
import { useBrowserValue } from "@/components/ui/browser-value";
import type { ActionState } from "@/server/actions/action-state";
import { breakingNewsAction } from "@/server/actions/curation";

const initial: ActionState = { ok: false, message: "" };
const pad = (n: number) => String(n).padStart(2, "0");

/** A Date as a datetime-local value ("2031-05-04T18:30") in the browser's time zone. */
function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A datetime-local value, read in the browser's time zone, as ISO 8601 with that zone's offset
 * ("2031-05-04T18:30:00+01:00"): the server has no idea which zone the editor meant.
 */
function localInputToIso(value: string): string {
  if (!value) return "";
  const date = new Date(value); // no offset in the string: local time
  if (Number.isNaN(date.getTime())) return value; // the server explains what is wrong
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return `${toLocalInput(date)}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

type Banner = { text: string; url: string | null; expiresAt: string | null; live: boolean } | null;

/** The banner above every reader page: text, optional link, optional expiry in the editor's own time. */
export function BreakingNewsForm({ current }: { current: Banner }) {
  const [state, action, pending] = useActionState(breakingNewsAction, initial);
  // Controlled, so that a refused save keeps what was typed (React resets uncontrolled fields).
  const [text, setText] = useState(current?.text ?? "");
  const [url, setUrl] = useState(current?.url ?? "");
  const [expiry, setExpiry] = useState<string | null>(null);
  // The stored expiry in this browser's zone; empty on the server, which cannot know the zone.
  const storedExpiry = useBrowserValue(() => (current?.expiresAt ? toLocalInput(new Date(current.expiresAt)) : ""), "");
  const timeZone = useBrowserValue(() => Intl.DateTimeFormat().resolvedOptions().timeZone, "");
  const localExpiry = expiry ?? storedExpiry;
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.ok && state.data?.cleared) {
      setText("");
      setUrl("");
      setExpiry("");
    }
  }
  const fields = state.fields ?? {};

  return (
    <div className="space-y-3">
      <p className="text-sm" role="status">
        {!current ? (
          "No banner is showing."
        ) : current.live ? (
          <>
            Showing now{current.expiresAt ? <> until <DateTime iso={current.expiresAt} /></> : " until cleared"}.
          </>
        ) : (
          <>Expired{current.expiresAt ? <> at <DateTime iso={current.expiresAt} /></> : null}: readers no longer see it.</>
        )}
      </p>
      <form action={action} className="space-y-3" noValidate>
        <TextField id="breaking-text" name="text" label="Banner text" required maxLength={200} value={text}
          onChange={(e) => setText(e.target.value)} error={fields.text} hint="Up to 200 characters." />
        <TextField id="breaking-url" name="url" label="Link (optional)" inputMode="url" value={url}
          onChange={(e) => setUrl(e.target.value)} error={fields.url} hint="A page of this site (/politics/…) or an https:// address." />
        <div>
          <label htmlFor="breaking-expiry" className="block text-sm font-semibold">Expires (optional)</label>
          <p id="breaking-expiry-hint" className="text-sm text-muted">
            In your time zone{timeZone ? ` (${timeZone})` : ""}. Leave empty to show the banner until it is cleared.
          </p>
          <input id="breaking-expiry" type="datetime-local" value={localExpiry} onChange={(e) => setExpiry(e.target.value)} className={inputClass}
            aria-invalid={!!fields.expiresAt} aria-describedby={fields.expiresAt ? "breaking-expiry-hint breaking-expiry-error" : "breaking-expiry-hint"} />
          <input type="hidden" name="expiresAt" value={localInputToIso(localExpiry)} />
          <FieldError id="breaking-expiry-error" message={fields.expiresAt} />
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="set" className={buttonClass} disabled={pending}>
            Set banner
          </button>
          <button type="submit" name="intent" value="clear" className={dangerButtonClass} disabled={pending || !current}>
            Clear banner
          </button>
        </div>
        <FormMessage ok={state.ok} message={state.message} />
      </form>
    </div>
  );
}
