import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Chrome's explicit compile hint (Chrome 136+): with it at the top of a script, V8 compiles every
 * function in the file on the background thread that streams the script in, instead of on the
 * main thread at each function's first call. Other browsers read a comment.
 */
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/**
 * Puts the compile hint at the top of the client chunks every page runs at start-up: Next.js's
 * `rootMainFiles` (React DOM, the App Router, Turbopack's runtime), never a route's own chunks or
 * one loaded on demand. Their first run otherwise compiles a few hundred kilobytes of functions on
 * the main thread, the longest task a reader's phone sees on any page (ADR 008). Run after every
 * `next build`; idempotent. Returns the files it changed, relative to `nextDir`.
 */
export function addCompileHints(nextDir: string): string[] {
  const manifestPath = path.join(nextDir, "build-manifest.json");
  let files: unknown;
  try {
    files = (JSON.parse(readFileSync(manifestPath, "utf8")) as { rootMainFiles?: unknown }).rootMainFiles;
  } catch (error) {
    throw new Error(`compile hints: cannot read ${manifestPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A Next.js that no longer writes the list would leave every page without the hint, unnoticed.
  if (!Array.isArray(files) || files.length === 0 || !files.every((file) => typeof file === "string" && file.endsWith(".js"))) {
    throw new Error(`compile hints: ${manifestPath} lists no rootMainFiles (the client chunks every page loads)`);
  }
  const changed: string[] = [];
  for (const file of files as string[]) {
    const chunk = path.join(nextDir, file);
    const text = readFileSync(chunk, "utf8");
    if (text.startsWith(COMPILE_HINT)) continue;
    writeFileSync(chunk, COMPILE_HINT + text);
    changed.push(file);
  }
  return changed;
}
