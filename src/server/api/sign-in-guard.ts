import "server-only";
import { clientIp } from "@/server/client-ip";
import { prisma } from "@/server/db";
import { signInBlocked } from "@/server/services/sign-in";
import { apiError } from "@/server/api/respond";

/** 429 with Retry-After for a password sign-in posted to Auth.js while a limit holds. */
export async function signInRateLimitResponse(request: Request): Promise<Response | null> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  const form = await request.clone().formData().catch(() => null);
  const email = typeof form?.get("email") === "string" ? String(form.get("email")) : "";
  const blocked = await signInBlocked(prisma, clientIp(request.headers), email);
  if (!blocked) return null;
  return apiError(429, "rate_limited", `Too many sign-in attempts. Try again in ${blocked.retryAfterSeconds} seconds.`, undefined, {
    "Retry-After": String(blocked.retryAfterSeconds),
  });
}
