import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { currentActor } from "@/server/services/session";
import type { Actor } from "@/server/services/permissions";

/** For dashboard pages: the signed-in staff member, or off to the sign-in page. */
export async function staffOrSignIn(next = "/dashboard"): Promise<Actor> {
  await connection();
  const actor = await currentActor();
  if (!actor) redirect(`/signin?next=${encodeURIComponent(next)}`);
  return actor;
}
