import { createServer, get as httpGet, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { THEME_INIT_SCRIPT } from "./theme-init.mjs";
import { REACT_REVEAL_TIMER, contentSecurityPolicy, allowedMethods, isLoggedRequest, loggedPath, loggedStatus, malformedPath, newNonce, requestId, requestLogLine, securityHeaders } from "./http-policy.mjs";

describe("security headers", () => {
  const headers = (path: string, https = false) => Object.fromEntries(securityHeaders(path, { https }));

  it("never let staff pages be framed; reader pages only by our own preview", () => {
    for (const path of ["/dashboard", "/dashboard/articles/1", "/signin", "/signin?next=%2Fdashboard", "/invite/abc"]) {
      expect(headers(path)["Content-Security-Policy"], path).toContain("frame-ancestors 'none'");
      expect(headers(path)["X-Frame-Options"], path).toBe("DENY");
    }
    for (const path of ["/", "/politics/a-story", "/preview/123", "/dashboards-of-the-world"]) {
      expect(headers(path)["Content-Security-Policy"], path).toContain("frame-ancestors 'self'");
      expect(headers(path)["X-Frame-Options"], path).toBe("SAMEORIGIN");
    }
  });

  it("staff pages allow scripts by their nonce (and React's reveal timer and our theme script by their hashes), never inline ones", () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    for (const path of ["/dashboard", "/signin", "/invite/abc"]) {
      const csp = Object.fromEntries(securityHeaders(path, { https: false, nonce }))["Content-Security-Policy"]!;
      expect(csp.split("; ")).toContain(`script-src 'self' 'nonce-${nonce}' ${hash(REACT_REVEAL_TIMER)} ${hash(THEME_INIT_SCRIPT)}`);
    }
    // Reader pages are shared by every reader: a nonce given for one is not used.
    const reader = Object.fromEntries(securityHeaders("/politics", { https: false, nonce }))["Content-Security-Policy"]!;
    expect(reader.split("; ")).toContain("script-src 'self'");
    expect(reader).not.toContain(nonce);
  });

  it("reader pages allow the inline scripts named by their hashes, and no other", () => {
    const hashes = ["'sha256-AAAA'", "'sha256-BBBB'"];
    const csp = contentSecurityPolicy({ frameable: true, https: false, scriptHashes: hashes });
    expect(csp.split("; ")).toContain("script-src 'self' 'sha256-AAAA' 'sha256-BBBB'");
    expect(csp.split("; ").find((part) => part.startsWith("script-src"))).not.toContain("unsafe-inline");
  });

  it("allow no other origin, no plugins and no <base>; HSTS only over https", () => {
    const csp = contentSecurityPolicy({ frameable: true, https: false });
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toMatch(/https?:\/\/|\*/); // no third-party origin, no wildcard
    expect(csp).not.toContain("unsafe-eval");
    expect(headers("/")["Strict-Transport-Security"]).toBeUndefined();
    expect(headers("/", true)["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(headers("/", true)["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(headers("/")["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers("/")["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers("/")["Permissions-Policy"]).toContain("camera=()");
  });
});

describe("request log", () => {
  it("keeps a sane caller id and makes one otherwise", () => {
    expect(requestId("lb-1234abcd")).toBe("lb-1234abcd");
    for (const bad of [undefined, "", "short", "has spaces in it", "<script>alert(1)</script>", "x".repeat(200)]) {
      expect(requestId(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("writes one JSON object per request, without queries or invitation tokens", () => {
    const line = requestLogLine({ id: "abc12345", method: "GET", url: "/search?q=my+secret", status: 200, ms: 12.345, cache: "HIT", time: new Date("2026-12-01T10:00:00Z") });
    expect(JSON.parse(line)).toEqual({ time: "2026-12-01T10:00:00.000Z", level: "info", msg: "request", id: "abc12345", method: "GET", path: "/search", status: 200, ms: 12.3, cache: "HIT" });
    expect(line).not.toContain("\n");
    expect(JSON.parse(requestLogLine({ id: "a", method: "POST", url: "/x", status: 503, ms: 1 })).level).toBe("error");
    expect(JSON.parse(requestLogLine({ id: "a", method: "GET", url: "/x", status: 404, ms: 1 })).level).toBe("warn");
    expect(loggedPath("/invite/s3cr3t-t0ken")).toBe("/invite/[token]");
  });

  it("logs a request whose client left before its answer was sent as 499, not Node's default 200", async () => {
    const statuses: number[] = [];
    let answer: (res: ServerResponse) => void = () => {};
    const server = createServer((_req, res) => {
      res.once("close", () => statuses.push(loggedStatus(res)));
      answer(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      answer = (res) => res.writeHead(404).end("not here");
      await new Promise((resolve) => httpGet({ host: "127.0.0.1", port, path: "/" }, (r) => (r.resume(), r.on("end", resolve))));
      answer = () => {}; // a render still under way when the client hangs up
      const leaving = httpGet({ host: "127.0.0.1", port, path: "/" });
      leaving.on("error", () => {});
      await new Promise((resolve) => setTimeout(resolve, 50));
      leaving.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(statuses).toEqual([404, 499]);
    } finally {
      await new Promise((resolve) => (server.close(resolve), server.closeAllConnections()));
    }
  });

  it("leaves this instance's own housekeeping out of the request log when it succeeded", () => {
    expect(isLoggedRequest("/api/internal/catch-up", 200)).toBe(false);
    expect(isLoggedRequest("/api/internal/go-live?x=1", 204)).toBe(false);
    expect(isLoggedRequest("/api/internal/catch-up", 500)).toBe(true);
    expect(isLoggedRequest("/api/internal/expire", 404)).toBe(true); // someone probing
    for (const url of ["/", "/api/v1/articles", "/api/internals", "/dashboard"]) expect(isLoggedRequest(url, 200), url).toBe(true);
  });
});

describe("malformedPath", () => {
  it("names a path whose escapes do not decode or that holds a control character, and passes every other", () => {
    for (const url of ["/politics/%zz", "/tag/%", "/author/%C0%AF", "/%E0%A4%A", "/api/v1/articles/%zz?x=1"]) {
      expect(malformedPath(url), url).toBe("The address has a malformed percent-escape.");
    }
    for (const url of ["/politics/%00", "/tag/a%00b", "/author/%0A", "/a%1F/feed.xml", "/api/v1/authors/%7F"]) {
      expect(malformedPath(url), url).toBe("The address contains a control character.");
    }
    // The image optimizer's source path, which it asks this server for.
    expect(malformedPath("/_next/image?url=%2Fmedia%2Fuploads%2F%25zz&w=640&q=75")).toBe("The address has a malformed percent-escape.");
    expect(malformedPath("/_next/image?url=%2Fmedia%2F%00&w=640&q=75")).toBe("The address contains a control character.");
    for (const url of ["/", "/politics/budget-vote", "/tag/caf%C3%A9", "/search?q=%zz%00", "/_next/image?url=%2Fmedia%2Fx.png&w=640", "/_next/image?url=https%3A%2F%2Fexample.com%2F%25zz", "/media/uploads/a%20b.png", undefined]) {
      expect(malformedPath(url), String(url)).toBeNull();
    }
  });
});

describe("allowedMethods", () => {
  it("lets pages take GET, HEAD and POST, and the API also PUT, PATCH, DELETE and OPTIONS; never TRACE", () => {
    for (const url of ["/", "/politics/budget-vote", "/feed.xml", "/media/uploads/x.png", "/dashboard", "/api-docs", undefined]) {
      expect(allowedMethods(url), String(url)).toEqual(["GET", "HEAD", "POST"]);
    }
    for (const url of ["/api/v1/articles", "/api/auth/session", "/api/health?ready"]) {
      expect(allowedMethods(url), url).toEqual(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
    }
    expect([...allowedMethods("/"), ...allowedMethods("/api/v1/articles")]).not.toContain("TRACE");
  });
});
