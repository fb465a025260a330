"use client";
import { useActionState, useState } from "react";
import { FormMessage, buttonClass, dangerButtonClass } from "@/components/dashboard/form-bits";
import { OneTimeSecret } from "@/components/dashboard/one-time-secret.client";
import { SelectField } from "@/components/dashboard/select-field.client";
import { TextField } from "@/components/dashboard/text-field";
import { TOKEN_LIFETIMES } from "@/lib/schemas/api-token";
import type { ActionState } from "@/server/actions/action-state";
import { createApiTokenAction, revokeApiTokenAction } from "@/server/actions/api-tokens";

const initial: ActionState = { ok: false, message: "" };

/** New bearer token: the token is shown once, right here. */
export function CreateApiTokenForm() {
  const [state, action, pending] = useActionState(createApiTokenAction, initial);
  const [name, setName] = useState("");
  const [scope, setScope] = useState("READ");
  const [lifetime, setLifetime] = useState("90");
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.ok) setName("");
  }
  const token = state.ok && typeof state.data?.token === "string" ? state.data.token : null;
  return (
    <form action={action} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_10rem_auto] sm:items-end">
        <TextField id="token-name" name="name" label="Name" hint="What uses it, e.g. “Newsletter importer”." required maxLength={100}
          value={name} onChange={(e) => setName(e.target.value)} error={state.fields?.name} />
        <SelectField id="token-scope" name="scope" label="Access" value={scope} onChange={(e) => setScope(e.target.value)} error={state.fields?.scope}>
          <option value="READ">Read only</option>
          <option value="WRITE">Read and write</option>
        </SelectField>
        <SelectField id="token-expiry" name="expiresInDays" label="Expires" value={lifetime} onChange={(e) => setLifetime(e.target.value)}
          error={state.fields?.expiresInDays}>
          {TOKEN_LIFETIMES.map((days) => (
            <option key={days} value={String(days)}>
              {days === 365 ? "In a year" : `In ${days} days`}
            </option>
          ))}
          <option value="never">Never</option>
        </SelectField>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
      {token ? (
        <OneTimeSecret id="new-token" label="API token" value={token}
          note="Copy it now: it is shown only once. Send it as “Authorization: Bearer …”. It acts with your permissions." />
      ) : null}
    </form>
  );
}

export function RevokeApiTokenButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiTokenAction, initial);
  return (
    <form action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Revoke “${name}”? Programs using it stop working at once.`)) e.preventDefault();
      }}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={dangerButtonClass} disabled={pending}>
        Revoke<span className="sr-only"> {name}</span>
      </button>
      {state.ok ? null : <FormMessage ok={false} message={state.message} />}
    </form>
  );
}
