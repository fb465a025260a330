import { describe, expect, it, vi } from "vitest";
import { awaitDatabaseFailure, markDatabaseFailure, takeDatabaseFailure } from "./database-failures.mjs";

// Requests whose render failed for want of the database, marked by Next.js's error hook and taken
// by the server (database-failures.mjs).
describe("requests that failed for want of the database", () => {
  it("are known once, by their id", () => {
    markDatabaseFailure("request-a");
    expect(takeDatabaseFailure("request-b")).toBe(false);
    expect(takeDatabaseFailure("request-a")).toBe(true);
    expect(takeDatabaseFailure("request-a")).toBe(false);
    markDatabaseFailure(undefined);
    expect(takeDatabaseFailure(undefined)).toBe(false);
  });

  it("are forgotten after a minute when nobody asks (an API call, an action, a streamed page)", () => {
    const start = 1_000_000;
    markDatabaseFailure("old", start);
    markDatabaseFailure("recent", start + 30_000);
    markDatabaseFailure("new", start + 61_000);
    expect(takeDatabaseFailure("old")).toBe(false);
    expect(takeDatabaseFailure("recent")).toBe(true);
    expect(takeDatabaseFailure("new")).toBe(true);
  });

  it("are waited for a little: Next.js reports an error without waiting, just after the page is written", async () => {
    setTimeout(() => markDatabaseFailure("late"), 20);
    expect(await awaitDatabaseFailure("late", 1_000)).toBe(true);
    const started = performance.now();
    expect(await awaitDatabaseFailure("never", 50)).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(await awaitDatabaseFailure(undefined)).toBe(false);
  });

  it("share one registry across copies of the module (Next.js loads its own)", async () => {
    vi.resetModules();
    const copy = await import("./database-failures.mjs");
    expect(copy.markDatabaseFailure).not.toBe(markDatabaseFailure);
    copy.markDatabaseFailure("from-next");
    expect(takeDatabaseFailure("from-next")).toBe(true);
  });
});
