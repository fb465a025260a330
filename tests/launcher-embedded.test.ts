import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { launch, removeTempDataDirs, start, tempDataDir } from "./launcher-run.ts";

/**
 * The launcher on its embedded database, and its settings: nothing here reads TEST_DATABASE_URL,
 * so the PostgreSQL pass leaves this file out (TEST_SCOPE=database, tests/test-scope.ts).
 */

afterAll(removeTempDataDirs);

// A child that writes a row, says so, and waits to be stopped.
const writer = `
const pg = require("pg");
const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
c.connect()
  .then(() => c.query('CREATE TABLE IF NOT EXISTS durability_probe (n int)'))
  .then(() => c.query('INSERT INTO durability_probe SELECT generate_series(1, 500)'))
  .then(() => console.log("WRITTEN"));
setInterval(() => {}, 1000);`;
const reader = `
const pg = require("pg");
const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
c.connect().then(() => c.query('SELECT count(*)::int AS n FROM durability_probe'))
  .then((r) => { console.log("ROWS=" + r.rows[0].n); return c.end(); });`;


describe("embedded database", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`keeps every write across a ${signal} stop and the next start`, async () => {
      const dataDir = tempDataDir();
      const first = await launch(["exec", "--", process.execPath, "-e", writer], { DATA_DIR: dataDir }, { untilOutput: /WRITTEN/, signal });
      expect(first.output).toContain("embedded PostgreSQL (PGlite)");
      expect(first.output).toContain("WRITTEN");
      expect(first.output).toContain(`${signal}: stopping`);
      expect(first.code).toBe(signal === "SIGINT" ? 130 : 143);
      expect(existsSync(path.join(dataDir, "pglite.pid"))).toBe(false);

      const second = await launch(["exec", "--", process.execPath, "-e", reader], { DATA_DIR: dataDir });
      expect(second.output).toContain("ROWS=500");
      expect(second.output).toContain("database schema is up to date");
      expect(second.output).not.toContain("loading demo content");
      expect(second.code).toBe(0);
    }, 180_000);
  }

  it("refuses a second launcher on the same data folder", async () => {
    const dataDir = tempDataDir();
    const first = start(["exec", "--", process.execPath, "-e", writer], { DATA_DIR: dataDir });
    // Wait for the first to be up, then try a second.
    await new Promise<void>((resolve) => {
      const check = () => (existsSync(path.join(dataDir, "pglite.pid")) ? resolve() : setTimeout(check, 100));
      check();
    });
    const second = await launch(["migrate"], { DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    expect(second.output).toMatch(/is in use by process \d+/);
    first.child.kill("SIGTERM");
    expect((await first.done).code).toBe(143);
  }, 180_000);
});

describe("configuration", () => {
  it("stops with a message naming a malformed setting", async () => {
    const run = await launch(["migrate"], { PORT: "eighty", DATA_DIR: tempDataDir() });
    expect(run.code).toBe(1);
    expect(run.output).toContain('PORT must be a number (got "eighty")');
  });

  it("stops with a message naming a bad DATABASE_URL", async () => {
    const run = await launch(["migrate"], { DATABASE_URL: "mysql://localhost/news" });
    expect(run.code).toBe(1);
    expect(run.output).toContain("DATABASE_URL must be a postgresql:// URL");
  });
});

