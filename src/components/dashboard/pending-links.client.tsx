"use client";
import { useActionState, useEffect, useRef } from "react";
import { DateTime } from "@/components/dashboard/date-time.client";
import { FormMessage, secondaryButtonClass } from "@/components/dashboard/form-bits";
import { roleLabels, type RoleName } from "@/lib/schemas/user";
import type { ActionState } from "@/server/actions/action-state";
import { withdrawInvitationAction } from "@/server/actions/users";

export type PendingLink = {
  id: string;
  email: string;
  role: RoleName;
  purpose: "INVITE" | "RESET";
  expiresAt: string;
  invitedBy: string | null;
  mayWithdraw: boolean;
};

const initial: ActionState = { ok: false, message: "" };
const linkName = (link: PendingLink) => (link.purpose === "RESET" ? "Password reset" : `Invitation as ${roleLabels[link.role].toLowerCase()}`);

/**
 * Invitations and password reset links not used yet, each with "Withdraw" for those who may. The
 * withdrawn row leaves the list, so the outcome is said above it, where the keyboard focus goes.
 */
export function PendingLinks({ links }: { links: PendingLink[] }) {
  const [state, action, pending] = useActionState(withdrawInvitationAction, initial);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message) outcome.current?.focus();
  }, [state]);
  const anyWithdrawable = links.some((link) => link.mayWithdraw);
  return (
    <>
      <div ref={outcome} tabIndex={-1} className="mb-2 outline-none focus-visible:ring-2 focus-visible:ring-accent">
        <FormMessage ok={state.ok} message={state.message} />
      </div>
      {links.length === 0 ? (
        <p className="text-sm text-muted">No invitation or password reset link is waiting to be used.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
            <caption className="sr-only">Invitations and password reset links not used yet</caption>
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-3">Email</th>
                <th scope="col" className="py-2 pr-3">For</th>
                <th scope="col" className="py-2 pr-3">Created by</th>
                <th scope="col" className="py-2 pr-3">Expires</th>
                {anyWithdrawable ? <th scope="col" className="py-2"><span className="sr-only">Manage</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {links.map((link) => (
                <tr key={link.id} className="border-b border-rule align-top">
                  <th scope="row" className="break-all py-2 pr-3 text-left font-normal">{link.email}</th>
                  <td className="py-2 pr-3">{linkName(link)}</td>
                  <td className="py-2 pr-3">{link.invitedBy ?? "—"}</td>
                  <td className="py-2 pr-3">
                    <DateTime iso={link.expiresAt} />
                  </td>
                  {anyWithdrawable ? (
                    <td className="py-2">
                      {link.mayWithdraw ? (
                        <form action={action}
                          onSubmit={(e) => {
                            const what = link.purpose === "RESET" ? "password reset link" : "invitation";
                            if (!window.confirm(`Withdraw the ${what} for ${link.email}? Its link stops working at once.`)) e.preventDefault();
                          }}>
                          <input type="hidden" name="invitationId" value={link.id} />
                          <button type="submit" className={secondaryButtonClass} disabled={pending}>
                            Withdraw<span className="sr-only"> the link for {link.email}</span>
                          </button>
                        </form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
