import { z } from "zod";

/**
 * zod, as every schema of ours imports it (one place to configure it). In the browser it probes
 * `new Function` once to speed up its parsers; on staff pages the Content-Security-Policy (no
 * 'unsafe-eval') refuses that and reports a violation, which zod catches (it then parses without
 * compiled code). Its `jitless` setting would avoid the probe, but the stored-XSS battery saw
 * preview pages lose part of their body after hydration with it on (2 of 3 runs), so it stays off.
 */
export { z };
