// Types for render-clock.mjs.
export function startRenderClock<T>(fn: () => T, options?: { now?: number; renderDone?: () => void }): T;
export function renderClock(): { startedAt: number; renderDone?: () => void } | undefined;
