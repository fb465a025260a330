/** Load and latency measurements the benchmark scripts share, and their Markdown tables. */
import autocannon from "./autocannon.ts";
import { median } from "./server.ts";

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, errors and timeouts, summed over the runs. */
  failed: number;
  /** Bytes read per answer (headers and body), over the runs: proof that every body came whole. */
  bytesPerAnswer: number;
}

/**
 * autocannon on one URL: a warm-up of `warmup` seconds, then `runs` runs of `duration` seconds;
 * each figure is the median over the runs. A target that fails under load is reported, not
 * thrown: that is a finding of the run.
 */
export async function loadMedian(
  url: string,
  options: { connections: number; duration: number; runs: number; warmup: number; headers?: Record<string, string> },
): Promise<LoadFigures> {
  const { connections, headers } = options;
  if (options.warmup > 0) await autocannon({ url, connections, duration: options.warmup, headers });
  const runs: Omit<LoadFigures, "bytesPerAnswer">[] = [];
  let bytes = 0;
  let answers = 0;
  for (let i = 0; i < options.runs; i++) {
    const result = await autocannon({ url, connections, duration: options.duration, headers });
    runs.push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts });
    bytes += result.throughput.total;
    answers += result.requests.total;
  }
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    failed: runs.reduce((n, r) => n + r.failed, 0),
    bytesPerAnswer: answers > 0 ? bytes / answers : 0,
  };
}

/** The value below which `share` (0–1) of the sorted values fall (nearest rank). */
export function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

export interface SweepFigures {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** Answers by the value of each header in `countHeaders` ("none" when absent). */
  headers: Record<string, Record<string, number>>;
}

/**
 * Every path of `paths` once, in that order, by `concurrency` workers sharing one queue: unlike
 * autocannon's request list (where every connection walks the same list from its start, so the
 * same URL arrives several times at once), each URL is asked for exactly once.
 */
export async function sweep(
  base: string,
  paths: string[],
  options: { concurrency: number; headers?: Record<string, string>; countHeaders?: string[] },
): Promise<SweepFigures> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const headers: Record<string, Record<string, number>> = Object.fromEntries((options.countHeaders ?? []).map((h) => [h, {}]));
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const t = performance.now();
      const response = await fetch(base + path, { headers: options.headers, redirect: "manual" }).catch(() => null);
      // The whole body, as a reader's browser would take it: the time to the last byte.
      await response?.arrayBuffer().catch(() => null);
      latencies.push(performance.now() - t);
      const status = response ? String(response.status) : "error";
      statuses[status] = (statuses[status] ?? 0) + 1;
      for (const name of options.countHeaders ?? []) {
        const value = response?.headers.get(name) ?? "none";
        headers[name]![value] = (headers[name]![value] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: paths.length, rps: paths.length / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), statuses, headers };
}

/** A Markdown table; cells are printed as given. */
export function markdownTable(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** "1,000", "12.3"… for tables. */
export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–";
