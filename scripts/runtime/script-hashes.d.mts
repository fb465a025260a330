// Types for script-hashes.mjs (plain JavaScript, run by the production server without a build).
import type { IncomingMessage, ServerResponse } from "node:http";
export const REINSERT_ICON_SCRIPT: string;
export function isFrameworkScript(text: string, reactRuntime: string): boolean;
export function inlineScriptHashes(html: string, reactRuntime?: string): { hashes: string[]; refused: number };
export function holdForScriptHashes(
  req: IncomingMessage,
  res: ServerResponse,
  policyFor: (hashes: string[]) => string,
  complete?: (html: string, status: number) => Promise<string | null> | null,
): void;
