// One JSON line on stderr: what the server logs besides its request log (server.mjs). Shared by
// the server's own parts and, through src/server/log.ts, the code inside Next.js.
import { formatWithOptions, stripVTControlCharacters } from "node:util";

/** @param {"info" | "warn" | "error"} level */
export function logEvent(level, msg, fields = {}) {
  console.error(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
}

/**
 * What console.error or console.warn was called with, as one JSON line: a line that already is
 * one (logEvent's) as it is; anything else (Next.js's own "⨯ …" messages, an error's stack) with
 * its colour codes and Next.js's mark taken off, its first line as `msg` and the rest (a stack) as
 * `detail`. Null for an empty call (Next.js prints a blank line between messages).
 * @param {"warn" | "error"} level
 * @param {unknown[]} args
 */
export function consoleLine(level, args, time = new Date()) {
  if (args.length === 1 && typeof args[0] === "string" && args[0].startsWith('{"time":')) return args[0];
  const text = stripVTControlCharacters(formatWithOptions({ colors: false, breakLength: Infinity }, ...args))
    .replace(/^\s*[⨯⚠]\s*/u, "")
    .trim();
  if (!text) return null;
  // The message: the first line, and the lines after one that ends with a colon (Prisma's "Error
  // [PrismaClientKnownRequestError]:", then "Invalid … invocation:", then what went wrong).
  const lines = text.split("\n");
  let msg = lines.shift().trim();
  while (msg.endsWith(":") && lines.length) {
    const next = lines.shift().trim();
    if (next.startsWith("at ")) {
      lines.unshift(next);
      break;
    }
    if (next) msg += ` ${next}`;
  }
  const detail = lines.join("\n");
  return JSON.stringify({ time: time.toISOString(), level, msg, ...(detail.trim() ? { detail } : {}) });
}

/**
 * Makes every console.error and console.warn of this process one JSON line (consoleLine), so that
 * the server's stderr is JSON lines throughout: Next.js's messages and stacks were plain text of
 * several lines, colour codes included, among the JSON lines a log shipper parses.
 */
export function consoleAsJsonLines() {
  for (const level of /** @type {const} */ (["error", "warn"])) {
    const write = console[level].bind(console);
    console[level] = (...args) => {
      const line = consoleLine(level, args);
      if (line !== null) write(line);
    };
  }
}
