// Types for http-policy.mjs (plain JavaScript, run by the production server without a build).
export const REACT_REVEAL_TIMER: string;
export function scriptHashSource(text: string): string;
export function contentSecurityPolicy(options: { frameable: boolean; https: boolean; nonce?: string; scriptHashes?: string[] }): string;
export function isStaffPath(path: string): boolean;
export function newNonce(): string;
export function securityHeaders(path: string, options: { https: boolean; nonce?: string }): [string, string][];
export function requestId(given: unknown): string;
export function malformedPath(url: string | undefined): string | null;
export function allowedMethods(url: string | undefined): string[];
export function loggedPath(url: string | undefined): string;
export function isLoggedRequest(url: string | undefined, status: number): boolean;
export function requestLogLine(entry: { id: string; method?: string; url?: string; status: number; ms: number; cache?: unknown; time?: Date }): string;
export function loggedStatus(res: { statusCode: number; writableFinished: boolean }): number;
