"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/dashboard/api-client";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/dashboard/form-bits";
import { MediaUploadFields } from "@/components/dashboard/media-upload-fields";
import type { MediaChoice } from "@/components/dashboard/article-editor/media-picker.client";

type Item = MediaChoice & { uploadedBy: string | null; editable: boolean; deletable: boolean };

/** Upload form and the library's images, each with its alt text, caption and credit. */
export function MediaLibrary({ items }: { items: Item[] }) {
  const router = useRouter();
  const [message, setMessage] = useState({ ok: true, text: "" });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function upload(form: HTMLFormElement) {
    setBusy(true);
    const result = await callApi<MediaChoice>("POST", "/api/v1/media", new FormData(form));
    setBusy(false);
    if (!result.ok) {
      setFields(result.error.fields ?? {});
      return setMessage({ ok: false, text: result.error.message });
    }
    form.reset();
    setFields({});
    setMessage({ ok: true, text: `Uploaded “${result.data.alt}”.` });
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form className="grid gap-3 rounded-md border border-rule p-4 sm:grid-cols-2" onSubmit={(e) => { e.preventDefault(); void upload(e.currentTarget); }}>
        <h2 className="text-lg font-semibold sm:col-span-2">Upload an image</h2>
        <div className="sm:col-span-2"><FormMessage ok={message.ok} message={message.text} /></div>
        <MediaUploadFields fields={fields} />
        <div><button type="submit" className={buttonClass} disabled={busy}>{busy ? "Uploading…" : "Upload"}</button></div>
      </form>

      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((item) => <MediaCard key={item.id} item={item} />)}
      </ul>
    </div>
  );
}

function MediaCard({ item }: { item: Item }) {
  const router = useRouter();
  const [values, setValues] = useState({ alt: item.alt, caption: item.caption, credit: item.credit });
  // The alt text as saved: the thumbnail's and the Delete button's names follow a save at once.
  const [alt, setAlt] = useState(item.alt);
  const [state, setState] = useState<{ ok: boolean; text: string; fields?: Record<string, string> }>({ ok: true, text: "" });
  const prefix = `m-${item.id}`;
  async function save() {
    const result = await callApi<MediaChoice>("PATCH", `/api/v1/media/${item.id}`, values);
    if (result.ok) setAlt(result.data.alt);
    setState(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: result.error.message, fields: result.error.fields });
  }
  async function remove() {
    if (!window.confirm(`Delete the image “${alt}”? This cannot be undone.`)) return;
    const result = await callApi("DELETE", `/api/v1/media/${item.id}`);
    if (result.ok) router.refresh();
    else setState({ ok: false, text: result.error.message });
  }
  return (
    <li className="rounded-md border border-rule p-3">
      {/* eslint-disable-next-line @next/next/no-img-element -- staff-only thumbnail of our own media */}
      <img src={item.url} alt={alt} width={item.width} height={item.height} loading="lazy" className="aspect-[3/2] w-full rounded object-cover" />
      <p className="mt-1 text-xs text-muted">{item.width}×{item.height}{item.uploadedBy ? ` · ${item.uploadedBy}` : ""}</p>
      {item.editable ? (
        <form className="mt-2 space-y-2" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          {(["alt", "caption", "credit"] as const).map((name) => (
            <div key={name}>
              <label htmlFor={`${prefix}-${name}`} className="text-xs font-semibold">{name === "alt" ? "Alt text" : name[0]!.toUpperCase() + name.slice(1)}</label>
              <input id={`${prefix}-${name}`} value={values[name]} onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))} className={inputClass}
                aria-invalid={!!state.fields?.[name]} aria-describedby={state.fields?.[name] ? `${prefix}-${name}-error` : undefined} />
              <FieldError id={`${prefix}-${name}-error`} message={state.fields?.[name]} />
            </div>
          ))}
          <div className="flex items-center gap-2">
            <button type="submit" className={secondaryButtonClass}>Save</button>
            {item.deletable ? (
              <button type="button" className={secondaryButtonClass} onClick={() => void remove()}>
                Delete<span className="sr-only"> “{alt}”</span>
              </button>
            ) : null}
            <span role="status" className={`text-sm ${state.ok ? "text-muted" : "text-accent-ink"}`}>{state.text}</span>
          </div>
        </form>
      ) : <p className="mt-2 text-sm">{item.alt}</p>}
    </li>
  );
}
