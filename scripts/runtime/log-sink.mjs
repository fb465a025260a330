// Where the production server writes its request log (server.mjs): stdout, bounded. When the log
// reader stops reading (a stalled shipper, a parent that never drains the pipe), process.stdout
// either blocks the process (a pipe written synchronously) or queues every line in memory without
// limit (measured in log-sink.test.ts: 2 GB queued in one second). This sink writes through
// libuv's thread pool, buffers up to a limit (4 MB), and beyond it drops lines, counting them, and
// says how many once the reader catches up.
import fs from "node:fs";

/** @param {{ fd?: number, maxBufferedBytes?: number }} [options] */
export function createLogSink({ fd = 1, maxBufferedBytes = 4 * 1024 * 1024 } = {}) {
  const stream = fs.createWriteStream("", { fd, autoClose: false });
  let dropped = 0;
  let droppedTotal = 0;
  stream.on("error", () => undefined); // the reader went away (EPIPE): nothing to do but drop
  stream.on("drain", () => {
    if (!dropped) return;
    stream.write(JSON.stringify({ time: new Date().toISOString(), level: "warn", msg: "log lines dropped: the log reader was too slow", count: dropped }) + "\n");
    dropped = 0;
  });
  return {
    /** Queues one line; false when it was dropped. */
    write(line) {
      if (stream.writableLength > maxBufferedBytes) {
        dropped++;
        droppedTotal++;
        return false;
      }
      stream.write(line + "\n");
      return true;
    },
    stats: () => ({ dropped: droppedTotal, bufferedBytes: stream.writableLength }),
  };
}
