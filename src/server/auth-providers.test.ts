import "server-only";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { startFakeGitHub } from "../../e2e/fake-github";
import { oauthProviders, providerIds, verifiedEmails } from "./auth-providers";

describe("OAuth providers", () => {
  it("are off by default", () => {
    expect(providerIds(oauthProviders(parseEnv({})))).toEqual([]);
  });
  it("switch on when both of a provider's variables are set", () => {
    expect(providerIds(oauthProviders(parseEnv({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret" })))).toEqual(["github"]);
    expect(providerIds(oauthProviders(parseEnv({ AUTH_GITHUB_ID: "id", AUTH_GOOGLE_ID: "g", AUTH_GOOGLE_SECRET: "s" })))).toEqual(["google"]);
    expect(providerIds(oauthProviders(parseEnv({ AUTH_GITHUB_ID: "a", AUTH_GITHUB_SECRET: "b", AUTH_GOOGLE_ID: "g", AUTH_GOOGLE_SECRET: "s" })))).toEqual(["github", "google"]);
  });
  it("sign in at a GitHub Enterprise Server when its address is set", () => {
    const urls = (e: Record<string, string>) => {
      const [github] = oauthProviders(parseEnv({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret", ...e })) as { authorization: { url: string }; token: string }[];
      return [github!.authorization.url, github!.token];
    };
    expect(urls({})).toEqual(["https://github.com/login/oauth/authorize", "https://github.com/login/oauth/access_token"]);
    expect(urls({ AUTH_GITHUB_URL: "https://git.example.com/" })).toEqual(["https://git.example.com/login/oauth/authorize", "https://git.example.com/login/oauth/access_token"]);
    expect(() => parseEnv({ AUTH_GITHUB_URL: "git.example.com" })).toThrow(/AUTH_GITHUB_URL/);
  });
  it("take from GitHub only the addresses it has verified; from Google its email when verified", async () => {
    const github = await startFakeGitHub();
    try {
      const [provider] = oauthProviders(parseEnv({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret", AUTH_GITHUB_URL: github.url })) as {
        userinfo: { url: string; request: (context: unknown) => Promise<Record<string, unknown>> };
      }[];
      const profileOf = (account: { email: string; verified: boolean }) =>
        provider!.userinfo.request({ tokens: { access_token: Buffer.from(JSON.stringify(account)).toString("base64url") }, provider: provider! });
      // The stand-in lists a verified no-reply address, then the account's primary one: primary first.
      const confirmed = await profileOf({ email: "editor@dellboys.example", verified: true });
      expect(confirmed.email).toBe("editor@dellboys.example");
      expect(verifiedEmails("github", confirmed)).toEqual(["editor@dellboys.example", expect.stringMatching(/@users\.noreply\.github\.invalid$/)]);
      // A primary address never confirmed is not vouched for (Auth.js's own request took it).
      const unconfirmed = await profileOf({ email: "editor@dellboys.example", verified: false });
      expect(verifiedEmails("github", unconfirmed)).not.toContain("editor@dellboys.example");
      expect(unconfirmed.email).toMatch(/@users\.noreply\.github\.invalid$/);
    } finally {
      await github.close();
    }
    expect(verifiedEmails("google", { email: "a@dellboys.example", email_verified: true })).toEqual(["a@dellboys.example"]);
    expect(verifiedEmails("google", { email: "a@dellboys.example", email_verified: false })).toEqual([]);
    expect(verifiedEmails("github", { email: "a@dellboys.example" })).toEqual([]);
    expect(verifiedEmails("github", undefined)).toEqual([]);
  });
});
