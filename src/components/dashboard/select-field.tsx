import type { SelectHTMLAttributes } from "react";
import { FieldError, inputClass } from "@/components/dashboard/form-bits";

/**
 * A labelled select with its error message tied to it (aria-invalid, aria-describedby): the
 * select counterpart of TextField. Server-renderable.
 */
export function SelectField({ id, label, error, children, ...select }: { id: string; label: string; error?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select id={id} className={inputClass} aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {children}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
