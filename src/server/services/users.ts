import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { mediaUrl } from "@/lib/media";
import { nameSlug } from "@/server/services/name-slug";
import { acceptInvitationSchema, changePasswordSchema, changeRoleSchema, inviteSchema, profileSchema, roles } from "@/lib/schemas/user";
import { hashToken } from "@/server/services/api-tokens";
import { audit } from "@/server/services/audit";
import { ServiceError, notFound } from "@/server/services/errors";
import { hashPassword, verifyPassword } from "@/server/services/passwords";
import { can, ensure, type Actor } from "@/server/services/permissions";
import { expireAuthors } from "@/server/services/publishing";

/**
 * Staff accounts. There is no mail server: an invitation or a password reset is a one-time link
 * that the inviter copies and passes on. Only a SHA-256 of the link's token is stored, so a copy
 * of the database cannot be used to take over an account.
 */

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

export type InvitationPurpose = "INVITE" | "RESET";
const INVITE_DAYS = 7;
const RESET_HOURS = 24;
const invalidLink = () => new ServiceError("not_found", "This link is invalid or has expired.");

/** A fresh one-time link: the token goes into the URL, its hash into the database. */
function newLinkToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), url: `/invite/${token}` };
}

/** The staff member with this id, or 404 (also for two-step.ts). */
export async function findUser(db: Db | Tx, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound("The staff member");
  return user;
}

/** Only an admin changes accounts, and never their own: so there is always an admin left. */
async function manageableUser(db: Db, actor: Actor, userId: string, refusal: string) {
  ensure(can.manageUsers(actor), "Only admins manage staff accounts.");
  if (userId === actor.id) throw new ServiceError("forbidden", refusal);
  return findUser(db, userId);
}

/** "Jane Doe" → "jane-doe", or "jane-doe-2" when taken (author pages live at /author/[slug]). */
async function uniqueUserSlug(db: Tx, name: string): Promise<string> {
  const base = nameSlug(name, "author");
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await db.user.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
  throw new ServiceError("conflict", "Could not find a free author address for this name.", { name: "Try a longer name." });
}

/**
 * Who may withdraw a pending link: whoever may invite to its role, and only admins for password
 * resets. Also decides whether a new link may replace a pending one for the same address.
 */
const mayWithdraw = (actor: Actor, link: { purpose: string; role: Role }) =>
  link.purpose === "RESET" ? can.manageUsers(actor) : can.invite(actor, link.role);

/** A link just made: its row (to withdraw it), its URL (shown once), and how many it replaced. */
type NewLink = { id: string; url: string; expiresAt: Date; replaced: number };

const pendingLinks = (email: string, purpose: InvitationPurpose, now: Date): Prisma.InvitationWhereInput => ({
  email,
  purpose,
  usedAt: null,
  expiresAt: { gt: now },
});

/**
 * A new one-time link for an address. It replaces the address's pending links of the same kind, so
 * that only the newest one works (an inviter who sends the link again, or with another role, does
 * not leave a second working link behind). The inviter is told how many it replaced.
 */
async function createLink(
  db: Db,
  actor: Actor,
  link: { email: string; role: Role; purpose: InvitationPurpose; expiresAt: Date },
  auditEntry: (tx: Tx, row: { id: string }, replaced: number) => Promise<unknown>,
): Promise<NewLink> {
  const token = newLinkToken();
  const now = new Date();
  const { id, replaced } = await db.$transaction(async (tx) => {
    const pending = await tx.invitation.findMany({ where: pendingLinks(link.email, link.purpose, now), select: { role: true, purpose: true } });
    if (pending.some((earlier) => !mayWithdraw(actor, earlier))) {
      throw new ServiceError("forbidden", "An admin has already invited this address to a role you cannot invite to. Ask an admin.", {
        email: "Already invited by an admin.",
      });
    }
    const { count } = await tx.invitation.updateMany({ where: pendingLinks(link.email, link.purpose, now), data: { expiresAt: now } });
    const row = await tx.invitation.create({ data: { ...link, tokenHash: token.tokenHash, invitedById: actor.id } });
    await auditEntry(tx, row, count);
    return { id: row.id, replaced: count };
  });
  return { id, url: token.url, expiresAt: link.expiresAt, replaced };
}

export async function inviteStaff(db: Db, actor: Actor, input: unknown): Promise<NewLink> {
  const { email, role } = inviteSchema.parse(input);
  ensure(can.invite(actor, role), actor.role === "EDITOR" ? "Editors can invite authors and contributors only." : "You cannot invite staff.");
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new ServiceError("conflict", "Someone with this email already has an account.", { email: "Already a staff member." });
  }
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 24 * 3_600_000);
  return createLink(db, actor, { email, role, purpose: "INVITE", expiresAt }, (tx, row, replaced) =>
    audit(tx, actor, "user.invite", "Invitation", row.id, replaced ? { email, role, replaced } : { email, role }),
  );
}

export async function createPasswordReset(db: Db, actor: Actor, userId: string): Promise<NewLink> {
  ensure(can.manageUsers(actor), "Only admins create password reset links.");
  const user = await findUser(db, userId);
  const expiresAt = new Date(Date.now() + RESET_HOURS * 3_600_000);
  return createLink(db, actor, { email: user.email, role: user.role, purpose: "RESET", expiresAt }, (tx, _row, replaced) =>
    audit(tx, actor, "user.reset_password", "User", user.id, replaced ? { email: user.email, replaced } : { email: user.email }),
  );
}

/**
 * Withdraws a pending invitation or password reset link: it stops working at once (its expiry is
 * set to now, so it leaves the pending list and the invite page calls it expired). A link already
 * used, expired or withdrawn answers 409 and changes nothing.
 */
export async function withdrawInvitation(db: Db, actor: Actor, invitationId: string): Promise<{ email: string; purpose: InvitationPurpose }> {
  ensure(can.viewUsers(actor), "Only editors and admins manage invitations.");
  const row = await db.invitation.findUnique({ where: { id: invitationId } });
  if (!row) throw notFound("The invitation");
  const purpose: InvitationPurpose = row.purpose === "RESET" ? "RESET" : "INVITE";
  ensure(mayWithdraw(actor, row), purpose === "RESET" ? "Only admins withdraw password reset links." : "Only admins withdraw invitations to this role.");
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    if (count !== 1) throw new ServiceError("conflict", "This link was already used, has expired or was withdrawn.");
    await audit(tx, actor, purpose === "RESET" ? "user.reset_withdraw" : "user.invite_withdraw", "Invitation", row.id, { email: row.email, role: row.role });
  });
  return { email: row.email, purpose };
}

/** For the public /invite/[token] page: what the link is for, or null when it cannot be used. */
export async function findUsableInvitation(db: Db, token: string): Promise<{ purpose: InvitationPurpose; email: string; role: Role } | null> {
  if (!token || token.length > 100) return null;
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.usedAt || row.expiresAt <= new Date()) return null;
  return { purpose: row.purpose === "RESET" ? "RESET" : "INVITE", email: row.email, role: row.role };
}

/**
 * Uses a one-time link: an invitation creates the account, a reset link sets a new password and
 * ends every session. The link is claimed with a conditional update in the same transaction, so
 * of two simultaneous uses exactly one succeeds.
 */
export async function acceptInvitation(db: Db, token: string, input: unknown): Promise<{ userId: string; purpose: InvitationPurpose }> {
  const invitation = await findUsableInvitation(db, token);
  if (!invitation) throw invalidLink();
  const { name, password } = acceptInvitationSchema.parse(input);
  if (invitation.purpose === "INVITE" && !name) throw new ServiceError("invalid", "Enter your name.", { name: "Enter your name." });
  const passwordHash = await hashPassword(password);
  const tokenHash = hashToken(token);

  return db.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.invitation.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw invalidLink();
    // Other links for this address are spent now (the account exists, or has a new password).
    await tx.invitation.updateMany({ where: { email: invitation.email, usedAt: null, tokenHash: { not: tokenHash } }, data: { expiresAt: now } });

    if (invitation.purpose === "RESET") {
      const user = await tx.user.findUnique({ where: { email: invitation.email } });
      if (!user) throw invalidLink();
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
      await audit(tx, { id: user.id }, "user.password_reset", "User", user.id, {});
      return { userId: user.id, purpose: invitation.purpose };
    }

    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new ServiceError("conflict", "An account with this email already exists. Sign in instead.");
    }
    const user = await tx.user.create({
      data: { email: invitation.email, name: name!, slug: await uniqueUserSlug(tx, name!), role: invitation.role, passwordHash },
    });
    await audit(tx, { id: user.id }, "user.accept_invite", "User", user.id, { email: user.email, role: user.role });
    return { userId: user.id, purpose: invitation.purpose };
  });
}

/** A role change ends the member's sessions: they sign in again with the new role. */
export async function changeRole(db: Db, actor: Actor, userId: string, role: Role): Promise<void> {
  const input = changeRoleSchema.parse({ userId, role });
  const user = await manageableUser(db, actor, input.userId, "You cannot change your own role. Another admin can.");
  if (user.role === input.role) return;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role: input.role, sessionVersion: { increment: 1 } } });
    await audit(tx, actor, "user.role", "User", user.id, { name: user.name, from: user.role, to: input.role });
  });
}

export async function setDisabled(db: Db, actor: Actor, userId: string, disabled: boolean): Promise<void> {
  const user = await manageableUser(db, actor, userId, "You cannot disable your own account.");
  if (user.disabled === disabled) return;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { disabled, sessionVersion: { increment: 1 } } });
    await audit(tx, actor, disabled ? "user.disable" : "user.enable", "User", user.id, { name: user.name });
  });
}

/** For the profile form. */
export async function getProfile(db: Db, actor: Actor, userId: string) {
  ensure(can.editProfile(actor, userId), "You can only edit your own profile.");
  const user = await findUser(db, userId);
  return { id: user.id, name: user.name, email: user.email, slug: user.slug, bio: user.bio, image: user.image, role: user.role, hasPassword: !!user.passwordHash };
}

/** Name, bio and photo, as readers see them on author pages and bylines. Without image, the photo stays. */
export async function updateProfile(db: Db, actor: Actor, userId: string, input: unknown): Promise<void> {
  ensure(can.editProfile(actor, userId), "You can only edit your own profile.");
  const data = profileSchema.parse(input);
  const user = await findUser(db, userId);
  let image = data.image === undefined ? user.image : null;
  if (data.image) {
    const media = await db.media.findUnique({ where: { id: data.image }, select: { storageKey: true } });
    if (!media) throw new ServiceError("invalid", "That image is not in the media library.", { image: "Choose an image from the media library." });
    image = mediaUrl(media.storageKey);
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { name: data.name, bio: data.bio, image } });
    await audit(tx, actor, "user.profile", "User", user.id, { name: data.name });
  });
  await expireAuthors();
}

/** Ends every session of this member, including the current one (the action signs them out). */
export async function changeOwnPassword(db: Db, actor: Actor, input: unknown): Promise<void> {
  const { current, next } = changePasswordSchema.parse(input);
  const user = await findUser(db, actor.id);
  if (!user.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
    throw new ServiceError("invalid", "Your current password is not correct.", { current: "Not your current password." });
  }
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await audit(tx, actor, "user.password_change", "User", user.id, {});
  });
}

export type StaffMember = {
  id: string;
  name: string;
  email: string;
  slug: string;
  role: Role;
  disabled: boolean;
  /** Signs in with a code after the password. */
  twoStep: boolean;
  createdAt: Date;
  articleCount: number;
};

export async function listStaff(db: Db, actor: Actor): Promise<StaffMember[]> {
  ensure(can.viewUsers(actor), "Only editors and admins can see the staff list.");
  const rows = await db.user.findMany({
    orderBy: [{ disabled: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, slug: true, role: true, disabled: true, createdAt: true, totpEnabledAt: true, _count: { select: { authorships: true } } },
  });
  return rows.map(({ _count, totpEnabledAt, ...user }) => ({ ...user, twoStep: !!totpEnabledAt, articleCount: _count.authorships }));
}

/** Links not used yet and not expired (the tokens themselves are not known any more). */
export async function listInvitations(db: Db, actor: Actor) {
  ensure(can.viewUsers(actor), "Only editors and admins can see invitations.");
  const rows = await db.invitation.findMany({
    where: { usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, purpose: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({ ...r, purpose: (r.purpose === "RESET" ? "RESET" : "INVITE") as InvitationPurpose, mayWithdraw: mayWithdraw(actor, r) }));
}

/** The roles this actor may pick in the invite form. */
export const invitableRoles = (actor: Actor): Role[] => roles.filter((role) => can.invite(actor, role));
