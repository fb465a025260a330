import "server-only";

/**
 * The page cache in front of Next.js (scripts/runtime/server.mjs) when the site runs under
 * `npm start`; absent under `next dev` or another server. Only publishing.ts purges it.
 */
const registry = Symbol.for("dellboys.page-cache");

export function purgePageCache(): void {
  (globalThis as { [registry]?: { purge(): void } | null })[registry]?.purge();
}
