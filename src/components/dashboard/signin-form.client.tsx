"use client";
import { useActionState, useEffect } from "react";
import { signInWithPassword, signInWithProvider } from "@/server/actions/auth";
import { FieldError, FormMessage, buttonClass, inputClass, oneTimeCodeInput, secondaryButtonClass } from "@/components/dashboard/form-bits";
import { TextField } from "@/components/dashboard/text-field";
import { firstStepName } from "@/lib/sign-in-methods";

/**
 * Email and password; then, for members with two-step sign-in, the code from their app. After
 * GitHub or Google (`providers`, offered beside the password), the page starts at the code, with
 * the ticket the provider's sign-in gave.
 */
export function SignInForm({ next, ticket: givenTicket = "", providers = [] }: { next: string; ticket?: string; providers?: string[] }) {
  const [state, action, pending] = useActionState(signInWithPassword, { ok: false, message: "", data: givenTicket ? { ticket: givenTicket } : undefined });
  useEffect(() => {
    // Out of the address bar and the history: the ticket is for this form only.
    if (givenTicket) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, [givenTicket]);
  const ticket = typeof state.data?.ticket === "string" ? state.data.ticket : "";
  const email = typeof state.data?.email === "string" ? state.data.email : "";
  if (ticket) {
    return (
      <form action={action} className="space-y-4" noValidate>
        <FormMessage ok={state.ok} message={state.message} />
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="ticket" value={ticket} />
        <TextField id="code" label="Code" hint="The 6-digit code your authenticator app shows for this site, or one of your recovery codes."
          autoFocus error={state.fields?.code} {...oneTimeCodeInput} />
        <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
          {pending ? "Checking…" : "Verify"}
        </button>
        <p className="text-sm">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a fresh page: the form's state (the ticket) must go */}
          <a className="underline" href="/signin">
            Start again
          </a>
        </p>
      </form>
    );
  }
  return (
    <>
      <form action={action} className="space-y-4" noValidate>
        <FormMessage ok={state.ok} message={state.message} />
        <input type="hidden" name="next" value={next} />
        <div>
          <label htmlFor="email" className="block text-sm font-semibold">
            Email
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required className={inputClass} defaultValue={email}
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
      {providers.length ? (
        <div className="mt-6 space-y-2 border-t border-rule pt-4">
          <p className="text-sm text-muted">Or sign in with an account your email is verified on:</p>
          {providers.map((id) => (
            <form key={id} action={signInWithProvider}>
              <input type="hidden" name="provider" value={id} />
              <input type="hidden" name="next" value={next} />
              <button type="submit" className={`${secondaryButtonClass} w-full`}>
                Sign in with {firstStepName(id)}
              </button>
            </form>
          ))}
        </div>
      ) : null}
    </>
  );
}
