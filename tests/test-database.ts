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
  await withClient(server, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  return {
    url: databaseUrlOn(server, name),
    kind: "postgresql",
    drop: async () => void (await withClient(server, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One connection for `fn`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
