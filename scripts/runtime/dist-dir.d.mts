// Types for dist-dir.mjs (plain JavaScript, run by the production server without a build).
export function distDirName(): string;
export function distDir(root: string): string;
