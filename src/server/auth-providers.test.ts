import "server-only";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { oauthProviders, providerIds } from "./auth-providers";

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
});
