import "server-only";
import { auth } from "@/auth";
import { prisma } from "@/server/db";
import { ServiceError } from "@/server/services/errors";
import type { Actor } from "@/server/services/permissions";

/**
 * The signed-in staff member, checked against the database on every call: a disabled account,
 * or a token minted before a role change or password reset (older session version), is signed
 * out. The role always comes from the database, never from the token.
 */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  const id = session?.user?.id;
  const version = (session as { sessionVersion?: number } | null)?.sessionVersion;
  if (!id || typeof version !== "number") return null;
  const user = await prisma.user.findUnique({ where: { id }, select: { id: true, role: true, name: true, disabled: true, sessionVersion: true } });
  if (!user || user.disabled || user.sessionVersion !== version) return null;
  return { id: user.id, role: user.role, name: user.name };
}

/** For server actions and API routes: 401 when nobody (valid) is signed in. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new ServiceError("unauthenticated", "Please sign in again.");
  return actor;
}
