import { defineConfig } from "prisma/config";

// The CLI here only generates the client (migrations are applied by scripts/migrate.ts);
// DATABASE_URL is optional so that `prisma generate` works without a database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
