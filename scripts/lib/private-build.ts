/**
 * A throwaway checkout of this repository that runs its current build, for benchmarks and the
 * e2e specs that start sites of their own beside another.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { distDir, distDirName } from "../runtime/dist-dir.mjs";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * A throwaway checkout that runs the repository's current build: the build's directory (`.next`,
 * or NEXT_DIST_DIR's: dist-dir.mjs) copied without its build cache, `scripts` copied (the
 * launcher finds the project from its own location), the rest linked; other builds are left out.
 * Next.js writes every page it renders on demand into `<build>/server/app`; in a copy, one
 * run's pages (thousands of articles of a generated archive) neither fill the shared build nor
 * answer the next run's "cold" requests, and a build started meanwhile by someone else does not
 * pull the files from under a running server. The copy's BUILD_ID is newer than the sources, so
 * the launcher serves it as it is and never rebuilds.
 */
export async function privateBuild(log: (line: string) => void = () => {}): Promise<{ root: string; remove: () => void }> {
  const buildId = path.join(distDir(root), "BUILD_ID");
  for (let attempt = 1; ; attempt++) {
    const before = existsSync(buildId) ? readFileSync(buildId, "utf8") : null;
    const copy = before === null ? null : copyCheckout();
    // A build that ran during the copy (someone's `npm run build`, or Playwright's) leaves a torn
    // copy: keep it only when the same complete build was there before and after.
    if (copy && existsSync(path.join(distDir(copy), "BUILD_ID")) && existsSync(buildId) && readFileSync(buildId, "utf8") === before) {
      const now = new Date();
      utimesSync(path.join(distDir(copy), "BUILD_ID"), now, now);
      return { root: copy, remove: () => rmSync(copy, { recursive: true, force: true }) };
    }
    if (copy) rmSync(copy, { recursive: true, force: true });
    if (attempt === 60) throw new Error(`the build in ${distDirName()} kept changing while it was copied (a build running?) for 10 minutes`);
    log(`a build is being written to ${distDirName()}: waiting for it to finish`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
}

function copyCheckout(): string {
  const copy = mkdtempSync(path.join(tmpdir(), "news-build-"));
  for (const entry of readdirSync(root)) {
    if (entry.startsWith(".next") || entry === "scripts" || entry === ".git" || entry === "data") continue;
    symlinkSync(path.join(root, entry), path.join(copy, entry));
  }
  cpSync(path.join(root, "scripts"), path.join(copy, "scripts"), { recursive: true });
  try {
    cpSync(distDir(root), distDir(copy), {
      recursive: true,
      // Relative links (.next/node_modules/<package>-<hash> → ../../node_modules/…) stay relative.
      verbatimSymlinks: true,
      filter: (source) => source !== path.join(distDir(root), "cache"),
    });
  } catch {
    // Files vanished under the copy: a build is replacing it (the caller checks and waits).
  }
  return copy;
}
