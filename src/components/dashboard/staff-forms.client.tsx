"use client";
import { useActionState, useState } from "react";
import { FormMessage, buttonClass, secondaryButtonClass, dangerButtonClass } from "@/components/dashboard/form-bits";
import { OneTimeSecret } from "@/components/dashboard/one-time-secret.client";
import { SelectField } from "@/components/dashboard/select-field.client";
import { TextField } from "@/components/dashboard/text-field";
import { roleLabels, type RoleName } from "@/lib/schemas/user";
import type { ActionState } from "@/server/actions/action-state";
import { removeTwoStepAction } from "@/server/actions/two-step";
import { changeRoleAction, createPasswordResetAction, inviteStaffAction, setDisabledAction } from "@/server/actions/users";

const initial: ActionState = { ok: false, message: "" };

/**
 * The one-time link an action just made, to show once. It stays on show only while it is pending
 * (`pendingIds`, from the page): withdrawn, replaced or used meanwhile, a note says so instead, so
 * that no one copies a dead link.
 */
function MadeLink({ state, pendingIds, id, label, note }: { state: ActionState; pendingIds: string[]; id: string; label: string; note: string }) {
  if (!state.ok || typeof state.data?.url !== "string") return null;
  if (typeof state.data.id === "string" && !pendingIds.includes(state.data.id)) {
    return <p className="text-sm text-muted">The link made here no longer works: it was used, withdrawn or replaced.</p>;
  }
  return <OneTimeSecret id={id} label={label} value={state.data.url} note={note} />;
}

/** Invite someone by email; the one-time link appears below, to be passed on by hand. */
export function InviteForm({ roles, pendingIds }: { roles: RoleName[]; pendingIds: string[] }) {
  const [state, action, pending] = useActionState(inviteStaffAction, initial);
  // Controlled, so that a refused invite keeps what was typed (React resets uncontrolled fields).
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<RoleName>(roles[0] ?? "CONTRIBUTOR");
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.ok) setEmail("");
  }
  return (
    <form action={action} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <TextField id="invite-email" name="email" type="email" label="Email" autoComplete="off" required value={email}
          onChange={(e) => setEmail(e.target.value)} error={state.fields?.email} />
        <SelectField id="invite-role" name="role" label="Role" value={role} onChange={(e) => setRole(e.target.value as RoleName)} error={state.fields?.role}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? "Creating…" : "Create invitation"}
        </button>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
      <MadeLink state={state} pendingIds={pendingIds} id="invite-link" label="Invitation link"
        note="Send this link to the new colleague yourself. It is shown only now, works once and expires in 7 days." />
    </form>
  );
}

type Member = { id: string; name: string; role: RoleName; disabled: boolean; twoStep: boolean };

/** An admin's controls for one staff member: role, disable/enable, a password reset link, two-step sign-in off. */
export function StaffRowActions({ member, pendingIds }: { member: Member; pendingIds: string[] }) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, initial);
  const [disableState, disableAction, disablePending] = useActionState(setDisabledAction, initial);
  const [resetState, resetAction, resetPending] = useActionState(createPasswordResetAction, initial);
  const [twoStepState, twoStepAction, twoStepPending] = useActionState(removeTwoStepAction, initial);
  const [role, setRole] = useState<RoleName>(member.role);
  const selectId = `role-${member.id}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        {/* React resets a form after its action: uncontrolled, the select returns to the role the
            server has (re-keyed when it changes), and the button follows it. */}
        <form action={roleAction} onReset={() => setRole(member.role)} className="flex items-end gap-2">
          <input type="hidden" name="userId" value={member.id} />
          <div>
            <label htmlFor={selectId} className="sr-only">
              Role for {member.name}
            </label>
            <select key={member.role} id={selectId} name="role" defaultValue={member.role} onChange={(e) => setRole(e.target.value as RoleName)}
              className="rounded-md border border-rule bg-paper px-2 py-2 text-sm text-ink">
              {(Object.keys(roleLabels) as RoleName[]).map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={secondaryButtonClass} disabled={rolePending || role === member.role}>
            Change role<span className="sr-only"> of {member.name}</span>
          </button>
        </form>
        <form action={disableAction}
          onSubmit={(e) => {
            if (!member.disabled && !window.confirm(`Disable ${member.name}? They are signed out at once and cannot sign in.`)) e.preventDefault();
          }}>
          <input type="hidden" name="userId" value={member.id} />
          <input type="hidden" name="disabled" value={member.disabled ? "false" : "true"} />
          <button type="submit" className={member.disabled ? secondaryButtonClass : dangerButtonClass} disabled={disablePending}>
            {member.disabled ? "Enable" : "Disable"}
            <span className="sr-only"> {member.name}</span>
          </button>
        </form>
        <form action={resetAction}>
          <input type="hidden" name="userId" value={member.id} />
          <button type="submit" className={secondaryButtonClass} disabled={resetPending}>
            Reset password link<span className="sr-only"> for {member.name}</span>
          </button>
        </form>
        {member.twoStep ? (
          <form action={twoStepAction}
            onSubmit={(e) => {
              if (!window.confirm(`Turn off two-step sign-in for ${member.name}? Do it only when they lost their phone and recovery codes, and you know it is them asking.`)) e.preventDefault();
            }}>
            <input type="hidden" name="userId" value={member.id} />
            <button type="submit" className={secondaryButtonClass} disabled={twoStepPending}>
              Turn off two-step sign-in<span className="sr-only"> for {member.name}</span>
            </button>
          </form>
        ) : null}
      </div>
      <FormMessage ok={twoStepState.ok} message={twoStepState.message} />
      <FormMessage ok={roleState.ok} message={roleState.message} />
      <FormMessage ok={disableState.ok} message={disableState.message} />
      <FormMessage ok={resetState.ok} message={resetState.message} />
      <MadeLink state={resetState} pendingIds={pendingIds} id={`reset-${member.id}`} label={`Password reset link for ${member.name}`}
        note="Shown only now. Works once, within 24 hours; using it ends all of their sessions." />
    </div>
  );
}
