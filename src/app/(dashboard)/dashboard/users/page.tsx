import type { Metadata } from "next";
import { PendingLinks } from "@/components/dashboard/pending-links.client";
import { InviteForm, StaffRowActions } from "@/components/dashboard/staff-forms.client";
import { roleLabels } from "@/lib/schemas/user";
import { prisma } from "@/server/db";
import { can } from "@/server/services/permissions";
import { staffOrSignIn } from "@/server/services/staff-page";
import { invitableRoles, listInvitations, listStaff } from "@/server/services/users";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const actor = await staffOrSignIn("/dashboard/users");
  if (!can.viewUsers(actor)) {
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">Staff</h1>
        <p role="alert">Only editors and admins can see the staff list.</p>
      </>
    );
  }
  const [staff, invitations] = await Promise.all([listStaff(prisma, actor), listInvitations(prisma, actor)]);
  const isAdmin = can.manageUsers(actor);
  const pendingIds = invitations.map((link) => link.id);

  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">Staff</h1>

      <section aria-labelledby="invite-heading" className="mb-8 rounded-md border border-rule p-4">
        <h2 id="invite-heading" className="mb-1 text-lg font-semibold">
          Invite a colleague
        </h2>
        <p className="mb-3 text-sm text-muted">
          {isAdmin ? "You can invite staff in any role." : "Editors invite authors and contributors; ask an admin for editors and admins."}{" "}
          There is no email: you pass the link on yourself.
        </p>
        <InviteForm roles={invitableRoles(actor)} pendingIds={pendingIds} />
      </section>

      <section aria-labelledby="staff-heading" className="mb-8">
        <h2 id="staff-heading" className="mb-2 text-lg font-semibold">
          Accounts <span className="text-sm font-normal text-muted">({staff.length})</span>
        </h2>
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
            <caption className="sr-only">Staff accounts</caption>
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-3">Name</th>
                <th scope="col" className="py-2 pr-3">Role</th>
                <th scope="col" className="py-2 pr-3">Articles</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                {isAdmin ? <th scope="col" className="py-2">Manage</th> : null}
              </tr>
            </thead>
            <tbody>
              {staff.map((member) => (
                <tr key={member.id} className="border-b border-rule align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    <span className="font-semibold">{member.name}</span>
                    {member.id === actor.id ? <span className="text-muted"> (you)</span> : null}
                    <span className="block break-all text-xs text-muted">{member.email}</span>
                  </th>
                  <td className="py-2 pr-3">{roleLabels[member.role]}</td>
                  <td className="py-2 pr-3">{member.articleCount}</td>
                  <td className="py-2 pr-3">
                    {member.disabled ? <span className="font-semibold text-accent-ink">Disabled</span> : "Active"}
                    {member.twoStep ? <span className="block text-xs text-muted">Two-step sign-in</span> : null}
                  </td>
                  {isAdmin ? (
                    <td className="py-2">
                      {member.id === actor.id ? (
                        <span className="text-muted">Another admin can change your role or account.</span>
                      ) : (
                        <StaffRowActions member={{ id: member.id, name: member.name, role: member.role, disabled: member.disabled, twoStep: member.twoStep }} pendingIds={pendingIds} />
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" className="mb-2 text-lg font-semibold">
          Pending links
        </h2>
        <PendingLinks
          links={invitations.map(({ id, email, role, purpose, expiresAt, invitedBy, mayWithdraw }) => ({
            id, email, role, purpose, mayWithdraw, expiresAt: expiresAt.toISOString(), invitedBy: invitedBy?.name ?? null,
          }))}
        />
      </section>
    </>
  );
}
