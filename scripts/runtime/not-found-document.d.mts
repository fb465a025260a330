// Types for not-found-document.mjs (plain JavaScript, run by the production server without a build).
export const NOT_FOUND_DOCUMENT_PATH: string;
export function isRecoveryShell(html: string): boolean;
export function completeRecoveryShell(shell: string, page: string): string | null;
