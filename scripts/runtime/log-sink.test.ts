import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A real pipe whose reader never reads: a child process logs as fast as it can to its stdout for
// a second while a timer counts how often its event loop got to run.
const sinkModule = path.join(import.meta.dirname, "log-sink.mjs");
const child = (mode: "sink" | "stdout") => `
  const { createLogSink } = await import(${JSON.stringify(sinkModule)});
  const sink = createLogSink({ maxBufferedBytes: 256 * 1024 });
  const write = ${JSON.stringify(mode)} === "sink" ? (l) => sink.write(l) : (l) => process.stdout.write(l + "\\n");
  const line = JSON.stringify({ msg: "request", path: "/".repeat(200) });
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const end = Date.now() + 1000;
  const pump = () => {
    for (let i = 0; i < 200; i++) write(line);
    if (Date.now() < end) setImmediate(pump);
    else {
      clearInterval(timer);
      const buffered = ${JSON.stringify(mode)} === "sink" ? sink.stats().bufferedBytes : process.stdout.writableLength;
      process.send({ ticks, dropped: sink.stats().dropped, buffered }, () => process.exit(0));
    }
  };
  pump();
`;

function run(mode: "sink" | "stdout", waitMs: number) {
  const proc = spawn(process.execPath, ["--input-type=module", "-e", child(mode)], { stdio: ["ignore", "pipe", "inherit", "ipc"] });
  // Its stdout is never read (until the end, so that it can exit).
  return new Promise<{ ticks: number; dropped: number; buffered: number } | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), waitMs);
    proc.on("message", (m) => (clearTimeout(timer), resolve(m as { ticks: number; dropped: number; buffered: number })));
  }).finally(() => {
    proc.stdout!.resume();
    proc.kill();
  });
}

describe("the request log sink", () => {
  it("neither blocks the server nor grows without bound when nobody reads the log: it drops lines and counts them", async () => {
    const result = await run("sink", 5_000);
    expect(result, "the child reported within 5 s").not.toBeNull();
    expect(result!.ticks).toBeGreaterThan(30); // of ~100 possible in a second
    expect(result!.dropped).toBeGreaterThan(0);
    expect(result!.buffered).toBeLessThanOrEqual(256 * 1024 + 1024);
  });

  it("(what it replaces) process.stdout keeps every unread line in memory", async () => {
    const result = await run("stdout", 5_000);
    expect(result!.dropped).toBe(0);
    expect(result!.buffered).toBeGreaterThan(4 * 1024 * 1024);
  });
});
