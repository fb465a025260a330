import type { Metadata } from "next";
import { DateTime } from "@/components/dashboard/date-time.client";
import { PasswordForm, ProfileForm } from "@/components/dashboard/profile-forms.client";
import { TwoStepOn, TwoStepSetup } from "@/components/dashboard/two-step.client";
import { roleLabels } from "@/lib/schemas/user";
import { firstStepName } from "@/lib/sign-in-methods";
import { prisma } from "@/server/db";
import { listMedia } from "@/server/services/media-library";
import { staffOrSignIn } from "@/server/services/staff-page";
import { recentSignIns, type SignInEvent } from "@/server/services/sign-in";
import { twoStepRequired, twoStepStatus } from "@/server/services/two-step";
import { getProfile } from "@/server/services/users";

export const metadata: Metadata = { title: "Your profile" };

// How a sign-in was made (sign-in.ts): the first step, and "+" the second where there was one.
const secondSteps: Record<string, string> = { "app code": "app code", "recovery code": "a recovery code" };
const methodText = (method: string) => {
  const [first, second] = method.split("+");
  const firstText = firstStepName(first!);
  return second ? `${firstText} and ${secondSteps[second] ?? second}` : firstText;
};

function signInText(event: SignInEvent): string {
  const from = event.ip ? `, from ${event.ip}` : "";
  if (event.kind === "locked") return `Locked for a while after ${event.failures} wrong attempts${from}`;
  return `${methodText(event.method)}${from}`;
}

export default async function ProfilePage() {
  const actor = await staffOrSignIn("/dashboard/profile", { settingUpTwoStep: true });
  const [profile, media, twoStep, signIns] = await Promise.all([
    getProfile(prisma, actor, actor.id),
    listMedia(prisma, actor, { perPage: 30 }),
    twoStepStatus(prisma, actor),
    recentSignIns(prisma, actor.id),
  ]);
  const required = twoStepRequired(actor.role);
  const photos = media.rows.map((m) => ({ id: m.id, url: m.url, alt: m.alt }));
  const currentPhotoId = photos.find((p) => p.url === profile.image)?.id ?? null;

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Your profile</h1>
      <p className="mb-6 text-sm text-muted">
        {profile.email} · {roleLabels[profile.role]}
      </p>
      {required && !twoStep.enabled ? (
        <p role="alert" className="mb-6 rounded-md border border-accent px-3 py-2 text-sm">
          <strong>Set up two-step sign-in to go on.</strong> This newsroom requires it of every {roleLabels[profile.role].toLowerCase()}: until it is on,
          the rest of the dashboard stays closed to you.{" "}
          <a href="#two-step-heading" className="font-semibold underline">
            Set it up
          </a>
        </p>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="profile-heading" className="self-start rounded-md border border-rule p-4">
          <h2 id="profile-heading" className="mb-3 text-lg font-semibold">
            Public profile
          </h2>
          <ProfileForm profile={{ name: profile.name, bio: profile.bio, image: profile.image }} photos={photos} currentPhotoId={currentPhotoId} />
        </section>
        <div className="space-y-8">
          <section aria-labelledby="password-heading" className="rounded-md border border-rule p-4">
            <h2 id="password-heading" className="mb-3 text-lg font-semibold">
              Password
            </h2>
            <PasswordForm hasPassword={profile.hasPassword} />
          </section>
          {profile.hasPassword ? (
            <section aria-labelledby="two-step-heading" className="rounded-md border border-rule p-4">
              <h2 id="two-step-heading" className="mb-3 scroll-mt-4 text-lg font-semibold">
                Two-step sign-in
              </h2>
              {twoStep.enabled ? (
                <TwoStepOn since={twoStep.since?.toISOString() ?? null} recoveryCodesLeft={twoStep.recoveryCodesLeft} required={required} />
              ) : (
                <TwoStepSetup />
              )}
            </section>
          ) : null}
          <section aria-labelledby="sign-ins-heading" className="rounded-md border border-rule p-4">
            <h2 id="sign-ins-heading" className="mb-1 text-lg font-semibold">
              Recent sign-ins
            </h2>
            <p className="mb-3 text-sm text-muted">If one was not you, change your password and tell an admin.</p>
            {signIns.length ? (
              <ul className="divide-y divide-rule text-sm">
                {signIns.map((event, i) => (
                  <li key={i} className="py-2">
                    <DateTime iso={event.at.toISOString()} />
                    <span className="block text-muted">{signInText(event)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm">None recorded yet.</p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
