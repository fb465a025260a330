import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createComputations } from "./computations.mjs";
import { createPageCache, isCacheableRequest, pickEncoding, shareable, type PageCache } from "./page-cache.mjs";
import { renderClock } from "./render-clock.mjs";

// The page cache in front of a real HTTP server; the handler plays Next.js's part (its ways of
// writing a response: setHeader + end, writeHead with headers, streamed writes, gzip).

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.close(resolve), s.closeAllConnections()))));
});

async function serve(cache: PageCache, handler: Handler) {
  let calls = 0;
  const server = createServer((req, res) => void cache.handle(req, res, (rq, rs) => (calls++, handler(rq, rs))));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    calls: () => calls,
    get: (path: string, headers: Record<string, string> = {}, method = "GET") =>
      new Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, path, headers, method }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on("error", reject);
        req.end();
      }),
  };
}

const page = "<!doctype html><title>Story</title><p>" + "A paragraph of the story. ".repeat(400) + "</p>";
const publicPage: Handler = (_req, res) => {
  res.setHeader("Cache-Control", "s-maxage=60, stale-while-revalidate=3540");
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("ETag", '"abc123"');
  res.setHeader("Link", ["</font.woff2>; rel=preload", "</font.woff2>; rel=preload"]);
  res.end(page);
};

/**
 * A site whose answer to `path` stays unfinished until finish(): a render still inside Next.js.
 * `seen`: the requests that reached it, in order.
 */
async function withSlowPage(cache: PageCache, path: string, cacheControl: string) {
  let finish: () => void = () => {};
  const seen: string[] = [];
  const site = await serve(cache, (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url !== path) return publicPage(req, res);
    res.setHeader("Cache-Control", cacheControl);
    finish = () => res.end("old");
  });
  return { site, finish: () => finish(), seen };
}

describe("page cache", () => {
  it("answers a repeated page view from memory with the same body and headers", async () => {
    const site = await serve(createPageCache(), publicPage);
    const first = await site.get("/politics/a-story");
    const second = await site.get("/politics/a-story");
    expect(site.calls()).toBe(1);
    expect(first.headers["x-cache"]).toBe("MISS");
    expect(second.headers["x-cache"]).toBe("HIT");
    expect(second.body.toString()).toBe(page);
    expect(second.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(second.headers["cache-control"]).toBe("s-maxage=60, stale-while-revalidate=3540");
    expect(second.headers["content-length"]).toBe(String(Buffer.byteLength(page)));
    expect(second.headers.link).toBe("</font.woff2>; rel=preload"); // Next.js's repeated header, once
    expect(second.headers.age).toBe("0");
    // Another URL is another page.
    await site.get("/politics/another-story");
    expect(site.calls()).toBe(2);
  });

  it("keeps nothing private, personal, uncacheable or failed", async () => {
    const variants: Array<[string, Handler]> = [
      ["private", (_q, s) => (s.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate"), s.end("x"))],
      ["no cache-control", (_q, s) => s.end("x")],
      ["max-age without public", (_q, s) => (s.setHeader("Cache-Control", "max-age=60"), s.end("x"))],
      ["cookie", (_q, s) => (s.setHeader("Cache-Control", "s-maxage=60"), s.setHeader("Set-Cookie", "a=b"), s.end("x"))],
      ["404", (_q, s) => s.writeHead(404, { "Cache-Control": "s-maxage=60" }).end("x")],
      ["500", (_q, s) => s.writeHead(500, { "Cache-Control": "s-maxage=60" }).end("x")],
      ["s-maxage=0", (_q, s) => (s.setHeader("Cache-Control", "s-maxage=0"), s.end("x"))],
    ];
    for (const [name, handler] of variants) {
      const site = await serve(createPageCache(), handler);
      await site.get("/p");
      const again = await site.get("/p");
      expect(site.calls(), name).toBe(2);
      expect(again.headers["x-cache"], name).not.toBe("HIT");
    }
  });

  it("keeps 410 pages and headers given to writeHead", async () => {
    const site = await serve(createPageCache(), (_q, s) => s.writeHead(410, { "Cache-Control": "public, max-age=60", "Content-Type": "text/html" }).end("gone"));
    await site.get("/politics/withdrawn");
    const again = await site.get("/politics/withdrawn");
    expect(site.calls()).toBe(1);
    expect(again.status).toBe(410);
    expect(again.body.toString()).toBe("gone");
    expect(again.headers["content-type"]).toBe("text/html");
  });

  it("keeps the 404 of the one URL it is told to keep, and of no other", async () => {
    const notFound: Handler = (_q, s) => s.writeHead(404, { "Cache-Control": "s-maxage=3600", "Content-Type": "text/html" }).end("not found");
    const cache = createPageCache({ keptErrorStatus: (url) => (url === "/_not-found" ? 404 : url === "/500" ? 500 : undefined) });
    const site = await serve(cache, notFound);
    expect(cache.peek("/_not-found")).toBeUndefined();
    await site.get("/_not-found", { "accept-encoding": "gzip" });
    // The server reads it without a request, uncompressed.
    expect(cache.peek("/_not-found")).toEqual({ status: 404, body: Buffer.from("not found") });
    const again = await site.get("/_not-found");
    expect(again.status).toBe(404);
    expect(again.headers["x-cache"]).toBe("HIT");
    expect(again.body.toString()).toBe("not found");
    await site.get("/no-such-page");
    await site.get("/no-such-page");
    expect(site.calls()).toBe(3);
    expect(cache.peek("/no-such-page")).toBeUndefined();
    cache.purge();
    expect(cache.peek("/_not-found")).toBeUndefined();
  });

  it("keeps the 500 page's 500, a URL's other errors never", async () => {
    const cache = createPageCache({ keptErrorStatus: (url) => (url === "/_not-found" ? 404 : url === "/500" ? 500 : undefined) });
    const site = await serve(cache, (q, s) =>
      s.writeHead(q.url === "/500" ? 500 : 404, { "Cache-Control": "s-maxage=3600", "Content-Type": "text/html" }).end(`page ${q.url}`),
    );
    await site.get("/500");
    expect(cache.peek("/500")).toEqual({ status: 500, body: Buffer.from("page /500") });
    expect((await site.get("/500")).headers["x-cache"]).toBe("HIT");
    // The not-found page's URL answering 500 (its render failed), or the 500 page's 404: not kept.
    const failing = await serve(cache, (_q, s) => s.writeHead(500, { "Cache-Control": "s-maxage=3600", "Content-Type": "text/html" }).end("failed"));
    await failing.get("/_not-found");
    expect(cache.peek("/_not-found")).toBeUndefined();
    cache.purge();
    await site.get("/_not-found");
    expect(cache.peek("/_not-found")).toEqual({ status: 404, body: Buffer.from("page /_not-found") });
    expect(site.calls()).toBe(2);
  });

  it("lets through what is not a plain page view", async () => {
    const site = await serve(createPageCache(), publicPage);
    const requests: Array<[string, Record<string, string>, string?]> = [
      ["/p", {}, "POST"],
      ["/p", { rsc: "1" }],
      ["/p", { "next-router-prefetch": "1" }],
      ["/p", { "next-action": "abc" }],
      ["/p", { "x-middleware-subrequest": "proxy" }],
      ["/p", { authorization: "Bearer x" }],
      ["/p?_rsc=1x2", {}],
      ["/api/v1/articles", {}],
      ["/_next/static/chunk.js", {}],
    ];
    for (const [path, headers, method] of requests) {
      await site.get(path, headers, method);
      await site.get(path, headers, method);
    }
    expect(site.calls()).toBe(requests.length * 2);
    expect(isCacheableRequest({ method: "GET", url: "/politics", headers: { accept: "text/html", cookie: "theme=dark" } })).toBe(true);
  });

  it("forgets a request whose reader left while it waited: it neither fills nor counts as inside Next.js", async () => {
    // Found under load: a request waiting for another's fill, whose client hung up meanwhile,
    // went on to fill the page itself; Next.js writes nothing for a closed response, and its
    // "close" had come before anyone listened, so the fill never ended. Every later request for
    // the page waited fillWaitMs, and nothing was kept after the next purge.
    const cache = createPageCache({ fillWaitMs: 200 });
    let finishFirst: () => void = () => {};
    let calls = 0;
    const server = createServer((req, res) =>
      void cache.handle(req, res, (_rq, rs) => {
        calls++;
        if (calls === 1) return void (finishFirst = () => rs.writeHead(200, { "Cache-Control": "private" }).end("for one reader"));
        if (rs.destroyed) return; // as Next.js does
        return publicPage(_rq, rs);
      }),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const get = () =>
      new Promise<IncomingMessage>((resolve, reject) => {
        httpRequest({ host: "127.0.0.1", port, path: "/story" }, (res) => (res.resume(), res.on("end", () => resolve(res)))).on("error", reject).end();
      });
    const first = get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const leaving = httpRequest({ host: "127.0.0.1", port, path: "/story" });
    leaving.on("error", () => {});
    leaving.end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    leaving.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    finishFirst();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cache.stats().atNext).toBe(0);
    cache.purge(); // the private answer is forgotten too
    expect((await get()).headers["x-cache"]).toBe("MISS");
    expect((await get()).headers["x-cache"]).toBe("HIT");
    expect(calls).toBe(2); // the first, and one fill after the purge; none for the reader who left
  });

  it("forgets at a change only the pages carrying one of its tags, and those whose tags it does not know", async () => {
    const cache = createPageCache({ sharedWhenPrivate: (url) => url.startsWith("/search") });
    // What page-entry-cache.mjs reports of each page's entries. Trusted only when they are the
    // page's own entry's (tagged with its path): not a shared shell's, not a page rendered per
    // request (search: its shell's tags, not its results'), and none at all is unknown.
    const tagsOf: Record<string, string[] | undefined> = {
      "/politics/a": ["_N_T_/politics/a", "article:a", "settings"],
      "/sport/b": ["_N_T_/sport/b", "article:b", "settings"],
      "/": ["_N_T_/", "_N_T_/index", "article-lists", "settings"],
      "/culture/c": ["_N_T_/(site)/[section]/[slug]/page", "settings"],
      "/search?q=a": ["_N_T_/search", "settings"],
      "/feed.xml": undefined,
    };
    const site = await serve(cache, (req, res) => {
      const tags = tagsOf[req.url!];
      if (tags) renderClock()?.pageTags?.(tags);
      if (req.url!.startsWith("/search")) return void res.writeHead(200, { "Cache-Control": "private, no-store", "Content-Type": "text/html" }).end("results");
      return publicPage(req, res);
    });
    const cached = async () => Object.fromEntries(await Promise.all(Object.keys(tagsOf).map(async (path) => [path, (await site.get(path)).headers["x-cache"]])));
    await cached();
    const all = (state: string) => Object.fromEntries(Object.keys(tagsOf).map((path) => [path, state]));
    expect(await cached()).toEqual(all("HIT"));
    cache.purge(undefined, ["article:a"]);
    expect(await cached()).toEqual({ ...all("MISS"), "/sport/b": "HIT", "/": "HIT" });
    cache.purge(undefined, ["article-lists"]);
    expect(await cached()).toEqual({ ...all("MISS"), "/politics/a": "HIT", "/sport/b": "HIT" });
    cache.purge(undefined, ["settings"]);
    expect(await cached()).toEqual(all("MISS"));
    cache.purge();
    expect(await cached()).toEqual(all("MISS"));
    expect(cache.stats().kept).toBe(4);
  });

  it("is emptied by a purge, and a fill that started before the purge is not kept", async () => {
    const cache = createPageCache();
    let release: () => void = () => {};
    let slow = false;
    const site = await serve(cache, (req, res) => {
      if (!slow) return publicPage(req, res);
      res.setHeader("Cache-Control", "s-maxage=60");
      res.write("old version, ");
      release = () => res.end("rendered before the purge");
    });
    await site.get("/story");
    cache.purge();
    expect((await site.get("/story")).headers["x-cache"]).toBe("MISS");
    expect(site.calls()).toBe(2);

    cache.purge();
    slow = true;
    const inFlight = site.get("/story");
    await new Promise((resolve) => setTimeout(resolve, 50));
    cache.purge(); // the story changed while the old version was being rendered
    release();
    expect((await inFlight).body.toString()).toBe("old version, rendered before the purge");
    slow = false;
    const after = await site.get("/story");
    expect(after.headers["x-cache"]).toBe("MISS");
    expect(after.body.toString()).toBe(page);
  });

  it("keeps no page filled while a request from before the purge is still inside Next.js", async () => {
    // Next.js may hand a new request the result of a computation an older request started
    // before the change (cross-request dedupe of 'use cache'): such a fill is served, not kept.
    const cache = createPageCache();
    const { site, finish: releaseOld } = await withSlowPage(cache, "/slow-old-request", "private, no-store");
    const old = site.get("/slow-old-request");
    await new Promise((resolve) => setTimeout(resolve, 50));
    cache.purge();
    await site.get("/front");
    expect((await site.get("/front")).headers["x-cache"]).toBe("MISS");
    expect(cache.stats().atNext).toBe(1);
    releaseOld();
    await old;
    await site.get("/front");
    expect((await site.get("/front")).headers["x-cache"]).toBe("HIT");
    expect(cache.stats().atNext).toBe(0);
  });

  it("holds a page's requests while a render of it from before an expiry is inside Next.js, applies the expiry again once it is done, then lets them go", async () => {
    // Next.js keeps a render that began before a change as if it were new (stamped when stored),
    // and lets a new request for the page join it: the next reader would get the old page.
    const cache = createPageCache();
    let finishOld: () => void = () => {};
    const order: string[] = [];
    const site = await serve(cache, (req, res) => {
      order.push(`${req.method} ${req.url}`);
      if (req.url === "/front" && order.length === 1) {
        res.setHeader("Cache-Control", "s-maxage=60");
        finishOld = () => res.end("rendered before the change");
        return;
      }
      publicPage(req, res);
    });
    const old = site.get("/front");
    await new Promise((resolve) => setTimeout(resolve, 50));
    let reapplied = 0;
    cache.purge(() => {
      reapplied++;
      order.push("applied again");
    });
    const next = site.get("/front");
    const rsc = site.get("/front?_rsc=1", { rsc: "1" }); // the same page's RSC payload
    await site.get("/section"); // another page: nothing of it from before, no waiting
    await site.get("/front?_rsc=2", { rsc: "1", "next-router-prefetch": "1" }); // prefetches never wait
    await site.get("/api/v1/articles", {}, "POST"); // writes are never held
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(["GET /front", "GET /section", "GET /front?_rsc=2", "POST /api/v1/articles"]);
    expect(reapplied).toBe(0);
    finishOld();
    expect((await old).body.toString()).toBe("rendered before the change");
    expect((await next).body.toString()).toBe(page);
    await rsc;
    expect(reapplied).toBeGreaterThanOrEqual(1);
    expect(order[4]).toBe("applied again");
    expect(order.slice(5).sort()).toEqual(["GET /front", "GET /front?_rsc=1"]);
    expect(cache.stats()).toMatchObject({ settles: 1, held: 2, holdsTimedOut: 0 });

    // With nothing from before inside Next.js there is nothing to wait for or to apply again.
    const before = reapplied;
    cache.purge(() => reapplied++);
    expect((await site.get("/front")).body.toString()).toBe(page);
    expect(reapplied).toBe(before);
  });

  it("holds a page's requests behind a router prefetch of it from before an expiry, whose render they would join", async () => {
    // Next.js renders a static page's prefetch under the page's own cache key: CI saw the front
    // page's next request answered by the render of a staff page's prefetch from before a change.
    const cache = createPageCache();
    const { site, finish: finishPrefetch, seen: order } = await withSlowPage(cache, "/front?_rsc=1", "s-maxage=60");
    const prefetch = { rsc: "1", "next-router-prefetch": "1" };
    const old = site.get("/front?_rsc=1", prefetch);
    await new Promise((resolve) => setTimeout(resolve, 50));
    let reapplied = 0;
    cache.purge(() => {
      reapplied++;
      order.push("applied again");
    });
    const next = site.get("/front");
    await site.get("/front?_rsc=2", prefetch); // a prefetch itself still never waits
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(["GET /front?_rsc=1", "GET /front?_rsc=2"]);
    finishPrefetch();
    await old;
    expect((await next).body.toString()).toBe(page);
    expect(order.slice(2)).toEqual(["applied again", "GET /front"]);
    expect(reapplied).toBe(1);
    expect(cache.stats()).toMatchObject({ settles: 1, held: 1, holdsTimedOut: 0 });
  });

  it("applies an expiry again when the renders from before it end, even with nobody waiting", async () => {
    const cache = createPageCache();
    const { site, finish: finishOld } = await withSlowPage(cache, "/slow", "s-maxage=60");
    const old = site.get("/slow");
    await new Promise((resolve) => setTimeout(resolve, 50));
    let reapplied = 0;
    cache.purge(() => reapplied++);
    cache.purge(() => reapplied++); // two changes while it renders
    finishOld();
    await old;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reapplied).toBe(2);
    expect(cache.stats()).toMatchObject({ settles: 1, held: 0 });
  });

  it("holds a page's requests no longer than maxHoldMs behind a request for it that does not end", async () => {
    const cache = createPageCache({ maxHoldMs: 100 });
    let finishStuck: () => void = () => {};
    let first = true;
    const site = await serve(cache, (req, res) => {
      if (first) {
        first = false;
        res.setHeader("Cache-Control", "private, no-store");
        res.write("streaming");
        finishStuck = () => res.end();
        return;
      }
      publicPage(req, res);
    });
    const stuck = site.get("/front");
    await new Promise((resolve) => setTimeout(resolve, 50));
    let reapplied = 0;
    cache.purge(() => reapplied++);
    const started = Date.now();
    expect((await site.get("/front")).body.toString()).toBe(page);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(reapplied).toBe(0);
    finishStuck();
    await stuck;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reapplied).toBe(1); // still applied again when the old request ends
    expect(cache.stats()).toMatchObject({ holdsTimedOut: 1, settles: 1 });
  });

  it("holds every request that arrives after an expiry while a 'use cache' computation from before it is under way", async () => {
    // Next.js lets any request join a 'use cache' computation under way for another, whatever
    // the page: one that read the database before the change would hand the new request the old
    // value (CI: a cleared banner on the front page at the next request).
    const computations = createComputations();
    const cache = createPageCache({ computations });
    const order: string[] = [];
    const site = await serve(cache, (req, res) => (order.push(`${req.method} ${req.url}`), publicPage(req, res)));
    const before = computations.begin();
    cache.purge(); // the publishing code's own purge: Next.js has not applied the expiry yet
    await site.get("/front");
    expect(order).toEqual(["GET /front"]);

    cache.purge(() => {}); // Next.js applies it
    await new Promise((resolve) => setTimeout(resolve, 5));
    const after = computations.begin(); // begun after the change: not waited for
    const held = [
      site.get("/front"),
      site.get("/section"),
      site.get("/front?_rsc=1", { rsc: "1", "next-router-prefetch": "1" }),
      site.get("/api/v1/articles", {}, "POST"),
    ];
    await site.get("/_next/static/chunks/app.js"); // nothing is computed for the build's own files
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order.slice(1)).toEqual(["GET /_next/static/chunks/app.js"]);
    before();
    await Promise.all(held);
    expect(order.slice(2).sort()).toEqual(["GET /front", "GET /front?_rsc=1", "GET /section", "POST /api/v1/articles"]);
    expect(cache.stats()).toMatchObject({ heldForComputations: 4, holdsTimedOut: 0 });

    // An expiry with no computation under way holds nobody.
    after();
    cache.purge(() => {});
    await site.get("/front");
    expect(cache.stats().heldForComputations).toBe(4);
  });

  it("holds requests no longer than maxHoldMs behind a 'use cache' computation that does not end", async () => {
    const computations = createComputations();
    const cache = createPageCache({ computations, maxHoldMs: 100 });
    const site = await serve(cache, publicPage);
    const stuck = computations.begin();
    cache.purge(() => {});
    const started = Date.now();
    expect((await site.get("/front")).body.toString()).toBe(page);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    const next = Date.now();
    await site.get("/section"); // the next requests go on
    expect(Date.now() - next).toBeLessThan(90);
    expect(cache.stats()).toMatchObject({ heldForComputations: 1, holdsTimedOut: 1 });
    stuck();
  });

  /**
   * A site whose first answer for `path` is Next.js's stale copy (x-nextjs-cache: STALE), sent at
   * once, with a background render left behind: `renderDone()` is what Next.js's cache handler
   * does when it has stored (or thrown away) that render (page-entry-cache.mjs).
   */
  async function withBackgroundRender(cache: PageCache, path: string) {
    let renderDone: () => void = () => {};
    let first = true;
    const order: string[] = [];
    const site = await serve(cache, (req, res) => {
      order.push(`${req.method} ${req.url}`);
      if (req.url === path && first) {
        first = false;
        renderDone = renderClock()?.renderDone ?? (() => {});
        res.setHeader("x-nextjs-cache", "STALE");
        res.setHeader("Cache-Control", "s-maxage=60");
        return res.end("stale copy");
      }
      publicPage(req, res);
    });
    return { site, order, renderDone: () => renderDone() };
  }

  it("holds a page's requests while a background render of it from before an expiry runs, and applies the expiry again once it is stored", async () => {
    // Next.js answers from its stale copy and renders the page again in the background; a request
    // arriving meanwhile joins that render, which may have read the database before the change.
    const cache = createPageCache();
    const { site, order, renderDone } = await withBackgroundRender(cache, "/front");
    expect((await site.get("/front")).body.toString()).toBe("stale copy");
    expect(cache.stats()).toMatchObject({ inBackground: 1, backgroundRenders: 1 });
    const stores = cache.stats().stores;
    let reapplied = 0;
    cache.purge(() => {
      reapplied++;
      order.push("applied again");
    });
    const next = site.get("/front");
    expect((await site.get("/section")).body.toString()).toBe(page); // other pages go on
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(["GET /front", "GET /section"]);
    // Nothing filled while a render from before the change is inside Next.js.
    expect(cache.stats().stores).toBe(stores);
    renderDone();
    expect((await next).body.toString()).toBe(page);
    expect(reapplied).toBeGreaterThanOrEqual(1);
    expect(order.slice(2)).toEqual(["applied again", "GET /front"]);
    expect(cache.stats()).toMatchObject({ inBackground: 0, held: 1, holdsTimedOut: 0, backgroundTimedOut: 0 });
  });

  it("waits for no background render that was already done, and for none longer than backgroundRenderMs", async () => {
    // Done before the stale answer closed (a slow reader): nothing is left in the background.
    const cache = createPageCache({ backgroundRenderMs: 150 });
    let first = true;
    const site = await serve(cache, (req, res) => {
      if (req.url === "/front" && first) {
        first = false;
        res.setHeader("x-nextjs-cache", "STALE");
        renderClock()?.renderDone?.();
        return setTimeout(() => res.end("stale copy"), 5);
      }
      publicPage(req, res);
    });
    await site.get("/front");
    expect(cache.stats()).toMatchObject({ inBackground: 0, backgroundRenders: 0 });

    // A render that never reports back (it failed) is waited for no longer than backgroundRenderMs.
    const other = await withBackgroundRender(cache, "/lost");
    await other.site.get("/lost");
    expect(cache.stats().inBackground).toBe(1);
    let reapplied = 0;
    cache.purge(() => reapplied++);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(cache.stats()).toMatchObject({ inBackground: 0, backgroundTimedOut: 1 });
    expect(reapplied).toBe(1);
  });

  it("serves br or gzip as the client accepts, compressed once, and reads back a gzipped fill", async () => {
    const site = await serve(createPageCache(), (_q, s) => {
      s.setHeader("Cache-Control", "s-maxage=60");
      s.setHeader("Content-Encoding", "gzip"); // Next.js compressed it for the first client
      s.end(gzipSync(page));
    });
    await site.get("/p", { "accept-encoding": "gzip" });
    const identity = await site.get("/p");
    const br = await site.get("/p", { "accept-encoding": "gzip, deflate, br" });
    const gzip = await site.get("/p", { "accept-encoding": "gzip;q=1, br;q=0" });
    expect(site.calls()).toBe(1);
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.toString()).toBe(page);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(page);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(page);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(pickEncoding("identity")).toBe("identity");
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding("gzip, *;q=0")).toBe("gzip");
  });

  it("answers If-None-Match and If-Modified-Since with 304, and HEAD without a body", async () => {
    const lastModified = "Tue, 01 Dec 2026 09:00:00 GMT";
    const site = await serve(createPageCache(), (req, res) => (res.setHeader("Last-Modified", lastModified), publicPage(req, res)));
    await site.get("/p");
    const notModified = await site.get("/p", { "if-none-match": 'W/"abc123"' });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe('"abc123"');
    const changed = await site.get("/p", { "if-none-match": '"other"' });
    expect(changed.status).toBe(200);
    expect((await site.get("/p", { "if-modified-since": lastModified })).status).toBe(304);
    expect((await site.get("/p", { "if-modified-since": "Tue, 01 Dec 2026 08:59:59 GMT" })).status).toBe(200);
    // If-None-Match decides when both are sent.
    expect((await site.get("/p", { "if-none-match": '"other"', "if-modified-since": lastModified })).status).toBe(200);
    const head = await site.get("/p", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(page)));
    expect(site.calls()).toBe(1);
  });

  it("keeps an entry no longer than its own s-maxage nor the cache's limit", async () => {
    let time = 1_000_000;
    const site = await serve(createPageCache({ maxAgeSeconds: 10, now: () => time }), (_q, s) => {
      s.setHeader("Cache-Control", s.req.url === "/short" ? "s-maxage=3" : "s-maxage=60");
      s.end("x");
    });
    await site.get("/short");
    await site.get("/long");
    time += 2_000;
    expect((await site.get("/short")).headers.age).toBe("2");
    expect(site.calls()).toBe(2);
    time += 1_500; // 3.5 s: /short is stale, /long is not
    await site.get("/short");
    await site.get("/long");
    expect(site.calls()).toBe(3);
    time += 7_000; // 10.5 s: /long reached the cache's limit
    await site.get("/long");
    expect(site.calls()).toBe(4);
  });

  it("renders a page once for many readers who ask for it at the same moment", async () => {
    const site = await serve(createPageCache(), (req, res) => setTimeout(() => publicPage(req, res), 100));
    const bodies = await Promise.all(Array.from({ length: 20 }, () => site.get("/breaking")));
    expect(site.calls()).toBe(1);
    for (const r of bodies) expect(r.body.toString()).toBe(page);
  });

  it("never makes readers wait for a private page that is still streaming, nor for its next views", async () => {
    // Search streams its results privately; one such render that never finishes must not hold
    // back every later request for the same URL.
    const cache = createPageCache({ fillWaitMs: 60_000 });
    let first = true;
    const site = await serve(cache, (_req, res) => {
      res.writeHead(200, { "Cache-Control": "private, no-store", "Content-Type": "text/html" });
      res.write("<p>Searching…");
      if (first) {
        first = false;
        return; // never ends
      }
      res.end("</p>");
    });
    void site.get("/search?q=stuck").catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const second = await site.get("/search?q=stuck");
    const third = await site.get("/search?q=stuck");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(second.body.toString()).toBe("<p>Searching…</p>");
    expect(third.status).toBe(200);
    expect(cache.stats().bypasses).toBeGreaterThanOrEqual(1); // the third went straight through
  });

  it("keeps pages rendered per request that are the same for everyone, and still sends them private", async () => {
    const cache = createPageCache({ sharedWhenPrivate: (url) => url.startsWith("/search?") });
    const site = await serve(cache, (req, res) => {
      res.writeHead(req.url === "/search?q=fail" ? 500 : 200, { "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate", "Content-Type": "text/html" });
      res.end(`<p>Results for ${req.url}</p>`);
    });
    await site.get("/search?q=council");
    const again = await site.get("/search?q=council", { "accept-encoding": "br" });
    expect(site.calls()).toBe(1);
    expect(again.headers["x-cache"]).toBe("HIT");
    expect(again.headers["cache-control"]).toMatch(/^private, no-cache, no-store/);
    expect(brotliDecompressSync(again.body).toString()).toBe("<p>Results for /search?q=council</p>");
    // Another query is another page; failures and other private pages are never kept; a purge forgets.
    await site.get("/search?q=budget");
    await site.get("/search?q=fail");
    await site.get("/search?q=fail");
    await site.get("/dashboard?q=council");
    await site.get("/dashboard?q=council");
    expect(site.calls()).toBe(6);
    cache.purge();
    await site.get("/search?q=council");
    expect(site.calls()).toBe(7);
  });

  it("forgets the least recently used pages when it is full", async () => {
    const size = Buffer.byteLength(page);
    const cache = createPageCache({ maxBytes: size * 3.5 * 8 }); // room for 3.5 × 8 pages; one page is at most 1/8
    const site = await serve(cache, publicPage);
    for (let i = 0; i < 28; i++) await site.get(`/p${i}`);
    await site.get("/p0"); // recently used again
    await site.get("/p28"); // pushes out the oldest not used since: /p1
    const calls = site.calls();
    await site.get("/p0");
    expect(site.calls()).toBe(calls);
    await site.get("/p1");
    expect(site.calls()).toBe(calls + 1);
    expect(cache.stats().bytes).toBeLessThanOrEqual(size * 3.5 * 8);
  });

  it("keeps nothing from a response the client abandoned", async () => {
    let finish: (() => void) | null = null;
    const cache = createPageCache();
    const site = await serve(cache, (_q, res) => {
      res.setHeader("Cache-Control", "s-maxage=60");
      if (finish) return res.end("whole");
      res.write("partial");
      finish = () => res.end("rest");
    });
    await new Promise<void>((resolve) => {
      const port = (servers[0]!.address() as AddressInfo).port;
      const req = httpRequest({ host: "127.0.0.1", port, path: "/cut" }, (res) => {
        res.once("data", () => {
          req.destroy();
          setTimeout(resolve, 50);
        });
      });
      req.end();
    });
    finish!();
    expect(cache.stats().entries).toBe(0);
    const next = await site.get("/cut");
    expect(next.headers["x-cache"]).toBe("MISS");
    expect(next.body.toString()).toBe("whole");
  });
});

describe("shareable", () => {
  it("reads the freshness a response allows", () => {
    expect(shareable(200, { "cache-control": "s-maxage=60, stale-while-revalidate=3540" }, 10)?.ttlSeconds).toBe(10);
    expect(shareable(200, { "cache-control": "public, max-age=5" }, 10)?.ttlSeconds).toBe(5);
    expect(shareable(200, { "cache-control": "public, max-age=60", "content-encoding": "zstd" }, 10)).toBeNull();
    expect(shareable(200, { "cache-control": "public, s-maxage=60, no-cache" }, 10)).toBeNull();
  });
});
