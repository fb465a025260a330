import { describe, expect, it } from "vitest";
import { diffWords } from "./text-diff";

const join = (parts: { kind: string; text: string }[], keep: string[]) => parts.filter((p) => keep.includes(p.kind)).map((p) => p.text).join("");

describe("diffWords", () => {
  it("rebuilds both texts from the parts", () => {
    const before = "The council voted on Tuesday to close the library.";
    const after = "The council voted on Wednesday to keep the library open.";
    const parts = diffWords(before, after);
    expect(join(parts, ["same", "removed"])).toBe(before);
    expect(join(parts, ["same", "added"])).toBe(after);
  });

  it("marks only what changed", () => {
    const parts = diffWords("a b c", "a x c");
    expect(parts).toEqual([
      { kind: "same", text: "a " },
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
      { kind: "same", text: " c" },
    ]);
  });

  it("handles empty texts", () => {
    expect(diffWords("", "new text")).toEqual([{ kind: "added", text: "new text" }]);
    expect(diffWords("old", "")).toEqual([{ kind: "removed", text: "old" }]);
    expect(diffWords("same", "same")).toEqual([{ kind: "same", text: "same" }]);
  });
});
