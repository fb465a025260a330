// Types for error-document.mjs (plain JavaScript, run by the production server without a build).
export function errorDocumentFor(status: number): { path: string; status: number; built: string } | null;
export function errorPageStatus(path: string): number | undefined;
export function isRecoveryShell(html: string): boolean;
export function completeRecoveryShell(shell: string, page: string): string | null;
export function builtErrorPage(source: { built: string }, distDir: string): Promise<string | null>;
