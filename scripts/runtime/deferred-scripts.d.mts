// Types for deferred-scripts.mjs (plain JavaScript, run by the production server without a build).
export const DEFERRED_SCRIPTS_LOADER: string;
export function deferFrameworkScripts(html: string): string;
export function pageScriptSources(html: string): string[];
