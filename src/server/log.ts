import "server-only";

/** One JSON line on stderr: what the server logs besides its request log (server.mjs). */
export function logEvent(level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}): void {
  console.error(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
}
