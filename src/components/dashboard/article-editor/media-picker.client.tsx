"use client";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { callApi } from "@/components/dashboard/api-client";
import { FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/dashboard/form-bits";
import { MediaUploadFields } from "@/components/dashboard/media-upload-fields";

export type MediaChoice = { id: string; url: string; alt: string; caption: string; credit: string; width: number; height: number };

/**
 * The media library as a modal dialog: search, pick, or upload a new image (alt text required).
 * `open()` resolves with the chosen image, or null when the dialog is closed.
 */
export function useMediaPicker() {
  const [resolver, setResolver] = useState<((m: MediaChoice | null) => void) | null>(null);
  const open = useCallback(() => new Promise<MediaChoice | null>((resolve) => setResolver(() => resolve)), []);
  const close = useCallback(
    (choice: MediaChoice | null) => {
      resolver?.(choice);
      setResolver(null);
    },
    [resolver],
  );
  const dialog = resolver ? <MediaPickerDialog onClose={close} /> : null;
  return { open, dialog };
}

function MediaPickerDialog({ onClose }: { onClose: (choice: MediaChoice | null) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<MediaChoice[] | null>(null);
  const [message, setMessage] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(false);

  useEffect(() => {
    ref.current?.showModal();
  }, []);
  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await callApi<MediaChoice[]>("GET", `/api/v1/media?perPage=48${query ? `&q=${encodeURIComponent(query)}` : ""}`);
      if (result.ok) setItems(result.data);
      else setMessage(result.error.message);
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  async function upload(form: HTMLFormElement) {
    setUploading(true);
    setMessage("");
    const result = await callApi<MediaChoice>("POST", "/api/v1/media", new FormData(form));
    setUploading(false);
    if (result.ok) onClose(result.data);
    else {
      setMessage(result.error.message);
      setFields(result.error.fields ?? {});
    }
  }

  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={() => onClose(null)}
      className="m-auto w-[min(56rem,calc(100vw-1rem))] rounded-lg border border-rule bg-paper p-0 text-ink backdrop:bg-black/50">
      <div className="flex items-center justify-between border-b border-rule px-4 py-3">
        <h2 id={titleId} className="text-lg font-bold">Media library</h2>
        <button type="button" className={secondaryButtonClass} onClick={() => onClose(null)}>Close</button>
      </div>
      <div className="max-h-[75vh] overflow-y-auto p-4">
        <FormMessage ok={false} message={message} />
        <form className="mb-4 grid gap-2 rounded-md border border-rule p-3 sm:grid-cols-2"
          onSubmit={(e) => { e.preventDefault(); void upload(e.currentTarget); }}>
          <h3 className="font-semibold sm:col-span-2">Upload an image</h3>
          <MediaUploadFields idPrefix="mp-" fields={fields} />
          <div className="sm:col-span-2">
            <button type="submit" className={buttonClass} disabled={uploading}>{uploading ? "Uploading…" : "Upload and use"}</button>
          </div>
        </form>
        <label htmlFor="mp-search" className="text-sm font-semibold">Search the library</label>
        <input id="mp-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={`${inputClass} mb-3`} />
        {items === null ? <p>Loading…</p> : items.length === 0 ? <p>No images found.</p> : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {items.map((m) => (
              <li key={m.id}>
                <button type="button" onClick={() => onClose(m)} className="block w-full rounded-md border border-rule p-1 text-left hover:border-accent focus:border-accent">
                  {/* eslint-disable-next-line @next/next/no-img-element -- staff-only thumbnails of our own media */}
                  <img src={m.url} alt="" width={m.width} height={m.height} loading="lazy" className="aspect-[3/2] w-full rounded object-cover" />
                  <span className="mt-1 line-clamp-2 block text-xs">{m.alt}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </dialog>
  );
}
