/** Small form pieces shared by the sign-in page and the dashboard (server-renderable). */

export const inputClass =
  "mt-1 block w-full rounded-md border border-rule bg-paper px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/40 aria-[invalid=true]:border-accent";
export const buttonClass =
  "inline-flex items-center justify-center gap-2 rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-50";
export const secondaryButtonClass =
  "inline-flex items-center justify-center gap-2 rounded-md border border-rule bg-paper px-3 py-2 text-sm font-medium text-ink hover:bg-surface disabled:cursor-not-allowed disabled:opacity-50";
export const dangerButtonClass =
  "inline-flex items-center justify-center gap-2 rounded-md border border-accent px-3 py-2 text-sm font-semibold text-accent-ink hover:bg-accent hover:text-paper disabled:opacity-50";

/** The input of a code from an authenticator app (or a recovery code). */
export const oneTimeCodeInput = {
  name: "code",
  type: "text",
  inputMode: "numeric",
  autoComplete: "one-time-code",
  required: true,
  maxLength: 20,
  spellCheck: false,
} as const;

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-accent-ink">
      {message}
    </p>
  );
}

export function FormMessage({ ok, message }: { ok: boolean; message: string }) {
  if (!message) return null;
  return (
    <p role={ok ? "status" : "alert"} className={`rounded-md border px-3 py-2 text-sm ${ok ? "border-rule bg-surface text-ink" : "border-accent text-accent-ink"}`}>
      {message}
    </p>
  );
}
