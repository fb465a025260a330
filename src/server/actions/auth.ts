"use server";
import "server-only";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { signIn, signOut, RateLimitedSignin } from "@/auth";
import { clientIp } from "@/server/client-ip";
import { prisma } from "@/server/db";
import { signInBlocked } from "@/server/services/sign-in";
import type { ActionState } from "@/server/actions/action-state";

/** Only our own dashboard paths are followed after sign-in (no open redirect). */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return /^\/dashboard(\/[A-Za-z0-9/_?=&.-]*)?$/.test(next) ? next : "/dashboard";
}

const waitText = (seconds: number) => (seconds > 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`);

export async function signInWithPassword(_prev: ActionState, form: FormData): Promise<ActionState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const fields: Record<string, string> = {};
  if (!email) fields.email = "Enter your email address.";
  if (!password) fields.password = "Enter your password.";
  if (Object.keys(fields).length) return { ok: false, message: "Enter your email and password.", fields };

  const blocked = await signInBlocked(prisma, clientIp(await headers()), email);
  if (blocked) return { ok: false, message: `Too many sign-in attempts. Try again in ${waitText(blocked.retryAfterSeconds)}.` };
  try {
    await signIn("credentials", { email, password, redirectTo: safeNext(form.get("next")) });
  } catch (error) {
    if (error instanceof RateLimitedSignin || (error instanceof AuthError && (error as { code?: string }).code === "rate_limited")) {
      return { ok: false, message: "Too many sign-in attempts. Try again later." };
    }
    if (error instanceof AuthError) return { ok: false, message: "The email or password is incorrect." };
    throw error; // the redirect after a successful sign-in
  }
  return { ok: true, message: "" };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?signedOut=1" });
}
