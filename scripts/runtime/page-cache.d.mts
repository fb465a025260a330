// Types for page-cache.mjs (plain JavaScript so that the production server runs without a build).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Computations } from "./computations.mjs";

export type PageCacheStats = { hits: number; misses: number; bypasses: number; stores: number; purges: number; evictions: number; settles: number; kept: number; held: number; holdsTimedOut: number; backgroundRenders: number; backgroundTimedOut: number; heldForComputations: number; entries: number; bytes: number; atNext: number; inBackground: number };

export type PageCache = {
  handle(req: IncomingMessage, res: ServerResponse, handler: (req: IncomingMessage, res: ServerResponse) => unknown): Promise<unknown>;
  /** reapply: apply Next.js's expiry again once the requests from before are done. */
  purge(reapply?: () => void, tags?: string[]): void;
  /** The answer kept for url (body uncompressed), without a request; undefined when none is kept. */
  peek(url: string): { status: number; body: Buffer } | undefined;
  stats(): PageCacheStats;
};

export function createPageCache(options?: { maxBytes?: number; maxAgeSeconds?: number; fillWaitMs?: number; maxHoldMs?: number; backgroundRenderMs?: number; now?: () => number; sharedWhenPrivate?: (url: string) => boolean; keptErrorStatus?: (url: string) => number | undefined; computations?: Computations }): PageCache;
export function isCacheableRequest(req: Pick<IncomingMessage, "method" | "url" | "headers">): boolean;
export function shareable(
  status: number,
  headers: Record<string, unknown>,
  maxAgeSeconds: number,
  statuses?: ReadonlySet<number>,
): { status: number; headers: Record<string, unknown>; ttlSeconds: number } | null;
export function pickEncoding(acceptEncoding: string | undefined): "br" | "gzip" | "identity";
export function installPageCache(cache: PageCache | null): void;
export function purgeInstalledPageCache(reapply?: () => void, tags?: string[]): void;
export const pathOf: (url: string | undefined) => string;
