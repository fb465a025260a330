import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { distDir } from "../runtime/dist-dir.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const inputs = [
  "src",
  // The server's runtime files: several are also imported by src (and bundled into the build).
  "scripts/runtime",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "generated" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when there is no production build, or a source is newer than it. */
export function buildIsStale(): boolean {
  const buildId = path.join(distDir(root), "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return inputs.some((input) => newestMtime(path.join(root, input)) > built);
}
