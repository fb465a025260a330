// A small HTTP load balancer for several instances of the site on one machine (cluster.mjs):
// round robin over the instances that pass their readiness check, X-Forwarded-For appended (the
// instances run with TRUSTED_PROXY_HOPS=1), a GET or HEAD retried once on another instance when
// its connection fails. What nginx or a cloud load balancer does in production.
import http from "node:http";

/**
 * @param {{ upstreams: { host: string, port: number }[], healthPath?: string, healthIntervalMs?: number }} options
 */
export function createLoadBalancer({ upstreams, healthPath = "/api/health?ready", healthIntervalMs = 2_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const state = upstreams.map((upstream) => ({ ...upstream, healthy: true }));
  let next = 0;

  function pick(exclude) {
    const candidates = state.filter((u) => u.healthy && u !== exclude);
    const pool = candidates.length ? candidates : state.filter((u) => u !== exclude); // none healthy: try anyway
    if (!pool.length) return undefined;
    return pool[next++ % pool.length];
  }

  async function check(upstream) {
    upstream.healthy = await new Promise((resolve) => {
      const req = http.get({ host: upstream.host, port: upstream.port, path: healthPath, agent, timeout: 3_000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => resolve(false));
    });
  }
  const timer = setInterval(() => state.forEach((u) => void check(u)), healthIntervalMs);
  timer.unref();

  function forward(req, res, upstream, retried) {
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const headers = { ...req.headers, "x-forwarded-for": forwardedFor, "x-forwarded-proto": "http", "x-forwarded-host": req.headers.host ?? "" };
    const upstreamReq = http.request({ host: upstream.host, port: upstream.port, method: req.method, path: req.url, headers, agent }, (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.rawHeaders);
      upstreamRes.pipe(res);
    });
    upstreamReq.on("error", () => {
      upstream.healthy = false;
      if (res.headersSent) return res.destroy();
      const idempotent = req.method === "GET" || req.method === "HEAD";
      const other = !retried && idempotent ? pick(upstream) : undefined;
      if (other) return forward(req, res, other, true);
      res.writeHead(502, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad gateway: no instance answered.");
    });
    if (req.method === "GET" || req.method === "HEAD") upstreamReq.end();
    else req.pipe(upstreamReq);
  }

  const server = http.createServer((req, res) => {
    const upstream = pick();
    if (!upstream) return res.writeHead(503).end();
    forward(req, res, upstream, false);
  });
  server.keepAliveTimeout = 65_000;
  return { server, check: () => Promise.all(state.map(check)), close: () => (clearInterval(timer), server.close(), agent.destroy()) };
}
