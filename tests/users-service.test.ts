import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

// Cache expiry needs a Next.js request; here it is recorded instead (updateProfile expires authors).
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidateTag }));

import { mediaUrl } from "@/lib/media";
import { listAudit } from "@/server/data/audit";
import { prisma } from "@/server/db";
import { ServiceError } from "@/server/services/errors";
import { hashPassword, verifyPassword } from "@/server/services/passwords";
import type { Actor } from "@/server/services/permissions";
import {
  acceptInvitation,
  changeOwnPassword,
  changeRole,
  createPasswordReset,
  findUsableInvitation,
  inviteStaff,
  listInvitations,
  listStaff,
  setDisabled,
  updateProfile,
  withdrawInvitation,
} from "@/server/services/users";

// Runs on the database the global setup migrated and seeded, next to other test files. Every
// account, invitation and image here has this run's suffix and is deleted afterwards.

const run = Math.random().toString(36).slice(2, 8);
const domain = `users-${run}.test`;
const email = (name: string) => `${name}@${domain}`;
const PASSWORD = "correct horse battery";

let admin: Actor;
let editor: Actor;
let author: Actor;
let mediaId: string;
let mediaKey: string;

async function makeUser(name: string, role: Actor["role"]): Promise<Actor> {
  const user = await prisma.user.create({
    data: { email: email(name), name: `${name} ${run}`, slug: `${name}-${run}`, role, passwordHash: await hashPassword(PASSWORD) },
  });
  return { id: user.id, role: user.role, name: user.name };
}

const tokenOf = (url: string) => {
  expect(url).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
  return url.slice("/invite/".length);
};

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

async function invalidInput(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(z.ZodError);
  return Object.fromEntries((error as z.ZodError).issues.map((i) => [i.path.join("."), i.message]));
}

const userRow = (id: string) => prisma.user.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  admin = await makeUser("admin", "ADMIN");
  editor = await makeUser("editor", "EDITOR");
  author = await makeUser("author", "AUTHOR");
  mediaKey = `users-${run}/portrait.jpg`;
  mediaId = (
    await prisma.media.create({ data: { storageKey: mediaKey, mimeType: "image/jpeg", width: 400, height: 400, bytes: 1000, alt: "Portrait" } })
  ).id;
});

beforeEach(() => revalidateTag.mockClear());

afterAll(async () => {
  const users = await prisma.user.findMany({ where: { email: { endsWith: `@${domain}` } }, select: { id: true } });
  const ids = users.map((u) => u.id);
  await prisma.auditLog.deleteMany({ where: { OR: [{ actorId: { in: ids } }, { entityId: { in: ids } }] } });
  await prisma.invitation.deleteMany({ where: { email: { endsWith: `@${domain}` } } });
  await prisma.user.deleteMany({ where: { id: { in: ids } } });
  await prisma.media.deleteMany({ where: { id: mediaId } });
  await prisma.$disconnect();
});

describe("invitations", () => {
  it("invite → accept creates the account with the invited role and password; only the token's hash is stored", async () => {
    const { url, expiresAt } = await inviteStaff(prisma, admin, { email: ` New.Editor@${domain.toUpperCase()} `, role: "EDITOR" });
    const token = tokenOf(url);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3_600_000);

    const row = await prisma.invitation.findFirstOrThrow({ where: { email: email("new.editor") } });
    expect(row).toMatchObject({ purpose: "INVITE", role: "EDITOR", usedAt: null, invitedById: admin.id });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await findUsableInvitation(prisma, token)).toEqual({ purpose: "INVITE", email: email("new.editor"), role: "EDITOR" });

    const { userId, purpose } = await acceptInvitation(prisma, token, { name: `New Editor ${run}`, password: "a long enough secret" });
    expect(purpose).toBe("INVITE");
    const user = await userRow(userId);
    expect(user).toMatchObject({ email: email("new.editor"), role: "EDITOR", name: `New Editor ${run}`, slug: `new-editor-${run}`, disabled: false });
    expect(await verifyPassword("a long enough secret", user.passwordHash!)).toBe(true);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: row.id } })).usedAt).not.toBeNull();

    const actions = await prisma.auditLog.findMany({ where: { OR: [{ entityId: row.id }, { entityId: userId }] }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["user.accept_invite", "user.invite"]);
  });

  it("a link works once: the second use is refused with one clear message", async () => {
    const token = tokenOf((await inviteStaff(prisma, admin, { email: email("once"), role: "AUTHOR" })).url);
    await acceptInvitation(prisma, token, { name: "Once", password: "first use password" });
    const error = await refusal(acceptInvitation(prisma, token, { name: "Twice", password: "second use password" }));
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("This link is invalid or has expired.");
    expect(await findUsableInvitation(prisma, token)).toBeNull();
    expect(await prisma.user.count({ where: { email: email("once") } })).toBe(1);
  });

  it("of two simultaneous uses of one link, exactly one succeeds", async () => {
    const token = tokenOf((await inviteStaff(prisma, admin, { email: email("race"), role: "CONTRIBUTOR" })).url);
    const results = await Promise.allSettled([
      acceptInvitation(prisma, token, { name: "Race One", password: "racing password one" }),
      acceptInvitation(prisma, token, { name: "Race Two", password: "racing password two" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ServiceError);
    expect((failed.reason as ServiceError).code).toBe("not_found");
    expect(await prisma.user.count({ where: { email: email("race") } })).toBe(1);
  });

  it("an expired link, an unknown token and an empty token are refused alike", async () => {
    const token = tokenOf((await inviteStaff(prisma, admin, { email: email("late"), role: "AUTHOR" })).url);
    await prisma.invitation.updateMany({ where: { email: email("late") }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const t of [token, "x".repeat(43), ""]) {
      const error = await refusal(acceptInvitation(prisma, t, { name: "Late", password: "a long enough secret" }));
      expect(error.message).toBe("This link is invalid or has expired.");
    }
    expect(await prisma.user.count({ where: { email: email("late") } })).toBe(0);
  });

  it("a refused password does not spend the link", async () => {
    const token = tokenOf((await inviteStaff(prisma, admin, { email: email("short"), role: "AUTHOR" })).url);
    expect(await invalidInput(acceptInvitation(prisma, token, { name: "Short", password: "too short" }))).toHaveProperty("password");
    expect(await invalidInput(acceptInvitation(prisma, token, { name: "Long", password: "x".repeat(201) }))).toHaveProperty("password");
    expect((await refusal(acceptInvitation(prisma, token, { password: "no name given here" }))).fields).toHaveProperty("name");
    await acceptInvitation(prisma, token, { name: "Short", password: "twelve chars" });
    expect(await prisma.user.count({ where: { email: email("short") } })).toBe(1);
  });

  it("a taken name gets a slug of its own", async () => {
    const name = `Same Name ${run}`;
    for (const who of ["same1", "same2"]) {
      const token = tokenOf((await inviteStaff(prisma, admin, { email: email(who), role: "AUTHOR" })).url);
      await acceptInvitation(prisma, token, { name, password: "a long enough secret" });
    }
    const slugs = (await prisma.user.findMany({ where: { name }, orderBy: { createdAt: "asc" }, select: { slug: true } })).map((u) => u.slug);
    expect(slugs).toEqual([`same-name-${run}`, `same-name-${run}-2`]);
  });

  it("editors invite authors and contributors only; a refused invite writes nothing", async () => {
    for (const role of ["EDITOR", "ADMIN"] as const) {
      const error = await refusal(inviteStaff(prisma, editor, { email: email(`by-editor-${role.toLowerCase()}`), role }));
      expect(error.status).toBe(403);
      expect(await prisma.invitation.count({ where: { email: email(`by-editor-${role.toLowerCase()}`) } })).toBe(0);
    }
    await inviteStaff(prisma, editor, { email: email("by-editor-author"), role: "AUTHOR" });
    expect(await prisma.invitation.count({ where: { email: email("by-editor-author"), invitedById: editor.id } })).toBe(1);
    expect((await refusal(inviteStaff(prisma, author, { email: email("by-author"), role: "CONTRIBUTOR" }))).status).toBe(403);
  });

  it("refuses an email that already has an account (409 on the email field) and a malformed one", async () => {
    const error = await refusal(inviteStaff(prisma, admin, { email: email("editor").toUpperCase(), role: "AUTHOR" }));
    expect(error.status).toBe(409);
    expect(error.fields).toHaveProperty("email");
    expect(await invalidInput(inviteStaff(prisma, admin, { email: "not-an-email", role: "AUTHOR" }))).toHaveProperty("email");
    expect(await invalidInput(inviteStaff(prisma, admin, { email: email("x"), role: "OWNER" }))).toHaveProperty("role");
  });

  it("lists pending links only, for editors and up", async () => {
    await inviteStaff(prisma, admin, { email: email("pending"), role: "AUTHOR" });
    const pending = (await listInvitations(prisma, editor)).map((i) => i.email);
    expect(pending).toContain(email("pending"));
    expect(pending).not.toContain(email("once")); // used
    expect(pending).not.toContain(email("late")); // expired
    expect((await refusal(listInvitations(prisma, author))).status).toBe(403);
  });

  it("a new invitation to the same address replaces the pending one: only the newest link works", async () => {
    const first = await inviteStaff(prisma, editor, { email: email("again"), role: "CONTRIBUTOR" });
    expect(first.replaced).toBe(0);
    const second = await inviteStaff(prisma, editor, { email: ` Again@${domain} `, role: "AUTHOR" });
    expect(second.replaced).toBe(1);
    expect(await findUsableInvitation(prisma, tokenOf(first.url))).toBeNull();
    expect(await findUsableInvitation(prisma, tokenOf(second.url))).toMatchObject({ role: "AUTHOR" });
    expect((await listInvitations(prisma, editor)).filter((i) => i.email === email("again")).map((i) => i.role)).toEqual(["AUTHOR"]);
    const entries = await prisma.auditLog.findMany({ where: { action: "user.invite", details: { path: ["email"], equals: email("again") } }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => e.details)).toEqual([{ email: email("again"), role: "CONTRIBUTOR" }, { email: email("again"), role: "AUTHOR", replaced: 1 }]);
  });

  it("an editor cannot replace an admin's invitation to a role editors cannot invite to; an admin can replace anyone's", async () => {
    const adminsLink = await inviteStaff(prisma, admin, { email: email("senior"), role: "EDITOR" });
    const error = await refusal(inviteStaff(prisma, editor, { email: email("senior"), role: "AUTHOR" }));
    expect(error.status).toBe(403);
    expect(error.fields).toHaveProperty("email");
    expect(await findUsableInvitation(prisma, tokenOf(adminsLink.url))).toMatchObject({ role: "EDITOR" });
    expect(await prisma.invitation.count({ where: { email: email("senior") } })).toBe(1);

    const editorsLink = await inviteStaff(prisma, editor, { email: email("junior"), role: "CONTRIBUTOR" });
    expect((await inviteStaff(prisma, admin, { email: email("junior"), role: "EDITOR" })).replaced).toBe(1);
    expect(await findUsableInvitation(prisma, tokenOf(editorsLink.url))).toBeNull();
  });

  it("accepting an invitation voids any other pending link for the address, so none stays listed", async () => {
    const { url } = await inviteStaff(prisma, admin, { email: email("sibling"), role: "AUTHOR" });
    // A second pending row, as two inviters racing (or data from before replacement) could leave.
    await prisma.invitation.create({
      data: { email: email("sibling"), role: "CONTRIBUTOR", tokenHash: createHash("sha256").update(`sibling-${run}`).digest("hex"), expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect((await listInvitations(prisma, admin)).filter((i) => i.email === email("sibling"))).toHaveLength(2);
    await acceptInvitation(prisma, tokenOf(url), { name: "Sibling", password: "a long enough secret" });
    expect((await listInvitations(prisma, admin)).filter((i) => i.email === email("sibling"))).toEqual([]);
  });

  it("withdrawing a pending link stops it at once, is audited, and is refused for links that no longer work", async () => {
    const { url } = await inviteStaff(prisma, editor, { email: email("withdrawn"), role: "AUTHOR" });
    const row = await prisma.invitation.findFirstOrThrow({ where: { email: email("withdrawn") } });
    expect((await listInvitations(prisma, editor)).find((i) => i.id === row.id)).toMatchObject({ mayWithdraw: true });

    expect((await refusal(withdrawInvitation(prisma, author, row.id))).status).toBe(403);
    expect(await findUsableInvitation(prisma, tokenOf(url))).not.toBeNull();

    expect(await withdrawInvitation(prisma, editor, row.id)).toEqual({ email: email("withdrawn"), purpose: "INVITE" });
    expect(await findUsableInvitation(prisma, tokenOf(url))).toBeNull();
    expect((await refusal(acceptInvitation(prisma, tokenOf(url), { name: "Too Late", password: "a long enough secret" }))).code).toBe("not_found");
    expect((await listInvitations(prisma, editor)).map((i) => i.id)).not.toContain(row.id);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "user.invite_withdraw", entityId: row.id } });
    expect(entry).toMatchObject({ actorId: editor.id, details: { email: email("withdrawn"), role: "AUTHOR" } });

    const again = await refusal(withdrawInvitation(prisma, editor, row.id));
    expect(again.status).toBe(409);
    expect(await prisma.auditLog.count({ where: { action: "user.invite_withdraw", entityId: row.id } })).toBe(1);
    expect((await refusal(withdrawInvitation(prisma, editor, "no-such-invitation"))).status).toBe(404);
  });

  it("editors may not withdraw invitations to editor or admin, nor password reset links", async () => {
    await inviteStaff(prisma, admin, { email: email("kept"), role: "ADMIN" });
    const invite = await prisma.invitation.findFirstOrThrow({ where: { email: email("kept") } });
    const target = await makeUser("resetkept", "AUTHOR");
    await createPasswordReset(prisma, admin, target.id);
    const reset = await prisma.invitation.findFirstOrThrow({ where: { email: email("resetkept"), purpose: "RESET" } });

    const listed = await listInvitations(prisma, editor);
    expect(listed.find((i) => i.id === invite.id)).toMatchObject({ mayWithdraw: false });
    expect(listed.find((i) => i.id === reset.id)).toMatchObject({ mayWithdraw: false });
    expect((await refusal(withdrawInvitation(prisma, editor, invite.id))).status).toBe(403);
    expect((await refusal(withdrawInvitation(prisma, editor, reset.id))).status).toBe(403);
    expect((await listInvitations(prisma, editor)).map((i) => i.id)).toEqual(expect.arrayContaining([invite.id, reset.id]));

    expect(await withdrawInvitation(prisma, admin, reset.id)).toEqual({ email: email("resetkept"), purpose: "RESET" });
    expect(await prisma.auditLog.count({ where: { action: "user.reset_withdraw", entityId: reset.id } })).toBe(1);
  });
});

describe("roles and disabling", () => {
  it("changeRole is admin-only, bumps the session version and is audited", async () => {
    const target = await makeUser("promote", "CONTRIBUTOR");
    const error = await refusal(changeRole(prisma, editor, target.id, "AUTHOR"));
    expect(error.status).toBe(403);
    expect(await userRow(target.id)).toMatchObject({ role: "CONTRIBUTOR", sessionVersion: 0 });

    await changeRole(prisma, admin, target.id, "EDITOR");
    expect(await userRow(target.id)).toMatchObject({ role: "EDITOR", sessionVersion: 1 });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "user.role", entityId: target.id } });
    expect(entry).toMatchObject({ actorId: admin.id, details: { from: "CONTRIBUTOR", to: "EDITOR" } });
    expect(await invalidInput(changeRole(prisma, admin, target.id, "OWNER" as never))).toHaveProperty("role");
  });

  it("an admin can neither demote nor disable themselves", async () => {
    expect((await refusal(changeRole(prisma, admin, admin.id, "EDITOR"))).status).toBe(403);
    expect((await refusal(setDisabled(prisma, admin, admin.id, true))).status).toBe(403);
    expect(await userRow(admin.id)).toMatchObject({ role: "ADMIN", disabled: false, sessionVersion: 0 });
  });

  it("setDisabled is admin-only and ends sessions both ways", async () => {
    const target = await makeUser("disable", "AUTHOR");
    expect((await refusal(setDisabled(prisma, editor, target.id, true))).status).toBe(403);
    expect(await userRow(target.id)).toMatchObject({ disabled: false, sessionVersion: 0 });

    await setDisabled(prisma, admin, target.id, true);
    expect(await userRow(target.id)).toMatchObject({ disabled: true, sessionVersion: 1 });
    await setDisabled(prisma, admin, target.id, false);
    expect(await userRow(target.id)).toMatchObject({ disabled: false, sessionVersion: 2 });
    const actions = await prisma.auditLog.findMany({ where: { entityId: target.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["user.disable", "user.enable"]);
    expect((await refusal(setDisabled(prisma, admin, "no-such-user", true))).status).toBe(404);
  });
});

describe("passwords", () => {
  it("a reset link (admin-only) sets a new password, ends sessions, and the old password stops working", async () => {
    const target = await makeUser("reset", "AUTHOR");
    expect((await refusal(createPasswordReset(prisma, editor, target.id))).status).toBe(403);
    expect(await prisma.invitation.count({ where: { email: email("reset") } })).toBe(0);

    const { url, expiresAt } = await createPasswordReset(prisma, admin, target.id);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    const token = tokenOf(url);
    expect(await findUsableInvitation(prisma, token)).toMatchObject({ purpose: "RESET", email: email("reset") });

    const { userId, purpose } = await acceptInvitation(prisma, token, { password: "a brand new password" });
    expect({ userId, purpose }).toEqual({ userId: target.id, purpose: "RESET" });
    const user = await userRow(target.id);
    expect(user.sessionVersion).toBe(1);
    expect(await verifyPassword(PASSWORD, user.passwordHash!)).toBe(false);
    expect(await verifyPassword("a brand new password", user.passwordHash!)).toBe(true);
    expect((await refusal(acceptInvitation(prisma, token, { password: "yet another password" }))).code).toBe("not_found");
    const actions = (await prisma.auditLog.findMany({ where: { entityId: target.id }, select: { action: true } })).map((a) => a.action);
    expect(actions.sort()).toEqual(["user.password_reset", "user.reset_password"]);
  });

  it("a new reset link replaces the pending one for the same account", async () => {
    const target = await makeUser("reset2", "AUTHOR");
    const first = await createPasswordReset(prisma, admin, target.id);
    expect(first.replaced).toBe(0);
    const second = await createPasswordReset(prisma, admin, target.id);
    expect(second.replaced).toBe(1);
    expect(await findUsableInvitation(prisma, tokenOf(first.url))).toBeNull();
    await acceptInvitation(prisma, tokenOf(second.url), { password: "the second link won" });
    expect(await findUsableInvitation(prisma, tokenOf(second.url))).toBeNull();
  });

  it("changeOwnPassword with a wrong current password answers 422 on 'current' and changes nothing", async () => {
    const me = await makeUser("own", "CONTRIBUTOR");
    const before = await userRow(me.id);
    const error = await refusal(changeOwnPassword(prisma, me, { current: "not my password", next: "a new long password" }));
    expect(error.status).toBe(422);
    expect(error.fields).toHaveProperty("current");
    expect(await userRow(me.id)).toMatchObject({ passwordHash: before.passwordHash, sessionVersion: 0 });
    expect(await invalidInput(changeOwnPassword(prisma, me, { current: PASSWORD, next: "short" }))).toHaveProperty("next");

    await changeOwnPassword(prisma, me, { current: PASSWORD, next: "a new long password" });
    const after = await userRow(me.id);
    expect(after.sessionVersion).toBe(1);
    expect(await verifyPassword("a new long password", after.passwordHash!)).toBe(true);
    expect(await verifyPassword(PASSWORD, after.passwordHash!)).toBe(false);
  });
});

describe("profiles", () => {
  it("validates name and bio, and refuses an image that is not in the library", async () => {
    const me = await makeUser("profile", "AUTHOR");
    expect(await invalidInput(updateProfile(prisma, me, me.id, { name: "  ", bio: "", image: null }))).toHaveProperty("name");
    expect(await invalidInput(updateProfile(prisma, me, me.id, { name: "x".repeat(101), bio: "", image: null }))).toHaveProperty("name");
    expect(await invalidInput(updateProfile(prisma, me, me.id, { name: "Me", bio: "b".repeat(1001), image: null }))).toHaveProperty("bio");
    const error = await refusal(updateProfile(prisma, me, me.id, { name: "Me", bio: "", image: "no-such-media" }));
    expect(error.status).toBe(422);
    expect(error.fields).toHaveProperty("image");
    expect(await userRow(me.id)).toMatchObject({ name: `profile ${run}`, bio: "", image: null });
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("stores the photo's public URL and expires author pages and lists", async () => {
    const me = await makeUser("photo", "AUTHOR");
    await updateProfile(prisma, me, me.id, { name: ` Photo Person ${run} `, bio: " Writes about cats. ", image: mediaId });
    expect(await userRow(me.id)).toMatchObject({ name: `Photo Person ${run}`, bio: "Writes about cats.", image: mediaUrl(mediaKey) });
    expect(revalidateTag.mock.calls.map(([tag]) => tag).sort()).toEqual(["article-lists", "authors"]);

    // Without an image the photo stays; null removes it.
    await updateProfile(prisma, me, me.id, { name: "Photo Person", bio: "" });
    expect((await userRow(me.id)).image).toBe(mediaUrl(mediaKey));
    await updateProfile(prisma, me, me.id, { name: "Photo Person", bio: "", image: null });
    expect((await userRow(me.id)).image).toBeNull();
  });

  it("only the member themselves or an admin edits a profile", async () => {
    const me = await makeUser("mine", "AUTHOR");
    expect((await refusal(updateProfile(prisma, editor, me.id, { name: "Hijacked", bio: "", image: null }))).status).toBe(403);
    await updateProfile(prisma, admin, me.id, { name: "Renamed by admin", bio: "", image: null });
    expect((await userRow(me.id)).name).toBe("Renamed by admin");
  });
});

describe("staff list and audit log", () => {
  it("lists staff with role, status, email and article count for editors and admins only", async () => {
    const list = await listStaff(prisma, editor);
    expect(list.find((m) => m.id === author.id)).toMatchObject({ email: email("author"), role: "AUTHOR", disabled: false, articleCount: 0 });
    expect(list.some((m) => m.articleCount > 0)).toBe(true); // the seeded bylines
    expect((await refusal(listStaff(prisma, author))).status).toBe(403);
  });

  it("the audit log is admin-only and filters by action prefix", async () => {
    expect((await refusal(listAudit(prisma, editor, {}))).status).toBe(403);
    const users = await listAudit(prisma, admin, { action: "user." });
    expect(users.total).toBeGreaterThan(0);
    expect(users.rows.every((r) => r.action.startsWith("user."))).toBe(true);
    const invites = await listAudit(prisma, admin, { action: "user.invite" });
    expect(invites.rows.every((r) => r.action.startsWith("user.invite"))).toBe(true);
    expect(new Set(invites.rows.map((r) => r.action))).toEqual(new Set(["user.invite", "user.invite_withdraw"]));
    expect(invites.rows[0]!.actor?.name).toBeTruthy();
    // Typed in capitals it is the same filter; anything but letters, dots and underscores is refused.
    expect((await listAudit(prisma, admin, { action: " USER.Invite " })).total).toBe(invites.total);
    const refused = await invalidInput(listAudit(prisma, admin, { action: "user.%" }));
    expect(refused.action).toMatch(/letters, dots and underscores/);
  });
});
