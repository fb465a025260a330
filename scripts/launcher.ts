/**
 * The project's launcher: `npm start`, `npm run dev`, `npm run build`, `npm run db:*`.
 * Without DATABASE_URL it serves the embedded PGlite database from DATA_DIR for the lifetime of
 * the command; with it, nothing embedded starts. Then it generates the Prisma client if needed,
 * migrates, seeds an empty database, builds when the build is stale, and runs Next.js.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, defaultSiteUrl, parseEnv, type Env } from "../src/lib/env.ts";
import { buildIsStale } from "./lib/build-state.ts";
import { addCompileHints } from "./lib/compile-hints.ts";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-db.ts";
import { ensurePrismaClient } from "./lib/generate.ts";
import { migrate } from "./lib/migrate.ts";
import { prepareDatabase } from "./lib/prepare.ts";
import { serverActionsKey } from "./lib/server-actions-key.ts";
import { dropBrokenOutput } from "./runtime/parent-watch.mjs";
import { distDir } from "./runtime/dist-dir.mjs";

const root = path.resolve(import.meta.dirname, "..");
const commands = ["start", "cluster", "dev", "build", "migrate", "seed", "generate", "exec"] as const;
type Command = (typeof commands)[number];

const log = (line: string) => console.log(`[launcher] ${line}`);
// Its reader gone (a test runner that has exited), a log line must not end a shutdown half-way.
dropBrokenOutput();

function loadDotEnv(): void {
  for (const file of [".env.local", ".env"]) {
    const full = path.join(root, file);
    if (existsSync(full)) process.loadEnvFile(full);
  }
}

/** AUTH_SECRET for the embedded default: generated once, kept in DATA_DIR. */
function embeddedAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function runChild(command: string, args: string[], extraEnv: Record<string, string>): ChildProcess {
  return spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
}

function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<number> {
  const command = process.argv[2] as Command | undefined;
  if (!command || !commands.includes(command)) {
    console.error(`usage: launcher.ts <${commands.join("|")}> [-- command for exec]`);
    return 2;
  }
  loadDotEnv();
  let config: Env;
  try {
    config = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  if (command === "generate") {
    ensurePrismaClient();
    return 0;
  }

  const dataDir = path.resolve(root, config.DATA_DIR);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.DATABASE_URL;
  const childEnv: Record<string, string> = { NEXT_TELEMETRY_DISABLED: "1" };
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase(dataDir, config.PGLITE_MAX_CONNECTIONS);
    databaseUrl = embedded.url;
    childEnv.EMBEDDED_DATABASE = "1";
    log(`embedded PostgreSQL (PGlite) in ${path.relative(root, dataDir) || "."} on ${new URL(databaseUrl).host}`);
  }
  childEnv.DATABASE_URL = databaseUrl;
  process.env.DATABASE_URL = databaseUrl;

  let child: ChildProcess | undefined;
  let shuttingDown: Promise<void> | undefined;
  // Ctrl-C / SIGTERM: stop Next.js first, then close PGlite so that every write reaches disk.
  const shutdown = (signal: NodeJS.Signals) =>
    (shuttingDown ??= (async () => {
      log(`${signal}: stopping`);
      if (child && child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child?.kill("SIGKILL"), 10_000);
        await waitFor(child);
        clearTimeout(timer);
      }
      await embedded?.stop();
      process.exit(signal === "SIGINT" ? 130 : 143);
    })());
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    if (command === "migrate") {
      const { applied } = await migrate(databaseUrl);
      log(applied.length ? `applied ${applied.join(", ")}` : "nothing to apply");
      return 0;
    }
    ensurePrismaClient();
    if (command === "seed") {
      await migrate(databaseUrl);
      const { seedDatabase } = await import("./lib/seed.ts");
      await seedDatabase(databaseUrl, { log });
      return 0;
    }
    await prepareDatabase(databaseUrl, { seedIfEmpty: true, log });

    const siteUrl = defaultSiteUrl(config);
    Object.assign(childEnv, { SITE_URL: siteUrl, AUTH_URL: process.env.AUTH_URL ?? siteUrl, AUTH_TRUST_HOST: "true" });
    if (!config.AUTH_SECRET) {
      if (!embedded && (command === "start" || command === "cluster" || command === "dev")) {
        console.error("Invalid configuration:\n  AUTH_SECRET is required when DATABASE_URL is set (at least 32 characters).");
        return 1;
      }
      childEnv.AUTH_SECRET = embeddedAuthSecret(dataDir);
    }
    // One server-actions key for every instance of the site, however many builds (see ADR 006).
    childEnv.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? serverActionsKey(config.AUTH_SECRET ?? childEnv.AUTH_SECRET!);

    const next = path.join(root, "node_modules/.bin/next");
    // The socket's address for rate limits when no trusted proxy is in front (see client-ip.ts).
    const preload = `--import ${pathToFileURL(path.join(root, "scripts/runtime/peer-address.mjs")).href}`;
    childEnv.NODE_OPTIONS = [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" ");
    const port = String(config.PORT);
    childEnv.PORT = port;
    if (command === "build" || ((command === "start" || command === "cluster") && buildIsStale())) {
      log("building (next build)");
      child = runChild(next, ["build"], { ...childEnv, NODE_ENV: "production" });
      const code = await waitFor(child);
      if (code === 0) log(`compile hints added to ${addCompileHints(distDir(root)).join(", ") || "nothing (already there)"}`);
      if (code !== 0 || command === "build") return code;
    }
    // The servers below stop by themselves if this process dies without stopping them.
    childEnv.EXIT_WITH_PARENT = "1";
    // Next.js behind the page cache (scripts/runtime/server.mjs), not bare `next start`.
    if (command === "start") child = runChild(process.execPath, [path.join(root, "scripts/runtime/server.mjs")], { ...childEnv, NODE_ENV: "production" });
    // Several of those behind a load balancer (scripts/runtime/cluster.mjs).
    else if (command === "cluster") child = runChild(process.execPath, [path.join(root, "scripts/runtime/cluster.mjs")], { ...childEnv, NODE_ENV: "production" });
    else if (command === "dev") child = runChild(next, ["dev", "-p", port], childEnv);
    else {
      const rest = process.argv.slice(process.argv.indexOf("--") + 1);
      if (process.argv.indexOf("--") < 0 || rest.length === 0) {
        console.error("usage: launcher.ts exec -- <command> [args]");
        return 2;
      }
      child = runChild(rest[0]!, rest.slice(1), childEnv);
    }
    return await waitFor(child);
  } finally {
    // A signal's shutdown closes the database and exits; otherwise close it here.
    if (shuttingDown) await shuttingDown;
    else await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (process.env.DEBUG) console.error(error);
    process.exit(1);
  },
);
