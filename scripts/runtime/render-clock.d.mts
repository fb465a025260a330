// Types for render-clock.mjs.
export function startRenderClock<T>(fn: () => T, options?: { now?: number; renderDone?: () => void; pageTags?: (tags: string[]) => void }): T;
export function renderClock(): { startedAt: number; renderDone?: () => void; pageTags?: (tags: string[]) => void } | undefined;
