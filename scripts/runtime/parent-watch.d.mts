// Types for parent-watch.mjs (plain JavaScript, run by the production server without a build).
export function dropBrokenOutput(): void;
export function watchParent(onGone: () => void, intervalMs?: number): () => void;
