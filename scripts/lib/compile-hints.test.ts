import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT } from "./compile-hints.ts";

let nextDir: string;
const chunk = (name: string) => path.join(nextDir, "static/chunks", name);
const read = (name: string) => readFileSync(chunk(name), "utf8");

beforeEach(() => {
  nextDir = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
  mkdirSync(path.join(nextDir, "static/chunks"), { recursive: true });
  for (const name of ["react-dom.js", "runtime.js", "article-route.js"]) writeFileSync(chunk(name), `(globalThis.TURBOPACK||[]).push(["${name}"]);`);
  writeFileSync(
    path.join(nextDir, "build-manifest.json"),
    JSON.stringify({ polyfillFiles: ["static/chunks/polyfills.js"], rootMainFiles: ["static/chunks/react-dom.js", "static/chunks/runtime.js"] }),
  );
});
afterEach(() => rmSync(nextDir, { recursive: true, force: true }));

describe("addCompileHints", () => {
  it("puts the hint on its own first line of every chunk each page starts with, and on no other", () => {
    expect(addCompileHints(nextDir)).toEqual(["static/chunks/react-dom.js", "static/chunks/runtime.js"]);
    expect(read("react-dom.js")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push(["react-dom.js"]);`);
    expect(read("runtime.js")).toBe(`//# allFunctionsCalledOnLoad\n(globalThis.TURBOPACK||[]).push(["runtime.js"]);`);
    // A route's own chunk is compiled lazily, as before: most pages never run most of it.
    expect(read("article-route.js")).toBe(`(globalThis.TURBOPACK||[]).push(["article-route.js"]);`);
  });

  it("is idempotent: a second run changes nothing and adds no second hint", () => {
    addCompileHints(nextDir);
    expect(addCompileHints(nextDir)).toEqual([]);
    expect(read("react-dom.js").split(COMPILE_HINT)).toHaveLength(2);
  });

  it("fails loudly when the build has no manifest or the manifest lists no start-up chunks", () => {
    rmSync(path.join(nextDir, "build-manifest.json"));
    expect(() => addCompileHints(nextDir)).toThrow(/cannot read .*build-manifest\.json/);
    writeFileSync(path.join(nextDir, "build-manifest.json"), JSON.stringify({ rootMainFiles: [] }));
    expect(() => addCompileHints(nextDir)).toThrow(/lists no rootMainFiles/);
    writeFileSync(path.join(nextDir, "build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/app.css"] }));
    expect(() => addCompileHints(nextDir)).toThrow(/lists no rootMainFiles/);
    expect(read("react-dom.js").startsWith(COMPILE_HINT)).toBe(false);
  });

  it("fails when a listed chunk is missing", () => {
    rmSync(chunk("runtime.js"));
    expect(() => addCompileHints(nextDir)).toThrow(/ENOENT/);
  });
});
