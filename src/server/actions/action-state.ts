import "server-only";
import { z } from "zod";
import { unstable_rethrow } from "next/navigation";
import { logEvent } from "@/server/log";
import { isDatabaseUnavailable, violatedUniqueIndex } from "@/server/database-errors";
import { ServiceError, assertStorableText, fieldErrors, savedMeanwhile } from "@/server/services/errors";

/** What every form's server action returns: a message for the form, messages per field. */
export type ActionState = { ok: boolean; message: string; fields?: Record<string, string>; data?: Record<string, unknown> };
export const initialActionState: ActionState = { ok: false, message: "" };

/** Runs a server action body; refusals become messages next to the form or field, never a crash. */
export async function runAction(body: () => Promise<ActionState | void>): Promise<ActionState> {
  try {
    return (await body()) ?? { ok: true, message: "Saved." };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are not failures
    if (violatedUniqueIndex(error) !== null) error = savedMeanwhile();
    if (error instanceof ServiceError) return { ok: false, message: error.message, fields: error.fields };
    if (error instanceof z.ZodError) return { ok: false, message: "Some fields need attention.", fields: fieldErrors(error.issues) };
    if (isDatabaseUnavailable(error)) {
      logEvent("warn", "server action: database unavailable", { error: String((error as Error)?.message ?? error) });
      return { ok: false, message: "The database is busy or unreachable. Nothing was changed; try again in a few seconds." };
    }
    logEvent("error", "server action failed", { error: String((error as Error)?.stack ?? error) });
    return { ok: false, message: "Something went wrong on our side. Nothing was changed." };
  }
}

/** FormData → plain object of strings (the zod schema then decides what is valid). */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  assertStorableText(out);
  return out;
}
