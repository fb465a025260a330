import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "../scripts/lib/embedded-db.ts";

/**
 * A database of its own for a test run (or one test): a new database on TEST_DATABASE_URL's
 * PostgreSQL when set, else a throwaway in-memory PGlite served over the wire protocol.
 * drop() removes it.
 */
export interface TestDatabase {
  url: string;
  kind: "postgresql" | "pglite";
  drop(): Promise<void>;
}

export function testPostgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export async function createTestDatabase(prefix = "news_test"): Promise<TestDatabase> {
  const server = testPostgresUrl();
  if (!server) {
    const embedded = await startEmbeddedDatabase("memory://", 100);
    return { url: embedded.url, kind: "pglite", drop: () => embedded.stop() };
  }
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgresql",
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
