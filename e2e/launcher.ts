import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** The repository: where the specs that start servers of their own run the launcher. */
export const root = path.resolve(import.meta.dirname, "..");

export interface Launched {
  child: ChildProcess;
  /** Stops it (SIGTERM) and resolves once it has exited: its port is free again. */
  stop: () => Promise<void>;
}

/**
 * `scripts/launcher.ts <command>` (what `npm start` and `npm run cluster` run) with `env`,
 * resolved once its standard output matches `ready`. Its errors go to the test output, unless
 * `quietErrors`: then they are kept, and shown only if it exits before it is ready (a spec whose
 * tests make the server fail on purpose). `hint` says what to check when it does not start.
 * `checkout`: where to run it (a privateBuild() copy); the repository by default.
 */
export async function startLauncher(
  command: "start" | "cluster",
  env: NodeJS.ProcessEnv,
  options: { ready: RegExp; quietErrors?: boolean; hint?: string; checkout?: string },
): Promise<Launched> {
  const cwd = options.checkout ?? root;
  const child = spawn(path.join(cwd, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/launcher.ts", command], {
    cwd,
    env,
    stdio: ["ignore", "pipe", options.quietErrors ? "pipe" : "inherit"],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const keep = (chunk: Buffer) => void (output.length < 100_000 && (output += chunk.toString()));
    child.stderr?.on("data", keep);
    child.stdout!.on("data", (chunk: Buffer) => {
      keep(chunk);
      if (options.ready.test(output)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`launcher ${command} exited with ${code}${options.hint ? ` (${options.hint})` : ""}:\n${output}`)));
  });
  return { child, stop };
}
