import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  checksumOf,
  type LocalMigration,
  MIGRATION_LOCK_KEY,
  MIGRATIONS_DIR,
  MigrationError,
  migrate,
  readLocalMigrations,
  withMigrationLock,
} from "../scripts/lib/migrate.ts";
import { createTestDatabase, type TestDatabase, testPostgresUrl, withClient } from "./test-database.ts";

/**
 * scripts/lib/migrate.ts stands in for `prisma migrate deploy` (whose engine cannot be downloaded
 * here), so it must keep `_prisma_migrations` exactly as Prisma does and refuse the same things.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const local = readLocalMigrations();
const localNames = local.map((m) => m.name);

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

function newMigration(name: string, sql: string): LocalMigration {
  return { name, sql, checksum: checksumOf(sql) };
}

async function migrationRows(client: pg.ClientBase): Promise<MigrationRow[]> {
  const { rows } = await client.query<MigrationRow>(
    `SELECT * FROM "_prisma_migrations" ORDER BY migration_name, started_at, id`,
  );
  return rows;
}

/** Everything a migration can change: relations with their columns, and types. */
async function schemaFingerprint(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ item: string }>(
    `SELECT c.relkind::text || ' ' || c.relname || coalesce(' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod), '') AS item
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = current_schema()
     UNION ALL
     SELECT 'type ' || t.typname
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() AND t.typtype = 'e'
     ORDER BY 1`,
  );
  return rows.map((r) => r.item);
}

async function tableExists(client: pg.ClientBase, table: string): Promise<boolean> {
  const { rows } = await client.query<{ oid: string | null }>(`SELECT to_regclass($1)::text AS oid`, [
    `"${table}"`,
  ]);
  return rows[0]?.oid !== null;
}

/** Runs applyMigrations the way migrate() does (under the lock) with the given folder contents. */
function applyWith(url: string, migrations: LocalMigration[]) {
  return withMigrationLock(url, (client) => applyMigrations(client, migrations));
}

/** Expects `promise` to be refused with a MigrationError whose message contains every fragment. */
async function expectRefusal(promise: Promise<unknown>, ...fragments: string[]): Promise<MigrationError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a MigrationError, but the migration succeeded");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  for (const fragment of fragments) expect((error as MigrationError).message).toContain(fragment);
  return error as MigrationError;
}

describe("migrate() / applyMigrations()", () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    expect(local.length).toBeGreaterThan(0);
    db = await createTestDatabase("migrate_test");
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it("applies every migration to a fresh database and records each as Prisma does", async () => {
    expect(await tableExists(client, "_prisma_migrations")).toBe(false);
    const result = await migrate(db.url);
    expect(result).toEqual({ applied: localNames, alreadyApplied: [] });

    const rows = await migrationRows(client);
    expect(rows.map((r) => r.migration_name)).toEqual(localNames);
    for (const row of rows) {
      // Prisma's checksum: sha256 (hex) of the bytes of migration.sql, computed here independently.
      const file = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      const sha256 = createHash("sha256").update(file).digest("hex");
      expect(row, row.migration_name).toMatchObject({
        checksum: sha256,
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(row.id, row.migration_name).toMatch(UUID);
      expect(row.finished_at, row.migration_name).toBeInstanceOf(Date);
      expect(row.started_at.getTime(), row.migration_name).toBeLessThanOrEqual(row.finished_at!.getTime());
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    // The migrations really ran.
    expect(await tableExists(client, "Article")).toBe(true);
  });

  it("creates _prisma_migrations with exactly Prisma's columns, types and defaults", async () => {
    const { rows } = await client.query(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS "default"
         FROM pg_attribute a
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = '"_prisma_migrations"'::regclass AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
    );
    expect(rows).toEqual([
      { name: "id", type: "character varying(36)", not_null: true, default: null },
      { name: "checksum", type: "character varying(64)", not_null: true, default: null },
      { name: "finished_at", type: "timestamp with time zone", not_null: false, default: null },
      { name: "migration_name", type: "character varying(255)", not_null: true, default: null },
      { name: "logs", type: "text", not_null: false, default: null },
      { name: "rolled_back_at", type: "timestamp with time zone", not_null: false, default: null },
      { name: "started_at", type: "timestamp with time zone", not_null: true, default: "now()" },
      { name: "applied_steps_count", type: "integer", not_null: true, default: "0" },
    ]);
    const pk = await client.query(
      `SELECT array_agg(a.attname::text) AS columns
         FROM pg_constraint con
         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)
        WHERE con.conrelid = '"_prisma_migrations"'::regclass AND con.contype = 'p'`,
    );
    expect(pk.rows).toEqual([{ columns: ["id"] }]);
  });

  it("applies nothing the second time", async () => {
    const before = await migrationRows(client);
    const fingerprint = await schemaFingerprint(client);
    expect(await migrate(db.url)).toEqual({ applied: [], alreadyApplied: localNames });
    expect(await migrationRows(client)).toEqual(before);
    expect(await schemaFingerprint(client)).toEqual(fingerprint);
  });

  it("refuses a migration whose file changed after it was applied, naming it and changing nothing", async () => {
    const before = await migrationRows(client);
    const fingerprint = await schemaFingerprint(client);
    const [first, ...rest] = local;
    const changedSql = `${first!.sql}\n-- an edit after the fact\n`;
    const migrations = [
      { ...first!, sql: changedSql, checksum: checksumOf(changedSql) },
      ...rest,
      newMigration("29990101000000_pending", `CREATE TABLE "PendingTable" ("id" integer)`),
    ];
    await expectRefusal(applyWith(db.url, migrations), first!.name, "changed");
    expect(await migrationRows(client)).toEqual(before);
    expect(await schemaFingerprint(client)).toEqual(fingerprint);
    expect(await tableExists(client, "PendingTable")).toBe(false);
  });

  it("refuses when an applied migration is missing from prisma/migrations", async () => {
    const before = await migrationRows(client);
    const fingerprint = await schemaFingerprint(client);
    const [first, ...rest] = local;
    const migrations = [
      ...rest,
      newMigration("29990101000000_pending", `CREATE TABLE "PendingTable" ("id" integer)`),
    ];
    await expectRefusal(applyWith(db.url, migrations), first!.name, "missing");
    await expectRefusal(applyWith(db.url, []), first!.name, "missing");
    expect(await migrationRows(client)).toEqual(before);
    expect(await schemaFingerprint(client)).toEqual(fingerprint);
    expect(await tableExists(client, "PendingTable")).toBe(false);
  });

  it("rolls a failing migration back completely and names it", async () => {
    const before = await migrationRows(client);
    const fingerprint = await schemaFingerprint(client);
    const broken = newMigration(
      "29990101000000_broken",
      `CREATE TYPE "HalfDone" AS ENUM ('A');
       CREATE TABLE "ShouldVanish" ("id" integer PRIMARY KEY);
       ALTER TABLE "User" ADD COLUMN "shouldVanish" text;
       INSERT INTO "ShouldVanish" VALUES (1);
       SELECT * FROM "no_such_table";
       CREATE TABLE "NeverReached" ("id" integer);`,
    );
    const error = await expectRefusal(applyWith(db.url, [...local, broken]), broken.name, "rolled back");
    expect(error.message).toContain("no_such_table"); // the database's own error is passed on

    expect(await tableExists(client, "ShouldVanish")).toBe(false);
    expect(await tableExists(client, "NeverReached")).toBe(false);
    const column = await client.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'shouldVanish'`,
    );
    expect(column.rows).toEqual([]);
    expect(await schemaFingerprint(client)).toEqual(fingerprint);
    expect(await migrationRows(client)).toEqual(before); // no row at all for the failed migration

    // The failure left nothing to resolve: the unchanged folder migrates cleanly.
    expect(await migrate(db.url)).toEqual({ applied: [], alreadyApplied: localNames });
  });

  it("refuses to run while a failed migration is unresolved, naming it", async () => {
    const before = await migrationRows(client);
    const failedName = "29980101000000_failed_earlier";
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, logs, applied_steps_count)
       VALUES (gen_random_uuid()::text, $1, $2, now(), NULL, 'boom', 0)`,
      [checksumOf("SELECT 1"), failedName],
    );
    try {
      const pending = newMigration("29990101000000_pending", `CREATE TABLE "PendingTable" ("id" integer)`);
      await expectRefusal(applyWith(db.url, [...local, pending]), failedName, "not resolved");
      // Also when the failed migration's folder is present locally.
      await expectRefusal(applyWith(db.url, [...local, newMigration(failedName, "SELECT 1")]), failedName);
      await expectRefusal(migrate(db.url), failedName);
      expect(await tableExists(client, "PendingTable")).toBe(false);
    } finally {
      await client.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [failedName]);
    }
    expect(await migrationRows(client)).toEqual(before);
  });

  describe("on scratch databases", () => {
    const scratches: TestDatabase[] = [];

    async function freshMigrated(): Promise<TestDatabase> {
      const scratch = await createTestDatabase("migrate_scratch");
      scratches.push(scratch);
      await migrate(scratch.url);
      return scratch;
    }

    afterAll(async () => {
      for (const scratch of scratches) await scratch.drop();
    });

    it("commits each migration on its own: a good one before a failing one stays applied", async () => {
      const scratch = await freshMigrated();
      const good = newMigration("29990101000000_good", `CREATE TABLE "GoodTable" ("id" integer)`);
      const bad = newMigration("29990102000000_bad", `CREATE TABLE "BadTable" ("id" integer); SELECT 1/0;`);
      const after = newMigration("29990103000000_after", `CREATE TABLE "AfterTable" ("id" integer)`);
      await expectRefusal(applyWith(scratch.url, [...local, good, bad, after]), bad.name, "division by zero");
      await withClient(scratch.url, async (c) => {
        expect((await migrationRows(c)).map((r) => r.migration_name)).toEqual([...localNames, good.name]);
        expect(await tableExists(c, "GoodTable")).toBe(true);
        expect(await tableExists(c, "BadTable")).toBe(false);
        expect(await tableExists(c, "AfterTable")).toBe(false);
      });
      // Once the bad migration is fixed, the next run applies it and the one after it, in order.
      const fixed = newMigration(bad.name, `CREATE TABLE "BadTable" ("id" integer)`);
      expect(await applyWith(scratch.url, [...local, good, fixed, after])).toEqual({
        applied: [fixed.name, after.name],
        alreadyApplied: [...localNames, good.name],
      });
    });

    it("re-applies a failed migration once it is resolved as rolled back (`prisma migrate resolve --rolled-back`)", async () => {
      const scratch = await freshMigrated();
      const retried = newMigration("29990201000000_retried", `CREATE TABLE "RetriedTable" ("id" integer)`);
      await withClient(scratch.url, (c) =>
        c.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, rolled_back_at, applied_steps_count)
           VALUES (gen_random_uuid()::text, $1, $2, now(), NULL, now(), 0)`,
          [retried.checksum, retried.name],
        ),
      );
      expect(await applyWith(scratch.url, [...local, retried])).toEqual({
        applied: [retried.name],
        alreadyApplied: localNames,
      });
      await withClient(scratch.url, async (c) => {
        const rows = (await migrationRows(c)).filter((r) => r.migration_name === retried.name);
        expect(rows).toHaveLength(2);
        expect(rows.filter((r) => r.rolled_back_at !== null && r.finished_at === null)).toHaveLength(1);
        expect(
          rows.filter(
            (r) => r.rolled_back_at === null && r.finished_at !== null && r.applied_steps_count === 1,
          ),
        ).toHaveLength(1);
        expect(await tableExists(c, "RetriedTable")).toBe(true);
      });
    });
  });
});

// PGlite is a single session, so there advisory locks from two connections do not exclude each
// other: these run against real PostgreSQL only (TEST_DATABASE_URL, CI's PostgreSQL pass).
describe.runIf(testPostgresUrl())("migrate() under concurrency (PostgreSQL)", () => {
  const databases: TestDatabase[] = [];

  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  async function freshDatabase(): Promise<TestDatabase> {
    const db = await createTestDatabase("migrate_lock");
    databases.push(db);
    return db;
  }

  it("concurrent migrate() calls on a fresh database apply each migration exactly once", async () => {
    const db = await freshDatabase();
    const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
    // Exactly one caller applied everything; the others found it done.
    expect(results.flatMap((r) => r.applied)).toEqual(localNames);
    expect(results.filter((r) => r.applied.length === localNames.length)).toHaveLength(1);
    for (const r of results.filter((r) => r.applied.length === 0))
      expect(r.alreadyApplied).toEqual(localNames);
    await withClient(db.url, async (c) => {
      const { rows } = await c.query<{ migration_name: string; n: number }>(
        `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
      );
      expect(rows).toEqual(localNames.map((name) => ({ migration_name: name, n: 1 })));
    });
  });

  it("migrate() waits while another connection holds the migration lock", async () => {
    const db = await freshDatabase();
    await withClient(db.url, async (holder) => {
      await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      let settled = false;
      const running = migrate(db.url).finally(() => {
        settled = true;
      });
      running.catch(() => {}); // awaited below; avoid an unhandled rejection meanwhile

      // Wait until migrate()'s connection is visibly queued behind our lock.
      const waiting = async () =>
        (
          await holder.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks
              WHERE locktype = 'advisory' AND NOT granted AND objid = $1
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
            [MIGRATION_LOCK_KEY],
          )
        ).rows[0]?.n ?? 0;
      const deadline = Date.now() + 15_000;
      while ((await waiting()) === 0) {
        if (Date.now() > deadline) throw new Error("migrate() never queued for the migration lock");
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 500));
      expect(settled).toBe(false);
      expect(await tableExists(holder, "_prisma_migrations")).toBe(false); // nothing done before the lock

      await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      expect(await running).toEqual({ applied: localNames, alreadyApplied: [] });
      expect((await migrationRows(holder)).map((r) => r.migration_name)).toEqual(localNames);
    });
  });
});
