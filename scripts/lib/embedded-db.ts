import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * The embedded PostgreSQL: PGlite served over the PostgreSQL wire protocol on a free local port,
 * so that the app always talks to PostgreSQL through @prisma/adapter-pg (one code path).
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite is one process's database: a second launcher on the same folder would corrupt it.
 * A pid file refuses that with a clear message; a stale one (dead pid) is taken over.
 */
function takeLock(lockFile: string): void {
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${path.dirname(lockFile)} is in use by process ${pid}. ` +
          `Stop it first, or set DATA_DIR to another folder, or DATABASE_URL to a PostgreSQL server.`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
}

// Wire-protocol message types (first byte) of the extended query protocol.
const SYNC = 0x53; // 'S'
const extendedQueryMessages = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse, Bind, Describe, Execute, Close, Flush

/**
 * pglite-socket queues every wire-protocol message on its own and, outside a transaction, lets
 * messages of different connections interleave. An extended query (Parse, Bind, Execute… up to
 * Sync) must run as one unit: another connection's Bind in between replaces the unnamed portal
 * ('portal "" does not exist', seen under concurrent load). The queue already keeps a connection's
 * messages together while a transaction is open, so the database reports "in a transaction" from
 * the first message of an extended query until its Sync.
 */
export function keepExtendedQueriesTogether(db: PGlite): PGlite {
  let inExtendedQuery = false;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "isInTransaction") return () => inExtendedQuery || target.isInTransaction();
      if (prop === "execProtocolRawStream") {
        return async (message: Uint8Array, options: Parameters<PGlite["execProtocolRawStream"]>[1]) => {
          const type = message[0]!;
          if (extendedQueryMessages.has(type)) inExtendedQuery = true;
          try {
            return await target.execProtocolRawStream(message, options);
          } finally {
            if (type === SYNC) inExtendedQuery = false;
          }
        };
      }
      // The queue rolls back what a vanished connection left open (and so ends its query).
      if (prop === "exec") {
        return (query: string, options?: Parameters<PGlite["exec"]>[1]) => {
          if (/^\s*ROLLBACK\s*$/i.test(query)) inExtendedQuery = false;
          return target.exec(query, options);
        };
      }
      // PGlite keeps private fields: call its methods on the real object, not on the proxy.
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Extensions the migrations create: unaccent, for search that ignores accents. */
const extensions = { unaccent };

/** dataDir: a folder, or "memory://" for a throwaway in-memory database (tests). */
export async function startEmbeddedDatabase(
  dataDir: string,
  maxConnections: number,
): Promise<EmbeddedDatabase> {
  let lockFile: string | undefined;
  let db: PGlite;
  if (dataDir === "memory://") {
    db = await PGlite.create({ extensions });
  } else {
    mkdirSync(dataDir, { recursive: true });
    lockFile = path.join(dataDir, "pglite.pid");
    takeLock(lockFile);
    db = await PGlite.create(path.join(dataDir, "pglite"), { extensions });
  }
  const server = new PGLiteSocketServer({ db: keepExtendedQueriesTogether(db), host: "127.0.0.1", port: 0, maxConnections });
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await server.stop();
      // close() checkpoints and flushes PGlite's files: no write acknowledged to a client is lost.
      await db.close();
      if (lockFile) rmSync(lockFile, { force: true });
    })());
  return { url, stop };
}
