// The processes the launcher starts (server.mjs, and cluster.mjs with its instances) end with the
// process that started them. A launcher that dies without stopping its server (killed, or crashed
// on a write to the pipe of a test runner that had gone) left it behind: still holding its port,
// so the next server there could not start, and without its database when that was the embedded
// one (CI, 2026-12-06: an error-pages server outlived its spec by half an hour).

/**
 * Writes to stdout or stderr that fail (the reader is gone: EPIPE) are dropped instead of thrown.
 * Thrown, such an error is uncaught; Next.js logs uncaught errors with console.error, to the same
 * broken pipe, which throws again: a loop at full CPU, for as long as the process lives.
 */
export function dropBrokenOutput() {
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
}

/**
 * Calls onGone once the process that started this one has exited (this one then belongs to
 * another parent). Checked every intervalMs; the timer does not keep the process alive.
 * @param {() => void} onGone
 * @returns {() => void} stops watching
 */
export function watchParent(onGone, intervalMs = 1000) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
