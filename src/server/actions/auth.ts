"use server";
import "server-only";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { oauthProviderIds, signIn, signOut, RateLimitedSignin, SecondStepSignin } from "@/auth";
import { clientIp } from "@/server/client-ip";
import { prisma } from "@/server/db";
import { signInBlocked } from "@/server/services/sign-in";
import { TICKET_MINUTES } from "@/server/services/two-step";
import type { ActionState } from "@/server/actions/action-state";

/** Only our own dashboard paths are followed after sign-in (no open redirect). */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return /^\/dashboard(\/[A-Za-z0-9/_?=&.-]*)?$/.test(next) ? next : "/dashboard";
}

const waitText = (seconds: number) => (seconds > 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`);

/**
 * The sign-in form: email and password; then, for a member with two-step sign-in, the code, sent
 * with the ticket the password step returned (the password is not sent again, nor kept in the page).
 */
export async function signInWithPassword(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ticket = String(form.get("ticket") ?? "");
  if (ticket) return secondStep(ticket, String(form.get("code") ?? "").trim(), form.get("next"));
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const fields: Record<string, string> = {};
  if (!email) fields.email = "Enter your email address.";
  if (!password) fields.password = "Enter your password.";
  if (Object.keys(fields).length) return { ok: false, message: "Enter your email and password.", fields, data: { email } };

  const blocked = await signInBlocked(prisma, clientIp(await headers()), email);
  if (blocked) return { ok: false, message: `Too many sign-in attempts. Try again in ${waitText(blocked.retryAfterSeconds)}.`, data: { email } };
  try {
    await signIn("credentials", { email, password, redirectTo: safeNext(form.get("next")) });
  } catch (error) {
    if (error instanceof SecondStepSignin) return { ok: false, message: "", data: { ticket: error.ticket } };
    return { ...refusal(error, "The email or password is incorrect."), data: { email } };
  }
  return { ok: true, message: "" };
}

async function secondStep(ticket: string, code: string, next: FormDataEntryValue | null): Promise<ActionState> {
  if (!code) return { ok: false, message: "", fields: { code: "Enter the 6-digit code from your app, or a recovery code." }, data: { ticket } };
  try {
    await signIn("credentials", { ticket, code, redirectTo: safeNext(next) });
  } catch (error) {
    if (error instanceof SecondStepSignin) {
      return { ok: false, message: "", fields: { code: "That code is not right. Check your app and try again." }, data: { ticket } };
    }
    // A ticket that expired, or an account changed meanwhile: the password again.
    return refusal(error, `Sign-in took longer than ${TICKET_MINUTES} minutes, or the account changed. Start again.`);
  }
  return { ok: true, message: "" };
}

/** An Auth.js refusal as the form's message; anything else (the redirect after signing in) is rethrown. */
function refusal(error: unknown, invalid: string): ActionState {
  if (error instanceof RateLimitedSignin || (error instanceof AuthError && (error as { code?: string }).code === "rate_limited")) {
    return { ok: false, message: "Too many sign-in attempts. Try again later." };
  }
  if (error instanceof AuthError) return { ok: false, message: invalid };
  throw error;
}

/** Off to GitHub or Google, and back to the dashboard (by the code first, for a member with two-step sign-in). */
export async function signInWithProvider(form: FormData): Promise<void> {
  const provider = String(form.get("provider") ?? "");
  if (!oauthProviderIds().includes(provider)) redirect("/signin?error=Configuration");
  await signIn(provider, { redirectTo: safeNext(form.get("next")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?signedOut=1" });
}
