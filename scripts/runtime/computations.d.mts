// Types for computations.mjs.
export type Computations = {
  begin(what?: string): () => void;
  runningSince(time: number): boolean;
  settled(time: number, maxWaitMs: number): Promise<boolean>;
  stats(): { begun: number; timedOut: number; running: number };
};
export function createComputations(options?: { maxComputationMs?: number }): Computations;
export const computations: Computations;
