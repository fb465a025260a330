import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoArticles } from "../scripts/seed/content.ts";
import { launch, removeTempDataDirs, tempDataDir } from "./launcher-run.ts";
import { createTestDatabase, testPostgresUrl, type TestDatabase } from "./test-database.ts";

/** The launcher on a database given by DATABASE_URL (its embedded one: launcher-embedded.test.ts). */

afterAll(removeTempDataDirs);

describe("with DATABASE_URL", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("news_launcher");
  });
  afterAll(async () => db.drop());

  it("starts nothing embedded and uses the given database", async () => {
    const dataDir = tempDataDir();
    const run = await launch(["migrate"], { DATABASE_URL: db.url, DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(run.output).not.toContain("embedded PostgreSQL");
    expect(existsSync(path.join(dataDir, "pglite"))).toBe(false);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    await client.end();
    expect(rows[0].n).toBeGreaterThan(0);
  });
});

// Advisory locks exclude connections only on a real PostgreSQL (PGlite is a single session, and
// only one launcher may own it), so this runs in the PostgreSQL pass of CI.
describe.runIf(testPostgresUrl())("two instances starting at once on one empty PostgreSQL", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("news_race");
  });
  afterAll(async () => db.drop());

  it("migrate once and seed once", async () => {
    const env = { DATABASE_URL: db.url, DATA_DIR: tempDataDir(), AUTH_SECRET: "x".repeat(40) };
    const runs = await Promise.all([
      launch(["exec", "--", process.execPath, "-e", "0"], env),
      launch(["exec", "--", process.execPath, "-e", "0"], env),
    ]);
    for (const run of runs) expect(run.code, run.output).toBe(0);
    expect(runs.filter((r) => r.output.includes("migrations applied")).length).toBe(1);
    expect(runs.filter((r) => r.output.includes("loading demo content")).length).toBe(1);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const migrations = await client.query(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1`);
    const articles = await client.query(`SELECT count(*)::int AS n FROM "Article"`);
    const settings = await client.query(`SELECT count(*)::int AS n FROM "Settings"`);
    await client.end();
    expect(migrations.rows.every((r) => r.n === 1)).toBe(true);
    expect(articles.rows[0].n).toBe(demoArticles.length);
    expect(settings.rows[0].n).toBe(1);
  }, 180_000);
});
