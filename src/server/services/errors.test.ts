import "server-only";
import { describe, expect, it } from "vitest";
import { ServiceError, assertStorableText } from "./errors";

describe("assertStorableText", () => {
  it("refuses a NUL character anywhere in the input, naming the field, as a 422", () => {
    const input = { headline: "ok", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "bad\u0000text" }] }] }, tags: ["a", "b\u0000"] };
    let error: unknown;
    try {
      assertStorableText(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).status).toBe(422);
    expect(Object.keys((error as ServiceError).fields!)).toEqual(["body.content.0.content.0.text", "tags.1"]);
  });

  it("lets every other character through", () => {
    expect(() => assertStorableText({ headline: "Tab\tnew\nline \u0001 é 😀 <b>", n: 3, ok: true, none: null })).not.toThrow();
  });
});
