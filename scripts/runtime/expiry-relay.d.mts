// Types for expiry-relay.mjs (plain JavaScript, run by the production server without a build).
export function startExpiryRelay(options: { redisUrl: string; port: number; secret: string; pollMs?: number; backstopMs?: number }): Promise<{ close: () => Promise<unknown> }>;
