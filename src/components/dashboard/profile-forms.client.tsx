"use client";
import { useActionState, useState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass } from "@/components/dashboard/form-bits";
import { useKeptChoice } from "@/components/dashboard/select-field.client";
import { TextField } from "@/components/dashboard/text-field";
import { passwordLimits } from "@/lib/schemas/user";
import type { ActionState } from "@/server/actions/action-state";
import { changeOwnPasswordAction, updateProfileAction } from "@/server/actions/users";

const initial: ActionState = { ok: false, message: "" };

type Photo = { id: string; url: string; alt: string };

/**
 * Name, bio and photo. The photo is picked from the latest library images; a current photo that
 * is not among them (older upload, or from a sign-in provider) can be kept as it is.
 */
export function ProfileForm({ profile, photos, currentPhotoId }: {
  profile: { name: string; bio: string; image: string | null };
  photos: Photo[];
  currentPhotoId: string | null;
}) {
  const [state, action, pending] = useActionState(updateProfileAction, initial);
  // Controlled: a refused save keeps the text (React resets uncontrolled fields after an action).
  const [name, setName] = useState(profile.name);
  const [bio, setBio] = useState(profile.bio);
  const keepable = !!profile.image && !currentPhotoId;
  const [photo, setPhoto] = useState(currentPhotoId ?? (keepable ? "keep" : "none"));
  const photoSelect = useKeptChoice(photo);
  const previewUrl = photo === "keep" ? profile.image : photos.find((p) => p.id === photo)?.url ?? null;

  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField id="profile-name" name="name" label="Name" autoComplete="name" required maxLength={100} value={name}
        onChange={(e) => setName(e.target.value)} error={state.fields?.name} hint="As it appears in bylines." />
      <div>
        <label htmlFor="profile-bio" className="block text-sm font-semibold">
          Bio
        </label>
        <p id="profile-bio-hint" className="text-sm text-muted">
          Shown on your author page. Up to 1000 characters.
        </p>
        <textarea id="profile-bio" name="bio" rows={5} maxLength={1000} value={bio} onChange={(e) => setBio(e.target.value)} className={inputClass}
          aria-invalid={!!state.fields?.bio} aria-describedby={state.fields?.bio ? "profile-bio-hint profile-bio-error" : "profile-bio-hint"} />
        <FieldError id="profile-bio-error" message={state.fields?.bio} />
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="grow">
          <label htmlFor="profile-image" className="block text-sm font-semibold">
            Photo
          </label>
          <p id="profile-image-hint" className="text-sm text-muted">
            From the 30 latest images in the media library. Upload a new one under Media first.
          </p>
          <select ref={photoSelect} id="profile-image" name="image" value={photo} onChange={(e) => setPhoto(e.target.value)} className={inputClass}
            aria-invalid={!!state.fields?.image} aria-describedby={state.fields?.image ? "profile-image-hint profile-image-error" : "profile-image-hint"}>
            {keepable ? <option value="keep">Keep the current photo</option> : null}
            <option value="none">No photo</option>
            {photos.map((p) => (
              <option key={p.id} value={p.id}>
                {p.alt || p.id}
              </option>
            ))}
          </select>
          <FieldError id="profile-image-error" message={state.fields?.image} />
        </div>
        {previewUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a small preview of a library image, no optimisation needed
          <img src={previewUrl} alt="Selected photo" width={80} height={80} className="h-20 w-20 rounded-full border border-rule object-cover" />
        ) : null}
      </div>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save profile"}
      </button>
    </form>
  );
}

/** Changing the password signs you out everywhere, here too; the action sends you to sign in. */
export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action, pending] = useActionState(changeOwnPasswordAction, initial);
  if (!hasPassword) {
    return <p className="text-sm text-muted">You sign in with an external account and have no password here. An admin can create a password link for you.</p>;
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField id="password-current" name="current" type="password" label="Current password" autoComplete="current-password" required
        error={state.fields?.current} />
      <TextField id="password-next" name="next" type="password" label="New password" autoComplete="new-password" required
        minLength={passwordLimits.min} maxLength={passwordLimits.max} hint={`At least ${passwordLimits.min} characters. A few unrelated words work well.`}
        error={state.fields?.next} />
      <TextField id="password-confirm" name="confirm" type="password" label="New password again" autoComplete="new-password" required
        error={state.fields?.confirm} />
      <FormMessage ok={state.ok} message={state.message} />
      <p className="text-sm text-muted">You will be signed out on every device, and sign in again with the new password.</p>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
