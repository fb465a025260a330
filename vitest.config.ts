import path from "node:path";
import { defineConfig } from "vitest/config";

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
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"] } },
      {
        extends: true,
        // Real databases: a migrated, seeded one for the run (tests/global-setup.ts), plus
        // fresh ones where a test needs its own.
        test: { name: "integration", include: ["tests/**/*.test.ts"], globalSetup: ["tests/global-setup.ts"] },
      },
    ],
  },
});
