"use client";
import { useActionState } from "react";
import { signInWithPassword } from "@/server/actions/auth";
import { FieldError, FormMessage, buttonClass, inputClass } from "@/components/dashboard/form-bits";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInWithPassword, { ok: false, message: "" });
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="email" className="block text-sm font-semibold">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className={inputClass}
          aria-invalid={!!state.fields?.email} aria-describedby={state.fields?.email ? "email-error" : undefined} />
        <FieldError id="email-error" message={state.fields?.email} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-semibold">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass}
          aria-invalid={!!state.fields?.password} aria-describedby={state.fields?.password ? "password-error" : undefined} />
        <FieldError id="password-error" message={state.fields?.password} />
      </div>
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
