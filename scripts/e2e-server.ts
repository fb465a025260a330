/**
 * The server Playwright tests run against: the real built app under `npm start`'s launcher, on
 * its own database (a throwaway PGlite folder, or a new database on TEST_DATABASE_URL's
 * PostgreSQL, dropped on exit) and its own DATA_DIR.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, testPostgresUrl, type TestDatabase } from "../tests/test-database.ts";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "news-e2e-"));
let database: TestDatabase | undefined;
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: process.env.PORT ?? "3100" };
delete env.DATABASE_URL;
// One JSON line per request would bury the test output; the log format has its own unit tests.
env.LOG_REQUESTS ??= "0";
if (testPostgresUrl()) {
  // Named after the port: a test that needs the site's database finds it (e2e/newsroom/prefetch-race.e2e.ts).
  database = await createTestDatabase(`news_e2e_${env.PORT}`);
  env.DATABASE_URL = database.url;
  env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
}

const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/launcher.ts", "start"], {
  cwd: root,
  env,
  stdio: "inherit",
});

async function cleanup(code: number) {
  await database?.drop().catch((e: unknown) => console.error("could not drop the e2e database:", e));
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on("exit", (code) => void cleanup(code ?? 0));
