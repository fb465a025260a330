import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLoadBalancer } from "./load-balancer.mjs";

// The cluster's load balancer in front of real HTTP servers playing the instances.

const closers: Array<() => unknown> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => (server.close(), server.closeAllConnections()));
  return (server.address() as AddressInfo).port;
}

async function instance(name: string, { ready = true } = {}) {
  const seen: Array<{ method?: string; forwardedFor?: string; body: string }> = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.url?.startsWith("/api/health")) return res.writeHead(ready ? 200 : 503).end();
      seen.push({ method: req.method, forwardedFor: req.headers["x-forwarded-for"] as string, body });
      res.writeHead(200, { "x-instance": name }).end(`${name}:${body}`);
    });
  });
  return { port: await listen(server), seen, server };
}

async function balancer(ports: number[]) {
  const lb = createLoadBalancer({ upstreams: ports.map((port) => ({ host: "127.0.0.1", port })), healthIntervalMs: 60_000 });
  closers.push(() => lb.close());
  await lb.check();
  return `http://127.0.0.1:${await listen(lb.server)}`;
}

describe("load balancer", () => {
  it("takes turns, passes bodies and appends the client to X-Forwarded-For", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    const url = await balancer([a.port, b.port]);
    const names = [];
    for (let i = 0; i < 4; i++) names.push((await fetch(url + "/x")).headers.get("x-instance"));
    expect(names.sort()).toEqual(["a", "a", "b", "b"]);
    const posted = await fetch(url + "/form", { method: "POST", body: "hello", headers: { "x-forwarded-for": "203.0.113.9" } });
    expect((await posted.text()).endsWith(":hello")).toBe(true);
    const last = [...a.seen, ...b.seen].find((s) => s.method === "POST")!;
    expect(last.forwardedFor).toBe("203.0.113.9, 127.0.0.1");
  });

  it("sends nothing to an instance that is not ready", async () => {
    const [a, b] = [await instance("a"), await instance("b", { ready: false })];
    const url = await balancer([a.port, b.port]);
    for (let i = 0; i < 4; i++) expect((await fetch(url + "/x")).headers.get("x-instance")).toBe("a");
  });

  it("retries a GET on another instance when one is down; a POST gets 502", async () => {
    const a = await instance("a");
    const gone = await instance("gone");
    const url = await balancer([gone.port, a.port]);
    gone.server.close();
    gone.server.closeAllConnections();
    for (let i = 0; i < 3; i++) {
      const response = await fetch(url + "/x");
      expect(response.status).toBe(200);
      expect(response.headers.get("x-instance")).toBe("a");
    }
    const down = createLoadBalancer({ upstreams: [{ host: "127.0.0.1", port: gone.port }], healthIntervalMs: 60_000 });
    closers.push(() => down.close());
    const downUrl = `http://127.0.0.1:${await listen(down.server)}`;
    expect((await fetch(downUrl + "/x", { method: "POST", body: "x" })).status).toBe(502);
  });
});
