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
    const github = GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET, enterprise });
    providers.push({ ...github, userinfo: { url: (github.userinfo as { url: string }).url, request: verifiedGitHubProfile } });
  }
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) providers.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));
  return providers;
}

export const providerIds = (providers: NextAuthConfig["providers"]) => providers.map((p) => (typeof p === "function" ? p().id : p.id));

type GitHubEmail = { email: string; primary: boolean; verified: boolean };

/**
 * GitHub's profile with the addresses GitHub has verified (`verified_emails`, the primary one
 * first), its email the first of them. Auth.js's own request takes the public email, else the primary one
 * verified or not: an account opened with a staff member's address and never confirmed would
 * have signed in as them.
 */
async function verifiedGitHubProfile({ tokens, provider }: { tokens: { access_token?: string }; provider: { userinfo?: { url?: URL | string } } }) {
  const url = String(provider.userinfo?.url);
  const read = async (target: string) => {
    const response = await fetch(target, { headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/vnd.github+json", "User-Agent": "authjs" } });
    if (!response.ok) throw new Error(`GitHub answered ${response.status} for ${new URL(target).pathname}`);
    return response.json();
  };
  const [profile, emails] = (await Promise.all([read(url), read(`${url}/emails`)])) as [Record<string, unknown>, GitHubEmail[]];
  // The primary address first: it names the account when several of them are staff's.
  const verified = emails.filter((entry) => entry.verified).sort((a, b) => Number(b.primary) - Number(a.primary));
  return { ...profile, email: verified[0]?.email ?? null, verified_emails: verified.map((entry) => entry.email) };
}

/** The addresses an OAuth provider vouches for: GitHub's verified ones, Google's email when verified. */
export function verifiedEmails(provider: string, profile: Record<string, unknown> | undefined): string[] {
  if (!profile) return [];
  if (provider === "github") return Array.isArray(profile.verified_emails) ? profile.verified_emails.filter((e): e is string => typeof e === "string") : [];
  return profile.email_verified === true && typeof profile.email === "string" ? [profile.email] : [];
}
