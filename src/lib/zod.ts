import { z } from "zod";

/**
 * zod, as every schema of ours imports it. In the browser it compiles no code from strings: it
 * would otherwise probe `new Function` to speed up its parsers, which the dashboard's
 * Content-Security-Policy (no 'unsafe-eval') refuses and reports as a violation.
 */
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };

/** PostgreSQL stores no NUL character in text: what a field holding one is told (forms, API, filters). */
export const NUL_REFUSED = "Contains a NUL character, which cannot be stored.";
