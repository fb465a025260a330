// Types for redis.mjs (plain JavaScript, run by the production server without a build).
import type { createClient } from "redis";
export function createFailFastClient(url: string): ReturnType<typeof createClient>;
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T>;
