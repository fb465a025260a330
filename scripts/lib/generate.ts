import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const schemaFile = path.join(root, "prisma/schema.prisma");
const outputDir = path.join(root, "src/generated/prisma");
const stampFile = path.join(outputDir, ".schema-sha256");

/**
 * Runs `prisma generate` when the client is missing or older than the schema. Generation never
 * runs Prisma's schema engine, but the CLI looks for it: any existing file satisfies the check
 * (the engine itself cannot be downloaded here).
 */
export function ensurePrismaClient(): void {
  const hash = createHash("sha256").update(readFileSync(schemaFile)).digest("hex");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) return;
  const result = spawnSync(path.join(root, "node_modules/.bin/prisma"), ["generate"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  if (result.status !== 0) throw new Error("prisma generate failed (see above)");
  writeFileSync(stampFile, hash);
}
