// Types for log.mjs (plain JavaScript, run by the production server without a build).
export function logEvent(level: "info" | "warn" | "error", msg: string, fields?: Record<string, unknown>): void;
export function consoleLine(level: "warn" | "error", args: unknown[], time?: Date): string | null;
export function consoleAsJsonLines(): void;
