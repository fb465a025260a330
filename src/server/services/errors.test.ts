import "server-only";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ServiceError, assertStorableText, fieldErrors } from "./errors";

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

describe("nesting", () => {
  const nested = (levels: number) => {
    let value: unknown = "leaf";
    for (let i = 0; i < levels; i++) value = i % 2 ? { inner: value } : [value];
    return value;
  };

  it("refuses input nested deeper than 200 levels as a 400, before anything recurses through it", () => {
    for (const levels of [201, 3_000, 50_000]) {
      let error: unknown;
      try {
        assertStorableText({ headline: "deep", x: nested(levels) });
      } catch (e) {
        error = e;
      }
      expect(error, `${levels} levels`).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).status).toBe(400);
      expect((error as ServiceError).message).toBe("The request is nested too deeply: at most 200 levels.");
    }
  });

  it("lets an ordinary depth through", () => {
    expect(() => assertStorableText({ x: nested(150) })).not.toThrow();
  });
});

describe("fieldErrors", () => {
  const messages = (schema: z.ZodType, value: unknown) => fieldErrors(schema.safeParse(value).error!.issues);

  it("puts zod's own wording in plain words, and leaves a schema's own message alone", () => {
    const schema = z.object({
      headline: z.string(),
      note: z.string().nonoptional(),
      count: z.number().int().min(1),
      most: z.number().max(100),
      flag: z.boolean(),
      tags: z.array(z.string()),
      named: z.string().min(3, "At least three letters."),
    });
    expect(messages(schema, { count: 0, most: 101, flag: "yes", tags: "a", named: "ab", headline: 5 })).toEqual({
      headline: "Must be text.",
      note: "Required.",
      count: "Must be 1 or more.",
      most: "Must be 100 or less.",
      flag: "Must be true or false.",
      tags: "Must be a list.",
      named: "At least three letters.",
    });
  });
});
