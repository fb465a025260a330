"use client";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { FormMessage, buttonClass, dangerButtonClass, oneTimeCodeInput, secondaryButtonClass } from "@/components/dashboard/form-bits";
import { DateTime } from "@/components/dashboard/date-time.client";
import { TextField } from "@/components/dashboard/text-field";
import type { ActionState } from "@/server/actions/action-state";
import { beginTwoStepAction, confirmTwoStepAction, renewRecoveryCodesAction, turnOffTwoStepAction } from "@/server/actions/two-step";

const initial: ActionState = { ok: false, message: "" };

/**
 * Setting up two-step sign-in: scan (or type the key), confirm with a first code, keep the
 * recovery codes. The page shows the "on" state only once the member says the codes are kept.
 */
export function TwoStepSetup() {
  const router = useRouter();
  const [setup, begin, beginning] = useActionState(beginTwoStepAction, initial);
  const [confirmed, confirm, confirming] = useActionState(confirmTwoStepAction, initial);
  const recoveryCodes = Array.isArray(confirmed.data?.recoveryCodes) ? (confirmed.data.recoveryCodes as string[]) : null;
  const secret = typeof setup.data?.secret === "string" ? setup.data.secret : null;
  const qr = typeof setup.data?.qr === "string" ? setup.data.qr : null;

  // Kept: the page shows the "on" state in place of this set-up.
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} message={confirmed.message} onKept={() => router.refresh()} />;

  return (
    <div className="space-y-4">
      <p className="text-sm">
        Off. With it on, signing in takes your password and a code from an authenticator app on your phone (Google Authenticator, Microsoft
        Authenticator, 1Password and the like): a stolen password alone cannot open your account.
      </p>
      {secret && qr ? (
        <>
          <ol className="list-decimal space-y-3 pl-5 text-sm">
            <li>
              Add this site to your app by scanning the QR code, or by typing the key.
              {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made for this member, nothing to optimise */}
              <img src={qr} alt="QR code that adds this site to an authenticator app" width={176} height={176} className="mt-2 rounded-sm bg-white" />
              <p className="mt-2">
                Key: <code className="break-all font-mono" data-testid="two-step-secret">{secret}</code>
              </p>
            </li>
            <li>Enter the 6-digit code the app then shows.</li>
          </ol>
          <CodeForm action={confirm} state={confirmed} pending={confirming} id="two-step-code" label="Code from the app" button="Turn on"
            pendingText="Checking…" buttonClass={buttonClass} />
        </>
      ) : (
        <form action={begin} className="space-y-3">
          <FormMessage ok={setup.ok} message={setup.message} />
          <button type="submit" className={secondaryButtonClass} disabled={beginning}>
            {beginning ? "Preparing…" : "Set up two-step sign-in"}
          </button>
        </form>
      )}
    </div>
  );
}

/** One code field and its button: the message beside the field when the code was refused, else under it. */
function CodeForm(props: {
  action: (form: FormData) => void;
  state: ActionState;
  pending: boolean;
  id: string;
  label: string;
  hint?: string;
  button: string;
  pendingText: string;
  buttonClass: string;
  /** A rule above it, between it and what comes before. */
  ruled?: boolean;
}) {
  const { action, state, pending } = props;
  return (
    <form action={action} className={props.ruled ? "space-y-3 border-t border-rule pt-4" : "space-y-3"} noValidate>
      <TextField id={props.id} label={props.label} hint={props.hint} error={state.fields?.code} {...oneTimeCodeInput} />
      <FormMessage ok={state.ok} message={state.fields ? "" : state.message} />
      <button type="submit" className={props.buttonClass} disabled={pending}>
        {pending ? props.pendingText : props.button}
      </button>
    </form>
  );
}

/** Recovery codes, shown once: the page moves on when the member says they have kept them. */
function RecoveryCodes({ codes, message, onKept }: { codes: string[]; message: string; onKept: () => void }) {
  return (
    <div className="space-y-3">
      <FormMessage ok message={message} />
      <h3 className="font-semibold">Your recovery codes</h3>
      <p className="text-sm">
        Each signs you in once in place of a code, if you lose your phone. Keep them somewhere safe, away from your phone: they are shown only now.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-1 rounded-md border border-rule bg-surface p-3 font-mono text-sm">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <button type="button" className={buttonClass} onClick={onKept}>
        I have kept them
      </button>
    </div>
  );
}

/**
 * Two-step sign-in is on: since when and the recovery codes left; new recovery codes, or off,
 * each with a current code.
 */
export function TwoStepOn({ since, recoveryCodesLeft, required }: { since: string | null; recoveryCodesLeft: number; required: boolean }) {
  const [off, turnOff, turningOff] = useActionState(turnOffTwoStepAction, initial);
  const [renewed, renew, renewing] = useActionState(renewRecoveryCodesAction, initial);
  const router = useRouter();
  const [kept, setKept] = useState<unknown>(null);
  const recoveryCodes = Array.isArray(renewed.data?.recoveryCodes) ? (renewed.data.recoveryCodes as string[]) : null;
  if (recoveryCodes && kept !== recoveryCodes) {
    const done = () => {
      setKept(recoveryCodes);
      router.refresh(); // the count of codes left
    };
    return <RecoveryCodes codes={recoveryCodes} message={renewed.message} onKept={done} />;
  }
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <strong>On</strong>
        {since ? (
          <>
            {" "}since <DateTime iso={since} />
          </>
        ) : null}
        . You sign in with your password and a code from your app. Recovery codes left: {recoveryCodesLeft} of 10.
      </p>
      <CodeForm action={renew} state={renewed} pending={renewing} id="two-step-renew-code" label="Code, for new recovery codes"
        hint="The old ones stop working." button="Make new recovery codes" pendingText="Making…" buttonClass={secondaryButtonClass} ruled />
      {required ? (
        <p className="border-t border-rule pt-4 text-sm text-muted">Your role requires it: it stays on. If you lose your phone and your recovery codes, an admin can reset it.</p>
      ) : (
        <CodeForm action={turnOff} state={off} pending={turningOff} id="two-step-off-code" label="Code, to turn it off"
          hint="From your app, or a recovery code." button="Turn off two-step sign-in" pendingText="Turning off…" buttonClass={dangerButtonClass} ruled />
      )}
    </div>
  );
}
