import "server-only";
// Auth.js's own error classes, as next-auth re-exports them (its entry point needs Next.js's runtime).
import { AuthError, CredentialsSignin } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "./auth-log";

/** The lines authLogger writes while `fn` runs, parsed. */
function linesOf(fn: () => void): Record<string, unknown>[] {
  const spy = vi.spyOn(console, "error").mockImplementation(() => {});
  fn();
  const lines = spy.mock.calls.map((args) => {
    expect(args, "one string per line").toHaveLength(1);
    expect(String(args[0])).not.toContain("\n");
    return JSON.parse(String(args[0])) as Record<string, unknown>;
  });
  spy.mockRestore();
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe("Auth.js's log", () => {
  it("a wrong password is one warning line: its type and code, no stack", () => {
    const lines = linesOf(() => authLogger.error(new CredentialsSignin()));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "warn", msg: "sign-in refused", type: "CredentialsSignin", code: "credentials" });
    expect(lines[0]).not.toHaveProperty("stack");
  });

  it("the sign-in limit keeps its own code", () => {
    class RateLimited extends CredentialsSignin {
      code = "rate_limited";
    }
    expect(linesOf(() => authLogger.error(new RateLimited()))[0]).toMatchObject({ level: "warn", type: "CredentialsSignin", code: "rate_limited" });
  });

  it("a failure inside Auth.js is one error line naming what it wrapped and where that was thrown", () => {
    const down = new Error("connect ECONNREFUSED 127.0.0.1:5432");
    const lines = linesOf(() => authLogger.error(new AuthError("", { cause: { err: down } })));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", msg: "auth error", type: "AuthError", cause: down.message });
    expect(String(lines[0]!.stack)).toContain("auth-log.test.ts");
    expect(lines[0]).not.toHaveProperty("error"); // Auth.js's message was only its link
  });

  it("any other error keeps its message", () => {
    const lines = linesOf(() => authLogger.error(new TypeError("token.sub is not a string")));
    expect(lines[0]).toMatchObject({ level: "error", type: "TypeError", error: "token.sub is not a string" });
  });

  it("a warning names its code and where to read about it", () => {
    expect(linesOf(() => authLogger.warn("debug-enabled"))[0]).toMatchObject({ level: "warn", code: "debug-enabled", help: "https://warnings.authjs.dev#debug-enabled" });
  });
});
