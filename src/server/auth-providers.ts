import "server-only";
import type { NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Env } from "@/lib/env";

/** OAuth sign-in for staff: each provider switches on when both of its variables are set. */
export function oauthProviders(e: Pick<Env, "AUTH_GITHUB_ID" | "AUTH_GITHUB_SECRET" | "AUTH_GITHUB_URL" | "AUTH_GOOGLE_ID" | "AUTH_GOOGLE_SECRET">): NextAuthConfig["providers"] {
  const providers: NextAuthConfig["providers"] = [];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) {
    const enterprise = e.AUTH_GITHUB_URL ? { baseUrl: e.AUTH_GITHUB_URL.replace(/\/+$/, "") } : undefined;
    providers.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET, enterprise }));
  }
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) providers.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));
  return providers;
}

export const providerIds = (providers: NextAuthConfig["providers"]) => providers.map((p) => (typeof p === "function" ? p().id : p.id));
