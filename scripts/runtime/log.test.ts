import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { consoleLine } from "./log.mjs";

const time = new Date("2026-12-07T10:00:00.000Z");
const parse = (line: string | null) => JSON.parse(line!) as Record<string, unknown>;

describe("consoleLine", () => {
  it("keeps a line that is one of ours as it is", () => {
    const ours = JSON.stringify({ time: time.toISOString(), level: "warn", msg: "sign-in refused", code: "rate_limited" });
    expect(consoleLine("error", [ours], time)).toBe(ours);
  });

  it("turns Next.js's coloured, marked message into a JSON line without colour codes or mark", () => {
    const line = consoleLine("error", ["\u001b[31m\u001b[1m⨯\u001b[22m\u001b[39m", "internal image response failed for", "/media/gone.jpg", 404], time);
    expect(parse(line)).toEqual({ time: "2026-12-07T10:00:00.000Z", level: "error", msg: "internal image response failed for /media/gone.jpg 404" });
    expect(parse(consoleLine("warn", ["\u001b[33m⚠\u001b[39m Stale something"], time))).toMatchObject({ level: "warn", msg: "Stale something" });
  });

  it("puts an error's first line in msg and its stack in detail: one line however long the stack", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { digest: "123" });
    const line = consoleLine("error", [error], time)!;
    expect(line).not.toContain("\n");
    const entry = parse(line);
    expect(entry.msg).toBe("Error: connect ECONNREFUSED 127.0.0.1:5432");
    expect(entry.detail).toMatch(/^\s+at .*log\.test\.ts/);
    expect(entry.detail).toContain("digest: '123'");
  });

  it("reads a message that runs over lines ending with a colon (Prisma's) as one", () => {
    const error = new Error("\nInvalid `prisma.section.findMany()` invocation:\n\n\nThe table `public.Section` does not exist in the current database.");
    error.name = "PrismaClientKnownRequestError";
    const entry = parse(consoleLine("error", [error], time));
    expect(entry.msg).toBe("Error [PrismaClientKnownRequestError]: Invalid `prisma.section.findMany()` invocation: The table `public.Section` does not exist in the current database.");
    expect(entry.detail).toMatch(/^\s+at /);
  });

  it("prints nothing for an empty call (Next.js's blank line)", () => {
    expect(consoleLine("error", [""], time)).toBeNull();
    expect(consoleLine("error", [], time)).toBeNull();
  });
});

describe("consoleAsJsonLines", () => {
  it("makes every console.error and console.warn of a real process a JSON line, and leaves console.log alone", () => {
    const log = path.join(import.meta.dirname, "log.mjs");
    const script = `
      const { consoleAsJsonLines, logEvent } = await import(${JSON.stringify(log)});
      consoleAsJsonLines();
      console.error(new TypeError("boom"));
      console.warn("\\u001b[33m⚠\\u001b[39m a warning", { n: 1 });
      console.error("");
      logEvent("info", "ours", { id: "x" });
      console.log("stdout stays as it is");`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("stdout stays as it is\n");
    const lines = run.stderr.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map(({ level, msg }) => [level, msg])).toEqual([
      ["error", "TypeError: boom"],
      ["warn", "a warning { n: 1 }"],
      ["info", "ours"],
    ]);
    expect(lines[2]).toMatchObject({ id: "x" });
  });
});
