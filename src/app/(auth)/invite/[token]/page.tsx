import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { AcceptInvitationForm } from "@/components/dashboard/accept-invitation-form.client";
import { roleLabels } from "@/lib/schemas/user";
import { getSiteSettings } from "@/server/data/articles";
import { prisma } from "@/server/db";
import { findUsableInvitation } from "@/server/services/users";

// The token is in the URL: never indexed, and never sent on as a Referer.
export const metadata: Metadata = { title: "Join the newsroom", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Params = Promise<{ token: string }>;

async function InvitationArea({ params }: { params: Params }) {
  await connection();
  const { token } = await params;
  const invitation = await findUsableInvitation(prisma, token);
  if (!invitation) {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold">This link cannot be used</h1>
        <p role="alert" className="mb-4">
          This link is invalid or has expired. Links work once: invitations for 7 days, password links for 24 hours.
        </p>
        <p className="text-sm text-muted">
          Ask the person who sent it for a new one, or <Link className="underline" href="/signin">sign in</Link> if you already have an account.
        </p>
      </>
    );
  }
  const invite = invitation.purpose === "INVITE";
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{invite ? "Join the newsroom" : "Choose a new password"}</h1>
      <p className="mb-6 text-sm text-muted">
        {invite
          ? `You were invited as ${roleLabels[invitation.role].toLowerCase()} with ${invitation.email}.`
          : `For ${invitation.email}. Setting it signs this account out everywhere.`}
      </p>
      <AcceptInvitationForm token={token} purpose={invitation.purpose} email={invitation.email} />
    </>
  );
}

export default async function InvitationPage({ params }: { params: Params }) {
  const settings = await getSiteSettings();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-10">
      <p className="mb-6 font-serif text-2xl font-bold">
        <Link href="/">{settings.siteName}</Link>
      </p>
      <Suspense fallback={<p>Checking the link…</p>}>
        <InvitationArea params={params} />
      </Suspense>
    </main>
  );
}
