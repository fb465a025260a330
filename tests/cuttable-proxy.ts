import { createServer, connect, type AddressInfo, type Socket } from "node:net";

/**
 * A TCP proxy to host:port that a test can cut, as a restart or a broken network would: cut()
 * drops every connection and refuses new ones until mend(). cutNamed(name) does that only to the
 * Redis connections that give themselves that name (CLIENT SETNAME, scripts/runtime/redis.mjs's
 * clientName), as a partition that leaves one instance's connection cut off would. For Redis in
 * the relay's unit test and the cluster e2e.
 */
export async function cuttableProxy(target: { host: string; port: number }) {
  let down = false;
  const cutNames = new Set<string>();
  /** Each client connection with its upstream and the start of what the client sent (where its name is). */
  const pairs = new Set<{ client: Socket; upstream: Socket; hello: string }>();
  const isCut = (hello: string) => [...cutNames].some((name) => hello.includes(name));
  const drop = (pair: { client: Socket; upstream: Socket }) => {
    pair.client.destroy();
    pair.upstream.destroy();
  };
  const server = createServer((client) => {
    if (down) return void client.destroy();
    const pair = { client, upstream: connect(target.port, target.host), hello: "" };
    pairs.add(pair);
    for (const s of [client, pair.upstream]) {
      s.on("close", () => (pairs.delete(pair), drop(pair)));
      s.on("error", () => undefined);
    }
    client.on("data", (chunk: Buffer) => {
      if (pair.hello.length < 4096) pair.hello += chunk.toString("latin1");
      if (isCut(pair.hello)) return drop(pair);
      pair.upstream.write(chunk);
    });
    pair.upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      down = true;
      for (const pair of pairs) drop(pair);
    },
    /** Cuts the connections named `name` (now and on every reconnect) until mend(). */
    cutNamed(name: string) {
      cutNames.add(name);
      for (const pair of pairs) if (isCut(pair.hello)) drop(pair);
    },
    mend() {
      down = false;
      cutNames.clear();
    },
    close() {
      for (const pair of pairs) drop(pair);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The same Redis URL (database, credentials) through the proxy on `port`. */
export function throughPort(url: string, port: number): string {
  const through = new URL(url);
  through.hostname = "127.0.0.1";
  through.port = String(port);
  return through.href;
}
