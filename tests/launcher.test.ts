import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoArticles } from "../scripts/seed/content.ts";
import { createTestDatabase, testPostgresUrl, type TestDatabase } from "./test-database.ts";

/** The launcher as users run it (`npm start` runs `launcher.ts start`), in a child process. */
const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function start(args: string[], env: Record<string, string>, opts: { untilOutput?: RegExp; signal?: NodeJS.Signals } = {}) {
  const childEnv = { ...process.env, ...env };
  for (const key of ["DATABASE_URL", "EMBEDDED_DATABASE"]) if (!(key in env)) delete childEnv[key];
  const child = spawn(tsx, ["--conditions=react-server", "scripts/launcher.ts", ...args], { cwd: root, env: childEnv });
  let output = "";
  const done = new Promise<Run>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (opts.untilOutput && opts.signal && opts.untilOutput.test(output)) {
        opts.untilOutput = undefined;
        child.kill(opts.signal);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code, signal) => resolve({ code, signal, output }));
  });
  return { child, done };
}

const launch = (...args: Parameters<typeof start>) => start(...args).done;

const dirs: string[] = [];
function tempDataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "news-launcher-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

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
