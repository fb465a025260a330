// Types for theme-init.mjs (plain JavaScript, run by the production server without a build).
export const THEME_INIT_SCRIPT: string;
