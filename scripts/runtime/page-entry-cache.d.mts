// Types for page-entry-cache.mjs (plain JavaScript, loaded by Next.js at run time).
import type { TagState } from "./cache-handler.mjs";
export default class PageEntryCache {
  static discarded: number;
  constructor(ctx: { fs: unknown; serverDistDir: string; flushToDisk?: boolean; maxMemoryCacheSize?: number; revalidatedTags?: string[]; dev?: boolean });
  get(key: string, ctx: { kind: string; isFallback?: boolean }): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, data: unknown, ctx: { kind?: string; cacheControl?: { revalidate: number; expire?: number } }): Promise<void>;
}
export function straddledChange(data: { headers?: Record<string, unknown> } | null | undefined, startedAt: number | undefined, tagsManifest?: Map<string, TagState>, now?: number): boolean;
