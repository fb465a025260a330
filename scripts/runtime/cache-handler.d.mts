// Types for cache-handler.mjs (plain JavaScript, loaded by Next.js at run time).
import type { CacheHandler } from "next/cache";
import type { Computations } from "./computations.mjs";
export type TagState = { stale?: number; expired?: number };
export function createSharedCacheHandler(options?: { redisUrl?: string; tagsManifest?: Map<string, TagState>; maxLocalBytes?: number; keyPrefix?: string; onExpired?: (applyAgain: () => void, tags: string[]) => void; computations?: Computations }): CacheHandler & { close(): Promise<void> | undefined };
declare const handler: ReturnType<typeof createSharedCacheHandler>;
export default handler;
