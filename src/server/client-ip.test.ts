import "server-only";
import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const h = (headers: Record<string, string>) => new Headers(headers);

describe("clientIp", () => {
  it("without a trusted proxy ignores X-Forwarded-For and uses the socket's address", () => {
    expect(clientIp(h({ "x-peer-address": "192.0.2.7", "x-forwarded-for": "203.0.113.9" }), 0)).toBe("192.0.2.7");
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.9" }), 0)).toBe("unknown");
  });
  it("behind one proxy takes the address that proxy saw, never one the client wrote", () => {
    // The client forged "1.1.1.1"; the load balancer appended the client's real address.
    expect(clientIp(h({ "x-peer-address": "10.0.0.2", "x-forwarded-for": "1.1.1.1, 198.51.100.4" }), 1)).toBe("198.51.100.4");
  });
  it("behind two proxies skips both", () => {
    expect(clientIp(h({ "x-peer-address": "10.0.0.2", "x-forwarded-for": "1.1.1.1, 198.51.100.4, 10.0.0.9" }), 2)).toBe("198.51.100.4");
  });
  it("counts an IPv4 client as one address, whether a socket maps it into IPv6 or not", () => {
    expect(clientIp(h({ "x-peer-address": "::ffff:192.0.2.7" }), 0)).toBe("192.0.2.7");
    expect(clientIp(h({ "x-peer-address": "10.0.0.2", "x-forwarded-for": "::FFFF:198.51.100.4" }), 1)).toBe("198.51.100.4");
    expect(clientIp(h({ "x-peer-address": "2001:db8::1" }), 0)).toBe("2001:db8::1");
  });
  it("falls back to the peer when the header is shorter than the proxy chain", () => {
    expect(clientIp(h({ "x-peer-address": "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });
});
