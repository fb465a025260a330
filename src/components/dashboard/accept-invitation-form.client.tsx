"use client";
import { useActionState, useState } from "react";
import { FormMessage, buttonClass } from "@/components/dashboard/form-bits";
import { TextField } from "@/components/dashboard/text-field";
import { passwordLimits } from "@/lib/schemas/user";
import type { ActionState } from "@/server/actions/action-state";
import { acceptInvitationAction } from "@/server/actions/users";

const initial: ActionState = { ok: false, message: "" };

/** The public form behind an invitation (name + password) or a reset link (password only). */
export function AcceptInvitationForm({ token, purpose, email }: { token: string; purpose: "INVITE" | "RESET"; email: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, initial);
  const [name, setName] = useState("");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {purpose === "INVITE" ? (
        <TextField id="accept-name" name="name" label="Your name" autoComplete="name" required maxLength={100} value={name}
          onChange={(e) => setName(e.target.value)} hint="As it will appear in bylines. You can change it later." error={state.fields?.name} />
      ) : null}
      <TextField id="accept-password" name="password" type="password" label="Password" autoComplete="new-password" required
        minLength={passwordLimits.min} maxLength={passwordLimits.max} hint={`At least ${passwordLimits.min} characters. A few unrelated words work well.`}
        error={state.fields?.password} />
      <TextField id="accept-confirm" name="confirm" type="password" label="Password again" autoComplete="new-password" required
        error={state.fields?.confirm} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? "Saving…" : purpose === "INVITE" ? "Create my account" : "Set new password"}
      </button>
    </form>
  );
}
