import { describe, expect, it } from "vitest";
import { ConfigError, defaultSiteUrl, parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills defaults for an empty environment", () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.DATA_DIR).toBe("data");
    expect(e.ADMIN_EMAIL).toBe("admin@dellboys.example");
    expect(e.EMBEDDED_DATABASE).toBe(false);
    expect(defaultSiteUrl(e)).toBe("http://localhost:3000");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });

  it("names every malformed setting with its value", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "99999", DATABASE_URL: "mysql://x", SITE_URL: "not a url", AUTH_SECRET: "short", ADMIN_EMAIL: "nope" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT must be between 1 and 65535 (got "99999")');
    expect(message).toContain('DATABASE_URL must be a postgresql:// URL (got "mysql://x")');
    expect(message).toContain("SITE_URL must be an absolute http(s) URL");
    expect(message).toContain("AUTH_SECRET must be at least 32 characters");
    expect(message).toContain("ADMIN_EMAIL must be an email address");
  });

  it("normalises the site URL and accepts both postgres URL schemes", () => {
    const e = parseEnv({ SITE_URL: "https://news.example.com/", DATABASE_URL: "postgres://u@h/db", PORT: "8080" });
    expect(e.SITE_URL).toBe("https://news.example.com");
    expect(defaultSiteUrl(e)).toBe("https://news.example.com");
    expect(e.PORT).toBe(8080);
  });

  it("reads the roles that must sign in with two steps, in any case, and refuses others", () => {
    expect(parseEnv({}).TWO_STEP_REQUIRED_ROLES).toEqual([]);
    expect(parseEnv({ TWO_STEP_REQUIRED_ROLES: " admin, Editor " }).TWO_STEP_REQUIRED_ROLES).toEqual(["ADMIN", "EDITOR"]);
    expect(() => parseEnv({ TWO_STEP_REQUIRED_ROLES: "ADMIN,OWNER" })).toThrow(/TWO_STEP_REQUIRED_ROLES.*must be roles separated by commas/);
  });
});
