// Types for redis.mjs (plain JavaScript, run by the production server without a build).
import type { createClient } from "redis";
export function createFailFastClient(url: string, role: string): ReturnType<typeof createClient>;
export function clientName(role: string): string;
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T>;
