import type { InputHTMLAttributes } from "react";
import { FieldError, inputClass } from "@/components/dashboard/form-bits";

/**
 * A labelled input with its error message tied to it (aria-invalid, aria-describedby), so that
 * every form of the staff pages says the same thing the same way. Server-renderable.
 */
export function TextField({ id, label, error, hint, ...input }: { id: string; label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input id={id} className={inputClass} aria-invalid={!!error} aria-describedby={described || undefined} {...input} />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
