import "server-only";
import { logEvent } from "@/server/log";

/**
 * Auth.js's log as one JSON line per event, like the rest of the server's (log.ts). Its own logger
 * writes colour codes and a stack trace over a dozen lines for every wrong password, which a
 * brute-force attempt turns into a flood that log collectors cannot parse.
 *
 * A refusal is the visitor's doing (a wrong password, the sign-in limit, an OAuth account that is
 * not staff's, a form without its CSRF token): a warning with Auth.js's type and code, no stack.
 * Anything else is our fault: an error with its cause and where it was thrown.
 */
const refusals = new Set(["CredentialsSignin", "AccessDenied", "MissingCSRF", "Verification", "OAuthAccountNotLinked"]);

/** What Auth.js wrapped: its errors carry the original as `cause.err`. */
function causeOf(error: Error): Error | undefined {
  const cause = error.cause;
  return cause && typeof cause === "object" && "err" in cause && cause.err instanceof Error ? cause.err : undefined;
}

/** Auth.js's message without the link it appends ("… Read more at https://errors.authjs.dev#…"). */
const withoutLink = (message: string) => message.replace(/\.? ?Read more at https:\/\/errors\.authjs\.dev\S*$/, "");

export const authLogger = {
  error(error: Error) {
    // Auth.js's errors name their kind in `type` (CredentialsSignin, AccessDenied, …).
    const type = "type" in error && typeof error.type === "string" ? error.type : error.name;
    if (refusals.has(type)) {
      const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
      logEvent("warn", "sign-in refused", { type, code });
      return;
    }
    const cause = causeOf(error);
    logEvent("error", "auth error", {
      type,
      error: withoutLink(error.message) || undefined,
      cause: cause?.message,
      stack: (cause ?? error).stack,
    });
  },
  warn(code: string) {
    logEvent("warn", "auth warning", { code, help: `https://warnings.authjs.dev#${code}` });
  },
};
