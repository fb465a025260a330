import { availableParallelism } from "node:os";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { testScope } from "./tests/test-scope.ts";

const database = testScope() === "database";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "src"),
      // Outside Next.js, "server-only" would throw on import; its react-server build is empty.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    pool: "forks",
    // Vitest's default is one fork fewer than there are cores: on a two-core machine, one file at
    // a time. These tests mostly wait on databases and child processes, so two forks there: the
    // run took 137 s instead of 179 s on PGlite, 119 s instead of 169 s on PostgreSQL (2026-12-06).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      // TEST_SCOPE=database (tests/test-scope.ts): not the unit tests, which use no database.
      ...(database ? [] : [{ extends: true as const, test: { name: "unit", include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"] } }]),
      {
        extends: true,
        // Real databases: a migrated, seeded one for the run (tests/global-setup.ts), plus
        // fresh ones where a test needs its own.
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          // The launcher's embedded database and settings: the same on every pass.
          exclude: [...configDefaults.exclude, ...(database ? ["tests/launcher-embedded.test.ts"] : [])],
          globalSetup: ["tests/global-setup.ts"],
        },
      },
    ],
  },
});
