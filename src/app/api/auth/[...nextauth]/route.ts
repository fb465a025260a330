// Auth.js endpoints. Password sign-in posted here directly (not through the /signin form) gets
// the same limits as the form, answered with 429 and Retry-After.
import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { signInRateLimitResponse } from "@/server/api/sign-in-guard";

export const GET = handlers.GET;

export async function POST(request: NextRequest) {
  return (await signInRateLimitResponse(request)) ?? handlers.POST(request);
}
