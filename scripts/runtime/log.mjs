// One JSON line on stderr: what the server logs besides its request log (server.mjs). Shared by
// the server's own parts and, through src/server/log.ts, the code inside Next.js.

/** @param {"info" | "warn" | "error"} level */
export function logEvent(level, msg, fields = {}) {
  console.error(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
}
