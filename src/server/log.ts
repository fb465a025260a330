import "server-only";

/** One JSON line on stderr: what the server logs besides its request log (server.mjs). */
export { logEvent } from "../../scripts/runtime/log.mjs";
