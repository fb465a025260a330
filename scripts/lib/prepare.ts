import { applyMigrations, withMigrationLock } from "./migrate.ts";

export interface PrepareOptions {
  /** Seed when the database has no settings row yet (a new database). */
  seedIfEmpty: boolean;
  log?: (line: string) => void;
}

/**
 * Migrates, then seeds an empty database, all under Prisma's migration advisory lock: two
 * instances starting at once against one empty PostgreSQL migrate once and seed once.
 */
export async function prepareDatabase(databaseUrl: string, options: PrepareOptions): Promise<{ seeded: boolean; applied: string[] }> {
  const log = options.log ?? (() => {});
  return withMigrationLock(databaseUrl, async (client) => {
    const { applied } = await applyMigrations(client);
    log(applied.length ? `migrations applied: ${applied.join(", ")}` : "database schema is up to date");
    if (!options.seedIfEmpty) return { seeded: false, applied };
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Settings"`);
    if ((rows[0]?.n ?? 0) > 0) return { seeded: false, applied };
    log("empty database: loading demo content");
    const { seedDatabase } = await import("./seed.ts");
    await seedDatabase(databaseUrl, { log });
    return { seeded: true, applied };
  });
}
