// Types for streamed-boundaries.mjs.
export function inlineStreamedBoundaries(html: string): string;
