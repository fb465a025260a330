import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The launcher as users run it (`npm start` runs `launcher.ts start`), in a child process. */
const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

export function start(args: string[], env: Record<string, string>, opts: { untilOutput?: RegExp; signal?: NodeJS.Signals } = {}) {
  const childEnv = { ...process.env, ...env };
  for (const key of ["DATABASE_URL", "EMBEDDED_DATABASE"]) if (!(key in env)) delete childEnv[key];
  const child = spawn(tsx, ["--conditions=react-server", "scripts/launcher.ts", ...args], { cwd: root, env: childEnv });
  let output = "";
  const done = new Promise<Run>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (opts.untilOutput && opts.signal && opts.untilOutput.test(output)) {
        opts.untilOutput = undefined;
        child.kill(opts.signal);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code, signal) => resolve({ code, signal, output }));
  });
  return { child, done };
}

export const launch = (...args: Parameters<typeof start>) => start(...args).done;

const dirs: string[] = [];
/** A new DATA_DIR, removed by removeTempDataDirs() (the test file's afterAll). */
export function tempDataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "news-launcher-"));
  dirs.push(dir);
  return dir;
}
export const removeTempDataDirs = () => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
