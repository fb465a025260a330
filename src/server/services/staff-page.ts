import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { signedInMember } from "@/server/services/session";
import type { Actor } from "@/server/services/permissions";

/**
 * For dashboard pages: the signed-in staff member, or off to the sign-in page. A member whose
 * role requires two-step sign-in, not set up yet, is sent to their profile to set it up, except
 * where that is done (`settingUpTwoStep`: the profile page, and the dashboard's frame around it).
 */
export async function staffOrSignIn(next = "/dashboard", { settingUpTwoStep = false } = {}): Promise<Actor> {
  await connection();
  const member = await signedInMember();
  if (!member) redirect(`/signin?next=${encodeURIComponent(next)}`);
  if (member.twoStepMissing && !settingUpTwoStep) redirect("/dashboard/profile?twoStep=required");
  return member.actor;
}
