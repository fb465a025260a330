import type { Metadata } from "next";
import { PasswordForm, ProfileForm } from "@/components/dashboard/profile-forms.client";
import { TwoStepOn, TwoStepSetup } from "@/components/dashboard/two-step.client";
import { roleLabels } from "@/lib/schemas/user";
import { prisma } from "@/server/db";
import { listMedia } from "@/server/services/media-library";
import { staffOrSignIn } from "@/server/services/staff-page";
import { twoStepStatus } from "@/server/services/two-step";
import { getProfile } from "@/server/services/users";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const actor = await staffOrSignIn("/dashboard/profile");
  const [profile, media, twoStep] = await Promise.all([getProfile(prisma, actor, actor.id), listMedia(prisma, actor, { perPage: 30 }), twoStepStatus(prisma, actor)]);
  const photos = media.rows.map((m) => ({ id: m.id, url: m.url, alt: m.alt }));
  const currentPhotoId = photos.find((p) => p.url === profile.image)?.id ?? null;

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Your profile</h1>
      <p className="mb-6 text-sm text-muted">
        {profile.email} · {roleLabels[profile.role]}
      </p>
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
              <h2 id="two-step-heading" className="mb-3 text-lg font-semibold">
                Two-step sign-in
              </h2>
              {twoStep.enabled ? (
                <TwoStepOn since={twoStep.since?.toISOString() ?? null} recoveryCodesLeft={twoStep.recoveryCodesLeft} />
              ) : (
                <TwoStepSetup />
              )}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
