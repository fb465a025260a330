import { describe, expect, it } from "vitest";
import { createComputations } from "./computations.mjs";

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe("'use cache' computations under way", () => {
  it("waits for the computations that began by a time, not for later ones", async () => {
    const computations = createComputations();
    const early = computations.begin();
    await tick(5);
    const at = Date.now();
    await tick(5);
    const late = computations.begin();
    expect(computations.runningSince(at)).toBe(true);
    expect(computations.runningSince(at - 1000)).toBe(false); // nothing began that long ago

    let settled: boolean | undefined;
    void computations.settled(at, 5_000).then((result) => (settled = result));
    await tick(20);
    expect(settled).toBeUndefined();
    early();
    early(); // done twice counts once
    await tick(5);
    expect(settled).toBe(true); // the later one is still under way: not waited for
    expect(computations.stats()).toMatchObject({ begun: 2, running: 1 });
    late();
    expect(computations.runningSince(Date.now())).toBe(false);
    expect(await computations.settled(Date.now(), 5_000)).toBe(true);
  });

  it("gives up waiting after maxWaitMs, and stops counting a computation never reported done", async () => {
    const computations = createComputations({ maxComputationMs: 150 });
    computations.begin(); // a render that failed before anything was stored
    const started = Date.now();
    expect(await computations.settled(Date.now(), 50)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(await computations.settled(Date.now(), 1_000)).toBe(true);
    expect(computations.stats()).toMatchObject({ timedOut: 1, running: 0 });
  });
});
