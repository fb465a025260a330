import "server-only";

/**
 * The page cache in front of Next.js (scripts/runtime/server.mjs) when the site runs under
 * `npm start`; absent under `next dev` or another server. Only publishing.ts purges it from here;
 * the cache handler purges it again when Next.js applies the expiry.
 */
export { purgeInstalledPageCache as purgePageCache } from "../../scripts/runtime/page-cache.mjs";
