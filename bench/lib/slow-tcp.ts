/** A TCP proxy that delays every chunk sent upstream: a slow Redis (or database) for the scripts. */
import net from "node:net";

/**
 * Listens on a free local port and forwards each connection to `target`'s host and port, every
 * chunk towards it `delayMs` later (in order); answers come back at once. Returns the port.
 */
export async function slowProxy(target: URL, delayMs: number): Promise<{ port: number; close: () => void }> {
  const [host, port] = [target.hostname, Number(target.port) || 6379]; // Redis's port unless the URL names one
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on("data", (chunk) => setTimeout(() => upstream.write(chunk), delayMs));
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
