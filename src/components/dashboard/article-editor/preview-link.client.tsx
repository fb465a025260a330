"use client";
import { useEffect, useRef, useState } from "react";
import { callApi } from "@/components/dashboard/api-client";
import { DateTime } from "@/components/dashboard/date-time.client";
import { FieldError, FormMessage, inputClass, secondaryButtonClass } from "@/components/dashboard/form-bits";
import { OneTimeSecret } from "@/components/dashboard/one-time-secret.client";

/** A link that still works, as `GET /api/v1/articles/{id}/preview-links` gives it. */
export type SharedLink = { id: string; label: string; createdAt: string; expiresAt: string; opens: number; lastOpenedAt: string | null; createdBy: string | null };
type MadeLink = { id: string; path: string; expiresAt: string; label: string };

const nameOf = (link: { label: string }) => (link.label ? `the link for ${link.label}` : "the link");

/**
 * Preview links for someone outside the newsroom (services/preview-links.ts): make one for
 * someone, copy it, see which links work and whether they were opened, stop one, or stop them
 * all. `olderShared`: links made before links were listed may still work (until stopped).
 */
export function PreviewLinks({ articleId, links: initialLinks, olderShared }: { articleId: string; links: SharedLink[]; olderShared: boolean }) {
  const [links, setLinks] = useState(initialLinks);
  const [older, setOlder] = useState(olderShared);
  const [label, setLabel] = useState("");
  const [labelError, setLabelError] = useState("");
  const [made, setMade] = useState<MadeLink | null>(null);
  const [message, setMessage] = useState({ ok: true, text: "" });
  const [busy, setBusy] = useState(false);
  const base = `/api/v1/articles/${articleId}`;
  // The buttons are disabled while a call runs, which drops the focus to the page's top: it is
  // put back in the panel, on the new link (to copy it) or on the label field.
  const labelField = useRef<HTMLInputElement>(null);
  const focusAfter = useRef<"link" | "label" | null>(null);
  useEffect(() => {
    if (busy || !focusAfter.current) return;
    (focusAfter.current === "link" ? document.getElementById("preview-link") : labelField.current)?.focus();
    focusAfter.current = null;
  }, [busy, made]);

  async function reload() {
    const result = await callApi<SharedLink[]>("GET", `${base}/preview-links`);
    if (result.ok) setLinks(result.data);
  }

  async function make() {
    setBusy(true);
    setMessage({ ok: true, text: "" });
    setLabelError("");
    const result = await callApi<MadeLink>("POST", `${base}/preview-links`, { label });
    focusAfter.current = result.ok ? "link" : "label";
    setBusy(false);
    if (!result.ok) {
      if (result.error.fields?.label) return setLabelError(result.error.fields.label);
      return setMessage({ ok: false, text: result.error.message });
    }
    setMade(result.data);
    setLabel("");
    await reload();
  }

  async function stop(link?: SharedLink) {
    setBusy(true);
    setMessage({ ok: true, text: "" });
    const result = await callApi("POST", `${base}/stop-preview-links`, link ? { linkId: link.id } : {});
    focusAfter.current = "label";
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    if (!link || made?.id === link.id) setMade(null);
    if (!link) setOlder(false);
    setMessage({ ok: true, text: link ? `Stopped: ${nameOf(link)} no longer works.` : "Sharing stopped: every link given out no longer works." });
    await reload();
  }

  return (
    <div className="space-y-2 rounded-md border border-rule p-3">
      <h2 className="font-semibold">Preview links</h2>
      <p className="text-sm text-muted">For someone without an account, such as a lawyer: the article as readers will see it, for 7 days.</p>
      {made ? (
        <OneTimeSecret id="preview-link" label={made.label ? `Link to send to ${made.label}` : "Link to send"} value={made.path}
          note={`Works until ${new Date(made.expiresAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}, or until you stop it. Anyone who has it can read the article.`} />
      ) : null}
      {links.length > 0 ? (
        <ul className="space-y-2 text-sm" aria-label="Preview links that work">
          {links.map((link) => (
            <li key={link.id} className="border-t border-rule pt-2 first:border-t-0 first:pt-0">
              <span className="block font-semibold wrap-anywhere">{link.label ? `For ${link.label}` : "No name given"}</span>
              <span className="block text-xs text-muted">
                {link.createdBy ? `${link.createdBy}, ` : ""}<DateTime iso={link.createdAt} /> · until <DateTime iso={link.expiresAt} />
              </span>
              <span className="block text-xs">
                {link.opens === 0 ? "Not opened yet" : <>Opened {link.opens === 1 ? "once" : `${link.opens} times`}, last <DateTime iso={link.lastOpenedAt!} /></>}
              </span>
              <button type="button" className={`${secondaryButtonClass} mt-1`} disabled={busy} aria-label={`Stop ${nameOf(link)}`} onClick={() => void stop(link)}>
                Stop this link
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {older ? <p className="text-sm">Links given out earlier may still work, until you stop every link.</p> : null}
      <FormMessage ok={message.ok} message={message.text} />
      <div>
        <label htmlFor="preview-link-label" className="block text-sm font-medium">Who is it for? <span className="font-normal text-muted">(optional)</span></label>
        <input ref={labelField} id="preview-link-label" className={inputClass} value={label} maxLength={80} disabled={busy} placeholder="Our lawyer"
          aria-invalid={labelError ? true : undefined} aria-describedby={labelError ? "preview-link-label-error" : undefined}
          onChange={(e) => setLabel(e.target.value)} onKeyDown={(e) => (e.key === "Enter" ? (e.preventDefault(), void make()) : undefined)} />
        <FieldError id="preview-link-label-error" message={labelError} />
      </div>
      <button type="button" className={`${secondaryButtonClass} w-full`} disabled={busy} onClick={() => void make()}>
        {links.length > 0 || older ? "Make another link" : "Make a preview link"}
      </button>
      {links.length > 1 || older ? (
        <button type="button" className={`${secondaryButtonClass} w-full`} disabled={busy}
          onClick={() => {
            const count = older ? "Every link given out" : `All ${links.length} links`;
            if (window.confirm(`${count} will stop working at once, for everyone who has one. Stop them?`)) void stop();
          }}>
          Stop every link
        </button>
      ) : null}
    </div>
  );
}
