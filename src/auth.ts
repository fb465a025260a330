import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { authLogger } from "@/server/auth-log";
import { oauthProviders, providerIds, verifiedEmails } from "@/server/auth-providers";
import { clientIp } from "@/server/client-ip";
import { prisma } from "@/server/db";
import { checkOAuth, checkPassword, checkSecondStep, oauthStaff } from "@/server/services/sign-in";

/**
 * Staff sign-in (Auth.js v5). Sessions are JWTs carrying the user id and session version;
 * server/services/session.ts checks both against the database on every staff request, so a
 * disabled, demoted or reset account loses access on its next request.
 */

export class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
}

/** The password was right (or a code wrong): the code is asked for, with this ticket (two-step.ts). */
export class SecondStepSignin extends CredentialsSignin {
  code = "second_step";
  constructor(readonly ticket: string) {
    super();
  }
}

const oauth = oauthProviders(env());
export const oauthProviderIds = () => providerIds(oauth);

const { AUTH_SECRET, AUTH_SECRET_PREVIOUS } = env();

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // The first encrypts sessions; the previous one, while AUTH_SECRET is being changed, still opens
  // the sessions it made (docs/RELIABILITY.md, "Changing AUTH_SECRET").
  secret: AUTH_SECRET ? [AUTH_SECRET, ...(AUTH_SECRET_PREVIOUS ? [AUTH_SECRET_PREVIOUS] : [])] : undefined,
  logger: authLogger,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      // Email and password; or, for two-step sign-in, the ticket the password step gave and a code.
      credentials: { email: {}, password: {}, ticket: {}, code: {} },
      async authorize(credentials, request) {
        const text = (key: "email" | "password" | "ticket" | "code") => {
          const value = credentials?.[key];
          return typeof value === "string" ? value : "";
        };
        const ip = clientIp(request.headers);
        const result = text("ticket")
          ? await checkSecondStep(prisma, ip, text("ticket"), text("code"))
          : await checkPassword(prisma, ip, text("email"), text("password"));
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
        if (result.reason === "rate_limited") throw new RateLimitedSignin();
        if (result.reason === "second_step") throw new SecondStepSignin(result.ticket);
        return null;
      },
    }),
    ...oauth,
  ],
  callbacks: {
    // Stay on the host the browser is using (behind a proxy, or 127.0.0.1 vs localhost): return
    // site paths as paths. Anything off-site goes to the dashboard (no open redirect).
    redirect({ url, baseUrl }) {
      if (url.startsWith("/") && !url.startsWith("//")) return url;
      try {
        const target = new URL(url);
        if (target.origin === new URL(baseUrl).origin) return `${target.pathname}${target.search}`;
      } catch {
        // not a URL
      }
      return "/dashboard";
    },
    // OAuth is for existing staff only: a verified email must belong to an enabled account. A
    // member with two-step sign-in goes on to the code, with a ticket (as after a password).
    async signIn({ account, profile }) {
      if (!account || account.type === "credentials") return true;
      const provider = account.provider === "github" ? "github" : "google";
      const result = await checkOAuth(prisma, provider, verifiedEmails(provider, profile));
      if (result.ok) return true;
      return result.reason === "second_step" ? `/signin?${new URLSearchParams({ ticket: result.ticket })}` : false;
    },
    async jwt({ token, user, account, profile }) {
      if (user) {
        // First sign-in of this session: bind the token to our user row and its current version.
        // After OAuth, the member signIn matched, by any verified address (not only the primary).
        const staff =
          account?.type === "credentials"
            ? user.id
              ? await prisma.user.findUnique({ where: { id: user.id } })
              : null
            : await oauthStaff(prisma, verifiedEmails(account?.provider ?? "", profile));
        if (!staff) return null;
        token.sub = staff.id;
        token.sv = staff.sessionVersion;
        token.name = staff.name;
        token.email = staff.email;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      (session as { sessionVersion?: number }).sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      return session;
    },
  },
});
