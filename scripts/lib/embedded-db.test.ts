import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-db";

// Many connections running parameterised (extended protocol) queries at once through the one
// PGlite session: none may see another's portal or statement ('portal "" does not exist').
describe("embedded database under concurrent connections", () => {
  let db: EmbeddedDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await startEmbeddedDatabase("memory://", 32);
    pool = new pg.Pool({ connectionString: db.url, max: 12 });
    await pool.query("CREATE TABLE t (id int PRIMARY KEY, v text)");
    await pool.query("INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 200) g");
  });
  afterAll(async () => {
    await pool.end();
    await db.stop();
  });

  it("keeps each extended query whole", async () => {
    const results = await Promise.all(
      Array.from({ length: 600 }, (_, i) =>
        pool.query<{ id: number; v: string }>("SELECT id, v FROM t WHERE id = $1 AND v = $2", [(i % 200) + 1, `v${(i % 200) + 1}`]),
      ),
    );
    expect(results.every((r, i) => r.rows.length === 1 && r.rows[0]!.id === (i % 200) + 1)).toBe(true);
  });

  it("keeps transactions and extended queries of other connections apart", async () => {
    const work = Array.from({ length: 40 }, async (_, i) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("UPDATE t SET v = $1 WHERE id = $2", [`w${i}`, i + 1]);
        await client.query("SELECT v FROM t WHERE id = $1", [i + 1]);
        await client.query(i % 2 ? "COMMIT" : "ROLLBACK");
      } finally {
        client.release();
      }
    });
    const reads = Array.from({ length: 200 }, (_, i) => pool.query("SELECT count(*)::int AS n FROM t WHERE id > $1", [i]));
    await Promise.all([...work, ...reads]);
    const { rows } = await pool.query<{ id: number; v: string }>("SELECT id, v FROM t WHERE id <= 40 ORDER BY id");
    expect(rows.map((r) => r.v)).toEqual(rows.map((r) => (r.id % 2 === 0 ? `w${r.id - 1}` : `v${r.id}`)));
  });
});
