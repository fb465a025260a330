import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const moduleUrl = pathToFileURL(path.join(import.meta.dirname, "parent-watch.mjs")).href;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "parent-watch-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Alive and not a zombie (a reparented child that exited may wait for a reaper that never comes). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (condition()) return true;
  }
  return condition();
}

/**
 * A parent (standing in for the launcher) that starts a child like server.mjs: the child watches
 * its parent, logs to stderr all the time through a pipe the parent holds, and writes `gone` when
 * the watch fires. The parent prints the child's pid.
 */
async function startParentAndChild(): Promise<{ parent: ReturnType<typeof spawn>; child: number; gone: string }> {
  const gone = path.join(dir, "gone");
  const childScript = path.join(dir, "child.mjs");
  writeFileSync(
    childScript,
    `import { writeFileSync } from "node:fs";
     import { dropBrokenOutput, watchParent } from ${JSON.stringify(moduleUrl)};
     dropBrokenOutput();
     // Thrown output errors would be logged, to the same pipe, as Next.js does.
     process.on("uncaughtException", (error) => console.error(error));
     watchParent(() => { writeFileSync(${JSON.stringify(gone)}, String(process.ppid)); process.exit(0); }, 100);
     setInterval(() => console.error("still serving " + "x".repeat(200)), 5);`,
  );
  const parent = spawn(
    process.execPath,
    ["-e", `const c = require("node:child_process").spawn(process.execPath, [${JSON.stringify(childScript)}], { stdio: ["ignore", "pipe", "pipe"] }); c.stderr.resume(); console.log(c.pid); setInterval(() => {}, 1000);`],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const child = await new Promise<number>((resolve) => parent.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
  return { parent, child, gone };
}

describe("watchParent", () => {
  it("fires once the parent is killed, and not before: the child stops instead of writing into a dead pipe", async () => {
    const { parent, child, gone } = await startParentAndChild();
    try {
      // While the parent lives, nothing happens.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(running(child)).toBe(true);
      expect(existsSync(gone)).toBe(false);
      // Killed without a chance to stop its child (what a crashed or SIGKILLed launcher does).
      parent.kill("SIGKILL");
      expect(await until(() => existsSync(gone), 5000)).toBe(true);
      expect(await until(() => !running(child), 5000)).toBe(true);
    } finally {
      parent.kill("SIGKILL");
      if (running(child)) process.kill(child, "SIGKILL");
    }
  });

  it("stops watching when asked", async () => {
    const { watchParent } = (await import("./parent-watch.mjs")) as typeof import("./parent-watch.mjs");
    let fired = false;
    const stop = watchParent(() => (fired = true), 10);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fired).toBe(false);
  });
});
