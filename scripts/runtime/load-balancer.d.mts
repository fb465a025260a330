import type { Server } from "node:http";
export function createLoadBalancer(options: { upstreams: { host: string; port: number }[]; healthPath?: string; healthIntervalMs?: number }): {
  server: Server;
  check(): Promise<unknown>;
  close(): void;
};
