import { FieldError, inputClass } from "@/components/dashboard/form-bits";

/**
 * The fields of an image upload (file, alt text, caption, credit), for the media library page and
 * the editor's media picker. Field names are what POST /api/v1/media reads; `fields` holds its
 * messages per field.
 */
export function MediaUploadFields({ idPrefix = "", fields }: { idPrefix?: string; fields: Record<string, string> }) {
  const id = (name: string) => `${idPrefix}${name}`;
  return (
    <>
      <div className="sm:col-span-2">
        <label htmlFor={id("file")} className="text-sm font-semibold">Image file (JPEG, PNG, WebP, AVIF or GIF; up to 15 MB)</label>
        <input id={id("file")} name="file" type="file" required accept="image/jpeg,image/png,image/webp,image/avif,image/gif" className="mt-1 block w-full text-sm"
          aria-invalid={!!fields.file} aria-describedby={fields.file ? id("file-error") : undefined} />
        <FieldError id={id("file-error")} message={fields.file} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor={id("alt")} className="text-sm font-semibold">Alt text (required)</label>
        <input id={id("alt")} name="alt" required maxLength={500} className={inputClass} aria-invalid={!!fields.alt} aria-describedby={fields.alt ? id("alt-error") : undefined} />
        <FieldError id={id("alt-error")} message={fields.alt} />
      </div>
      <div>
        <label htmlFor={id("caption")} className="text-sm font-semibold">Caption</label>
        <input id={id("caption")} name="caption" maxLength={500} className={inputClass} />
      </div>
      <div>
        <label htmlFor={id("credit")} className="text-sm font-semibold">Credit</label>
        <input id={id("credit")} name="credit" maxLength={200} className={inputClass} />
      </div>
    </>
  );
}
