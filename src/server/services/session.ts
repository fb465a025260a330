import "server-only";
import { getToken } from "next-auth/jwt";
import { auth } from "@/auth";
import { env } from "@/lib/env";
import { prisma } from "@/server/db";
import { ServiceError } from "@/server/services/errors";
import type { Actor } from "@/server/services/permissions";
import { twoStepMissing } from "@/server/services/two-step";

/** A member signed in: who they are, and whether their role requires a second step they have not set up. */
export type SignedInMember = { actor: Actor; twoStepMissing: boolean };

/**
 * The signed-in staff member, checked against the database on every call: a disabled account,
 * or a token minted before a role change or password reset (older session version), is signed
 * out. The role always comes from the database, never from the token.
 */
export async function signedInMember(): Promise<SignedInMember | null> {
  const session = await auth();
  return memberOf(session?.user?.id, (session as { sessionVersion?: number } | null)?.sessionVersion);
}

/**
 * For the proxy, which runs before Auth.js's auth() can: the member whose session cookie the
 * request carries, checked as signedInMember() checks it.
 */
export async function requestMember(request: Request): Promise<SignedInMember | null> {
  const { AUTH_SECRET, AUTH_SECRET_PREVIOUS } = env();
  if (!AUTH_SECRET) return null;
  const secureCookie = /(?:^|;\s*)__Secure-authjs\.session-token/.test(request.headers.get("cookie") ?? "");
  const token = await getToken({ req: request, secret: [AUTH_SECRET, ...(AUTH_SECRET_PREVIOUS ? [AUTH_SECRET_PREVIOUS] : [])], secureCookie });
  return memberOf(token?.sub, token?.sv);
}

/** The member a session names (user id and session version), if that session still holds. */
async function memberOf(id: unknown, version: unknown): Promise<SignedInMember | null> {
  if (typeof id !== "string" || !id || typeof version !== "number") return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, role: true, name: true, disabled: true, sessionVersion: true, totpEnabledAt: true },
  });
  if (!user || user.disabled || user.sessionVersion !== version) return null;
  return { actor: { id: user.id, role: user.role, name: user.name }, twoStepMissing: twoStepMissing(user) };
}

/**
 * The signed-in staff member who may act: null for nobody, and for a member whose role requires
 * two-step sign-in until they have set it up (they may only do that: requireActor's option).
 */
export async function currentActor(): Promise<Actor | null> {
  const member = await signedInMember();
  return member && !member.twoStepMissing ? member.actor : null;
}

export const TWO_STEP_REQUIRED_MESSAGE = "Your role requires two-step sign-in: set it up on your profile first.";

/**
 * For server actions and API routes: 401 when nobody (valid) is signed in; 403 for a member who
 * must set up two-step sign-in first, except for the actions that set it up (`settingUpTwoStep`).
 */
export async function requireActor({ settingUpTwoStep = false } = {}): Promise<Actor> {
  const member = await signedInMember();
  if (!member) throw new ServiceError("unauthenticated", "Please sign in again.");
  if (member.twoStepMissing && !settingUpTwoStep) throw new ServiceError("forbidden", TWO_STEP_REQUIRED_MESSAGE);
  return member.actor;
}
