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
});
