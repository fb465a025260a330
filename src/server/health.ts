import "server-only";

type Pingable = { $queryRawUnsafe(query: string): Promise<unknown> };
export type DatabaseCheck = { ok: true; ms: number } | { ok: false; ms: number; error: string };

/**
 * Can the database answer right now? A `SELECT 1` that gives up after `timeoutMs`, so that a load
 * balancer's readiness probe gets a quick "no" from a hung database instead of its own timeout.
 */
export async function checkDatabase(db: Pingable, timeoutMs = 2_000): Promise<DatabaseCheck> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRawUnsafe("SELECT 1"), timeout]);
    return { ok: true, ms: Math.round(performance.now() - start) };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - start), error: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
