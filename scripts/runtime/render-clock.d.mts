// Types for render-clock.mjs.
import type { ServerResponse } from "node:http";
type Clock = { startedAt: number; res?: Pick<ServerResponse, "getHeader">; renderDone?: () => void };
export function startRenderClock<T>(res: Pick<ServerResponse, "getHeader"> | undefined, fn: () => T, options?: { now?: number; renderDone?: () => void }): T;
export function renderClock(): Clock | undefined;
export function answeredStale(res: Pick<ServerResponse, "getHeader"> | undefined): boolean;
