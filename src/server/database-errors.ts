// Kept apart from the Prisma client so that code that cannot load it (Next.js's instrumentation,
// compiled for the edge runtime too) can tell these errors. Without `import "server-only"`, unlike
// the rest of src/server: it holds no secret and reads nothing, only looks at an error's shape.

/**
 * The database could not be reached or no connection came free in time (pg-pool's and Prisma's
 * ways of saying so): a temporary condition, answered 503 with Retry-After, not a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { message?: unknown; code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null;
  if (!e || typeof e !== "object") return false;
  const kind = e.meta?.driverAdapterError?.cause?.kind;
  if (typeof kind === "string" && ["DatabaseNotReachable", "SocketTimeout", "ConnectionClosed", "TooManyConnections"].includes(kind)) return true;
  if (typeof e.code === "string" && ["P1001", "P1002", "P1017", "P2024", "ECONNREFUSED", "57P01", "57P03"].includes(e.code)) return true;
  if (typeof e.message === "string" && /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|Can't reach database server|the database system is (starting up|shutting down)/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== error && isDatabaseUnavailable(e.cause);
}

/**
 * The unique index a write ran into ("Article_slug_key"; "" when Prisma does not say which), or
 * null when error is no unique violation (Prisma's P2002). A check-then-write can lose to a
 * concurrent write between its two statements; the index decides, and this names what it refused.
 */
export function violatedUniqueIndex(error: unknown): string | null {
  const e = error as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; constraint?: { index?: unknown } } } } } | null;
  if (!e || typeof e !== "object" || e.code !== "P2002") return null;
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause?.kind === "UniqueConstraintViolation" && typeof cause.constraint?.index === "string") return cause.constraint.index;
  const named = typeof e.message === "string" ? /constraint: `([^`]+)`/.exec(e.message) : null;
  return named ? named[1]! : "";
}
