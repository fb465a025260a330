"use server";
import "server-only";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { acceptInvitationFormSchema, changePasswordFormSchema, changeRoleSchema, invitationIdSchema, userIdSchema } from "@/lib/schemas/user";
import { formFields, runAction, type ActionState } from "@/server/actions/action-state";
import { prisma } from "@/server/db";
import { requireActor } from "@/server/services/session";
import {
  acceptInvitation,
  changeOwnPassword,
  changeRole,
  createPasswordReset,
  inviteStaff,
  setDisabled,
  updateProfile,
  withdrawInvitation,
} from "@/server/services/users";

/** Staff accounts from the dashboard (and the public invite page). Each service checks permission. */

export async function inviteStaffAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { email, role } = formFields(form);
    const link = await inviteStaff(prisma, actor, { email, role });
    refresh(); // the pending invitations list
    const replaced = link.replaced ? " It replaces the earlier invitation to this address, whose link no longer works." : "";
    return { ok: true, message: `Invitation created for ${email?.trim().toLowerCase()}.${replaced}`, data: { id: link.id, url: link.url, expiresAt: link.expiresAt.toISOString() } };
  });
}

export async function withdrawInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { invitationId } = invitationIdSchema.parse({ invitationId: form.get("invitationId") });
    const { email, purpose } = await withdrawInvitation(prisma, actor, invitationId);
    refresh();
    return { ok: true, message: `${purpose === "RESET" ? "Password reset link" : "Invitation"} for ${email} withdrawn: its link no longer works.` };
  });
}

export async function createPasswordResetAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { userId } = userIdSchema.parse({ userId: form.get("userId") });
    const link = await createPasswordReset(prisma, actor, userId);
    refresh();
    const replaced = link.replaced ? " The earlier reset link no longer works." : "";
    return { ok: true, message: `Password reset link created.${replaced}`, data: { id: link.id, url: link.url, expiresAt: link.expiresAt.toISOString() } };
  });
}

export async function changeRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { userId, role } = changeRoleSchema.parse(formFields(form));
    await changeRole(prisma, actor, userId, role);
    refresh();
    return { ok: true, message: "Role changed. They sign in again to use it." };
  });
}

export async function setDisabledAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { userId } = userIdSchema.parse({ userId: form.get("userId") });
    const disabled = form.get("disabled") === "true";
    await setDisabled(prisma, actor, userId, disabled);
    refresh();
    return { ok: true, message: disabled ? "Account disabled: signed out everywhere." : "Account enabled." };
  });
}

export async function updateProfileAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { userId, name, bio, image } = formFields(form);
    // The photo select: "keep" leaves a photo that is not in the library list as it is.
    const photo = image === "keep" ? {} : { image: image && image !== "none" ? image : null };
    await updateProfile(prisma, actor, userId || actor.id, { name: name ?? "", bio: bio ?? "", ...photo });
    refresh();
    return { ok: true, message: "Profile saved." };
  });
}

/** A new password ends every session, this one included: the member signs in again. */
export async function changeOwnPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    const { current, next } = changePasswordFormSchema.parse(formFields(form));
    await changeOwnPassword(prisma, actor, { current, next });
  });
  if (!result.ok) return result;
  await signOut({ redirectTo: "/signin?passwordChanged=1" });
  return result;
}

/** The public /invite/[token] page: no one is signed in; the token is the permission. */
export async function acceptInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { token, ...fields } = formFields(form);
    const { name, password } = acceptInvitationFormSchema.parse(fields);
    await acceptInvitation(prisma, token ?? "", name === undefined ? { password } : { name, password });
    redirect("/signin?welcome=1");
  });
}
