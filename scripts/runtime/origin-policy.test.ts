import { describe, expect, it } from "vitest";
import { crossSiteRefusal, ownOrigins } from "./origin-policy.mjs";

const SITE = "https://news.example";
const request = (method: string, headers: Record<string, string>) => ({
  method,
  header: (name: string) => headers[name],
});

describe("cross-site requests", () => {
  it("refuse every unsafe method from another site or Origin null", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      for (const origin of ["https://evil.example", "null", "https://news.example.evil.example", "https://news.example:8443"]) {
        expect(crossSiteRefusal(request(method, { host: "news.example", origin }), SITE), `${method} ${origin}`).toMatch(/^Cross-site request refused/);
      }
    }
  });

  it("let this site's own pages through, by its public URL or the host it was asked for", () => {
    expect(crossSiteRefusal(request("POST", { host: "10.0.0.5:3001", origin: SITE }), SITE)).toBeNull();
    expect(crossSiteRefusal(request("POST", { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100" }), undefined)).toBeNull();
    expect(crossSiteRefusal(request("POST", { host: "10.0.0.5:3001", "x-forwarded-host": "www.news.example", "x-forwarded-proto": "https", origin: "https://www.news.example" }), SITE)).toBeNull();
  });

  it("refuse what the browser says is cross-site even without an Origin", () => {
    expect(crossSiteRefusal(request("POST", { host: "news.example", "sec-fetch-site": "cross-site" }), SITE)).toMatch(/Sec-Fetch-Site/);
    expect(crossSiteRefusal(request("POST", { host: "news.example", "sec-fetch-site": "same-origin" }), SITE)).toBeNull();
  });

  it("leave reads, token-authenticated calls and programs without an Origin alone", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(crossSiteRefusal(request(method, { host: "news.example", origin: "https://evil.example" }), SITE)).toBeNull();
    expect(crossSiteRefusal(request("POST", { host: "news.example", origin: "https://evil.example", authorization: "Bearer abc" }), SITE)).toBeNull();
    expect(crossSiteRefusal(request("POST", { host: "news.example" }), SITE)).toBeNull();
  });

  it("know this site by its public URL and by the address asked for", () => {
    expect([...ownOrigins((name) => ({ host: "127.0.0.1:3001" })[name], SITE)]).toEqual([SITE, "http://127.0.0.1:3001"]);
    expect([...ownOrigins(() => undefined, undefined)]).toEqual([]);
  });
});
