"use client";
import { useEffect, useRef, type SelectHTMLAttributes } from "react";
import { FieldError, inputClass } from "@/components/dashboard/form-bits";

/**
 * For a controlled select inside a form with an action: React resets the form after its action,
 * and a select goes back to its default option, which for a controlled select is the first; after
 * a refused submit the member's choice would be shown (and sent next time) as the first option.
 * The chosen option is kept as the default instead. Give the returned ref to the select.
 */
export function useKeptChoice(value: SelectHTMLAttributes<HTMLSelectElement>["value"]) {
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (value === undefined || !ref.current) return;
    for (const option of ref.current.options) option.defaultSelected = option.value === String(value);
  }, [value]);
  return ref;
}

/**
 * A labelled select with its error message tied to it (aria-invalid, aria-describedby): the
 * select counterpart of TextField. It keeps its choice through a refused submit (useKeptChoice).
 */
export function SelectField({ id, label, error, children, ...select }: { id: string; label: string; error?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const ref = useKeptChoice(select.value);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select ref={ref} id={id} className={inputClass} aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {children}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
