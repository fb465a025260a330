// Types for log-sink.mjs (plain JavaScript, run by the production server without a build).
export function createLogSink(options?: { fd?: number; maxBufferedBytes?: number }): { write(line: string): boolean; stats(): { dropped: number; bufferedBytes: number } };
