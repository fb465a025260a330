/**
 * TEST_SCOPE=database: only the tests whose outcome the database can change, for a second pass
 * of `npm test` on another database (.ci/run's, on PostgreSQL, after the whole suite on the
 * embedded one). Left out: Vitest's unit tests and the launcher's embedded-database tests (no
 * database, or always the embedded one); Playwright's phone viewport and the specs that check
 * only pages' layout, accessibility and markup (playwright.config.ts). Unset: everything.
 */
export function testScope(): "all" | "database" {
  const scope = process.env.TEST_SCOPE ?? "all";
  if (scope !== "all" && scope !== "database") throw new Error(`TEST_SCOPE must be "all" or "database" (got ${JSON.stringify(scope)})`);
  return scope;
}
