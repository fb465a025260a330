import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { SignInForm } from "@/components/dashboard/signin-form.client";
import { oauthProviderIds } from "@/auth";
import { getSiteSettings } from "@/server/data/articles";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false, follow: false } };

async function SignInArea({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = typeof params.callbackUrl === "string" ? params.callbackUrl : typeof params.next === "string" ? params.next : "/dashboard";
  const providers = oauthProviderIds();
  // After GitHub or Google, for a member with two-step sign-in (auth.ts): straight to the code.
  const ticket = typeof params.ticket === "string" ? params.ticket : "";
  return (
    <>
      {params.signedOut ? <p role="status" className="mb-4 text-sm text-muted">You have signed out.</p> : null}
      {params.welcome ? <p role="status" className="mb-4 text-sm">Your password is set. Sign in with it now.</p> : null}
      {params.passwordChanged ? <p role="status" className="mb-4 text-sm">Your password was changed and your other sessions ended. Sign in again.</p> : null}
      {params.error ? (
        <p role="alert" className="mb-4 text-sm text-accent-ink">
          {params.error === "AccessDenied"
            ? "That account's email is not a staff member's here, or the account is disabled. Sign in with your password, or ask an admin."
            : "Sign-in failed. Check your details and try again."}
        </p>
      ) : null}
      {ticket ? <p role="status" className="mb-4 text-sm">One more step: your account has two-step sign-in.</p> : null}
      <SignInForm next={next} ticket={ticket} providers={providers} />
    </>
  );
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const settings = await getSiteSettings();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-10">
      <p className="mb-6 font-serif text-2xl font-bold">
        <Link href="/">{settings.siteName}</Link>
      </p>
      <h1 className="mb-6 text-xl font-semibold">Staff sign-in</h1>
      <Suspense fallback={<p>Loading…</p>}>
        <SignInArea searchParams={searchParams} />
      </Suspense>
    </main>
  );
}
