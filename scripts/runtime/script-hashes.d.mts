// Types for script-hashes.mjs (plain JavaScript, run by the production server without a build).
import type { IncomingMessage, ServerResponse } from "node:http";
export const REINSERT_ICON_SCRIPT: string;
export function isFrameworkScript(text: string, reactRuntime: string): boolean;
export function inlineScriptHashes(html: string, reactRuntime?: string): { hashes: string[]; refused: number };
/** A held page's rewrite: another page (null: the page as it is), another status, headers to add. */
export interface Completion {
  html: string | null;
  status?: number;
  headers?: Record<string, string>;
}
export function holdForScriptHashes(
  req: IncomingMessage,
  res: ServerResponse,
  policyFor: (hashes: string[]) => string,
  complete?: (html: string, status: number) => Promise<Completion | null> | null,
): void;
export function rewrittenPagesKept(): number;
