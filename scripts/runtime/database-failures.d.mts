// Types for database-failures.mjs (plain JavaScript, run by the production server without a build).
export function markDatabaseFailure(id: string | undefined, now?: number): void;
export function takeDatabaseFailure(id: string | undefined): boolean;
export const RETRY_AFTER_SECONDS: number;
export function awaitDatabaseFailure(id: string | undefined, waitMs?: number): Promise<boolean>;
