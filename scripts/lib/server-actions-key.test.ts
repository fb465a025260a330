import { describe, expect, it } from "vitest";
import { serverActionsKey } from "./server-actions-key.ts";

describe("serverActionsKey", () => {
  it("is the same AES-256 key for every instance with one AUTH_SECRET, another for another secret", async () => {
    const key = serverActionsKey("a-secret-of-at-least-thirty-two-characters");
    expect(serverActionsKey("a-secret-of-at-least-thirty-two-characters")).toBe(key);
    expect(serverActionsKey("another-secret-of-at-least-thirty-two-chars")).not.toBe(key);
    expect(Buffer.from(key, "base64")).toHaveLength(32);
    // Next.js imports it as a raw AES-GCM key.
    await expect(crypto.subtle.importKey("raw", Buffer.from(key, "base64"), "AES-GCM", false, ["encrypt"])).resolves.toBeTruthy();
  });
});
