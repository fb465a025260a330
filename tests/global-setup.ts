import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "../scripts/lib/prepare.ts";
import { createTestDatabase } from "./test-database.ts";

/** One migrated, seeded database for the whole Vitest run, dropped afterwards. */
export default async function setup() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "news-test-data-"));
  process.env.DATA_DIR = dataDir;
  const db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  process.env.TEST_DATABASE_KIND = db.kind;
  await prepareDatabase(db.url, { seedIfEmpty: true });
  return async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
