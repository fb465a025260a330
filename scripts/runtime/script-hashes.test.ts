import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { DEFERRED_SCRIPTS_LOADER } from "./deferred-scripts.mjs";
import { REACT_REVEAL_TIMER } from "./http-policy.mjs";
import { createPageCache } from "./page-cache.mjs";
import { THEME_INIT_SCRIPT } from "./theme-init.mjs";
import { REINSERT_ICON_SCRIPT, holdForScriptHashes, inlineScriptHashes, isFrameworkScript, rewrittenPagesKept } from "./script-hashes.mjs";

// Reader pages name the hashes of the inline scripts Next.js and React wrote into them, and no
// other inline script (script-hashes.mjs).

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const runtime = "var x = '$RX=function(a){a.remove()};';";

describe("which inline scripts are Next.js's or React's", () => {
  it("recognises payload pushes, the chunk list, React's timer, instructions, runtime definitions and our theme script", () => {
    for (const script of [
      'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])',
      "(self.__next_f=self.__next_f||[]).push([0])",
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[94553]});',
      REACT_REVEAL_TIMER,
      '$RC("B:1","S:1")',
      '$RS("S:0","P:0");$RC("B:0","S:0")',
      '$RX("B:2","","An error \\"quoted\\", twice")',
      '$RX=function(a){a.remove()};\n$RX("B:0")',
      "$RX=function(a){a.remove()};",
      '$RX=function(a){a.remove()};;$RX("B:1","NEXT_REDIRECT;replace;/signin?next=%2Fdashboard;307;")',
      '(self.__next_f=self.__next_f||[]).push([0]);self.__next_f.push([2,["form",{"a":");self.__next_f.push("}]])',
      REINSERT_ICON_SCRIPT,
      THEME_INIT_SCRIPT,
    ]) {
      expect(isFrameworkScript(script, runtime), script).toBe(true);
    }
  });

  it("refuses anything else, also when it starts like them", () => {
    for (const script of [
      "alert(1)",
      'self.__next_f.push([1,"x"]);alert(1)',
      'self.__next_f.push([1,"x"]);alert(1);self.__next_f.push([1,"y"])',
      "self.__next_f.push(alert(1))",
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(alert(1));',
      '$RC("B:1",alert(1))',
      '$RC("B:1","S:1");alert(1)',
      'alert(1);$RC("B:1","S:1")',
      "$RX=function(a){alert(a)};",
      '$RX=function(a){a.remove()};alert(1);\n$RX("B:0")',
      `${REACT_REVEAL_TIMER}alert(1)`,
      `${THEME_INIT_SCRIPT};alert(1)`,
      "(self.__next_f=self.__next_f||[]).push([0]);alert(1)",
      "(self.__next_f=self.__next_f||[]).push([0]);self.__next_f.push(alert(1))",
      "document.querySelectorAll('a').forEach(el => alert(el))",
      '$RX=function(a){a.remove()};;alert(1);$RX("B:1")',
      "",
    ]) {
      expect(isFrameworkScript(script, runtime), script).toBe(false);
    }
  });

  it("knows Next.js's constant scripts from its own source", () => {
    const source = readFileSync(createRequire(import.meta.url).resolve("next/dist/server/app-render/metadata-insertion/create-server-inserted-metadata.js"), "utf8");
    expect(source).toContain(REINSERT_ICON_SCRIPT);
  });

  it("knows React's own runtime definitions from the renderer Next.js ships", () => {
    const source = readFileSync(createRequire(import.meta.url).resolve("next/dist/compiled/react-dom-experimental/cjs/react-dom-server.node.production.js"), "utf8");
    const definition = /(\$RC=function\(a,b\)\{[^'\n]*;)'/.exec(source)?.[1];
    expect(definition).toBeDefined();
    const errored = /'(\$RX=function[^']*;)'/.exec(source)?.[1];
    expect(errored).toBeDefined();
    const redirect = `${errored};$RX("B:1","NEXT_REDIRECT;replace;/signin;307;")`; // as Next.js redirects from a streamed part
    const html = `<script>${definition}$RC("B:0","S:0")</script><script>$RC=function(a,b){alert(a)};$RC("B:0","S:0")</script><script>${redirect}</script>`;
    expect(inlineScriptHashes(html)).toEqual({ hashes: [hash(`${definition}$RC("B:0","S:0")`), hash(redirect)], refused: 1 });
  });
});

describe("the hashes of a page", () => {
  it("hash what the browser runs: inline scripts only, each once, newlines as the HTML parser reads them", () => {
    const html = [
      '<!doctype html><script src="/_next/static/chunks/a.js" async=""></script>',
      '<script type="application/ld+json">{"@context":"https://schema.org"}</script>',
      "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
      '<script>self.__next_f.push([1,"a"])</script><script>self.__next_f.push([1,"a"])</script>',
      '<SCRIPT type="module">self.__next_f.push([1,"b"])</SCRIPT >',
      '<script>self.__next_f.push(\r\n[1,"c"])</script>',
      "<p onclick=alert(1)>x</p><script>alert(document.cookie)</script>",
    ].join("");
    expect(inlineScriptHashes(html, runtime)).toEqual({
      hashes: [hash("(self.__next_f=self.__next_f||[]).push([0])"), hash('self.__next_f.push([1,"a"])'), hash('self.__next_f.push([1,"b"])'), hash('self.__next_f.push(\n[1,"c"])')],
      refused: 1,
    });
  });
});

describe("holding an HTML reader page for its policy", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.close(resolve), s.closeAllConnections()))));
  });

  const policyFor = (hashes: string[]) => ["script-src 'self'", ...hashes].join(" ");
  const script = 'self.__next_f.push([1,"story"])';
  const html = `<!doctype html><title>Story</title><script>${script}</script><p>${"Words. ".repeat(2000)}</p>`;

  type Complete = Parameters<typeof holdForScriptHashes>[3];
  async function site(handler: (req: IncomingMessage, res: ServerResponse) => void, withCache = false, complete?: Complete) {
    const cache = withCache ? createPageCache() : null;
    const server = createServer((req, res) => {
      res.setHeader("Content-Security-Policy", "script-src 'self'");
      const toNext = (rq: IncomingMessage, rs: ServerResponse) => (holdForScriptHashes(rq, rs, policyFor, complete), handler(rq, rs));
      if (cache) void cache.handle(req, res, toNext);
      else toNext(req, res);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; statusMessage: string; headers: IncomingMessage["headers"]; body: string; firstChunkAt: number; endAt: number }>((resolve, reject) => {
        const started = performance.now();
        const req = httpRequest({ host: "127.0.0.1", port, path, headers }, (res) => {
          let firstChunkAt = -1;
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => {
            if (firstChunkAt < 0) firstChunkAt = performance.now() - started;
            chunks.push(chunk);
          });
          res.on("end", () => {
            const raw = Buffer.concat(chunks);
            const body = (res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString();
            resolve({ status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? "", headers: res.headers, body, firstChunkAt, endAt: performance.now() - started });
          });
        });
        req.on("error", reject);
        req.end();
      });
  }

  /** Writes body in three parts, 50 ms apart, the way Next.js streams a page. */
  function streamed(type: string, body: string) {
    return (_req: IncomingMessage, res: ServerResponse) => {
      res.statusCode = 200;
      res.setHeader("Content-Type", type);
      res.setHeader("Cache-Control", "s-maxage=60");
      res.flushHeaders();
      const third = Math.ceil(body.length / 3);
      res.write(body.slice(0, third));
      setTimeout(() => res.write(body.slice(third, 2 * third)), 50);
      setTimeout(() => res.end(body.slice(2 * third)), 100);
    };
  }

  it("sends a streamed page whole, with its scripts' hashes and its length", async () => {
    const get = await site(streamed("text/html; charset=utf-8", html));
    const response = await get("/story");
    expect(response.body).toBe(html);
    expect(response.headers["content-security-policy"]).toBe(`script-src 'self' ${hash(script)}`);
    expect(response.headers["content-length"]).toBe(String(Buffer.byteLength(html)));
  });

  it("puts streamed boundaries in place before hashing and measuring the page", async () => {
    const reveal = '$RC("B:0","S:0")';
    const page = `<!doctype html><main><!--$?--><template id="B:0"></template><p>Searching…</p><!--/$--></main><div hidden id="S:0"><ol><li>${"Result. ".repeat(2000)}</li></ol></div><script>${reveal}</script>`;
    const placed = `<!doctype html><main><!--$--><ol><li>${"Result. ".repeat(2000)}</li></ol><!--/$--></main><script>${reveal}</script>`;
    const get = await site(streamed("text/html; charset=utf-8", page));
    const response = await get("/search?q=x");
    expect(response.body).toBe(placed);
    expect(response.headers["content-length"]).toBe(String(Buffer.byteLength(placed)));
    expect(response.headers["content-security-policy"]).toBe(`script-src 'self' ${hash(reveal)}`);
  });

  it("puts them in place in a page Next.js compressed, compressed again the same way", async () => {
    const page = `<!doctype html><main><!--$?--><template id="B:0"></template><p>Searching…</p><!--/$--></main><div hidden id="S:0"><p>Result.</p></div><script>$RC("B:0","S:0")</script>`;
    const get = await site((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip" });
      res.end(gzipSync(page));
    });
    const response = await get("/search?q=x");
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.body).toBe(`<!doctype html><main><!--$--><p>Result.</p><!--/$--></main><script>$RC("B:0","S:0")</script>`);
  });

  describe("completing a page before it is hashed (a missing page's empty document)", () => {
    const empty = `<!DOCTYPE html><html id="__next_error__"><head></head><body><script>${script}</script></body></html>`;
    const added = 'self.__next_f.push([1,"added"])';
    const whole = `<!DOCTYPE html><html id="__next_error__" lang="en"><head><title>Page not found</title></head><body><h1>Not here</h1><script>${added}</script><script>${script}</script></body></html>`;
    /** Next.js answering from its cache: a 404 with its length and validator, compressed. */
    const cached = (_req: IncomingMessage, res: ServerResponse) => {
      const body = gzipSync(empty);
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip", "Content-Length": String(body.length), ETag: '"next"' });
      res.end(body);
    };
    const seen: [string, number][] = [];
    const complete: Complete = (page, status) => (seen.push([page, status]), Promise.resolve({ html: whole }));

    it("sends the completed page, compressed as Next.js did, with its own length and hashes and without Next.js's validator", async () => {
      seen.length = 0;
      const response = await (await site(cached, false, complete))("/politics/gone");
      expect(seen).toEqual([[empty, 404]]);
      expect(response.status).toBe(404);
      expect(response.body).toBe(whole);
      expect(response.headers["content-encoding"]).toBe("gzip");
      expect(response.headers["content-length"]).toBe(String(gzipSync(whole).length));
      expect(response.headers.etag).toBeUndefined();
      expect(response.headers["content-security-policy"]).toBe(`script-src 'self' ${hash(added)} ${hash(script)}`);
    });

    it("sends another status and more headers when told, the page completed or not", async () => {
      for (const replacement of [whole, null]) {
        const unavailable: Complete = () => Promise.resolve({ html: replacement, status: 503, headers: { "Retry-After": "5" } });
        const response = await (await site(cached, false, unavailable))("/politics/gone");
        expect(response.status).toBe(503);
        expect(response.headers["retry-after"]).toBe("5");
        expect(response.body).toBe(replacement ?? empty);
      }
      // Next.js's status given with its reason phrase: both replaced.
      const withReason = (_req: IncomingMessage, res: ServerResponse) => res.writeHead(500, "Internal Server Error", { "Content-Type": "text/html" }).end(empty);
      const response = await (await site(withReason, false, () => Promise.resolve({ html: null, status: 503 })))("/politics/failed");
      expect(response.status).toBe(503);
      expect(response.statusMessage).toBe("Service Unavailable");
    });

    it("sends the page as Next.js wrote it when there is nothing to complete, or completing fails", async () => {
      for (const failing of [() => null, () => Promise.resolve(null), () => Promise.resolve({ html: null }), () => Promise.reject(new Error("unreachable"))] as Complete[]) {
        const response = await (await site(cached, false, failing))("/politics/gone");
        expect(response.status).toBe(404);
        expect(response.body).toBe(empty);
        expect(response.headers["content-length"]).toBe(String(gzipSync(empty).length));
        expect(response.headers.etag).toBe('"next"');
        expect(response.headers["content-security-policy"]).toBe(`script-src 'self' ${hash(script)}`);
      }
    });
  });

  it("says each preload once, though Next.js appends React's preload header once per render pass", async () => {
    const preload = '</font.woff2>; rel=preload; as="font"; crossorigin=""';
    const get = await site((_req, res) => {
      res.appendHeader("Link", preload);
      res.appendHeader("Link", preload);
      res.appendHeader("Link", "</other.woff2>; rel=preload");
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(html);
    });
    const response = await get("/story");
    expect(response.headers.link).toBe(`${preload}, </other.woff2>; rel=preload`);
  });

  it("reads a page Next.js compressed", async () => {
    const get = await site((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip" });
      res.end(gzipSync(html));
    });
    const response = await get("/story");
    expect(response.headers["content-security-policy"]).toBe(`script-src 'self' ${hash(script)}`);
    expect(response.headers["content-encoding"]).toBe("gzip");
  });

  it("loads a page's framework scripts after first paint, also in a page Next.js sent whole with its length and ETag", async () => {
    // A prerendered page from Next.js's cache: compressed, its length and validator given.
    const page = `<!doctype html><html><head><script src="/_next/static/chunks/a.js" async=""></script></head><body><script>${script}</script><p>Story.</p><script src="/_next/static/chunks/main.js" id="_R_" async=""></script></body></html>`;
    const sent = gzipSync(page);
    const get = await site((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip", "Content-Length": String(sent.length), ETag: '"abc"' });
      res.end(sent);
    });
    const response = await get("/story");
    const loader = `<script data-src="/_next/static/chunks/a.js /_next/static/chunks/main.js">${DEFERRED_SCRIPTS_LOADER}</script>`;
    expect(response.body).toBe(`<!doctype html><html><head></head><body><script>${script}</script><p>Story.</p>${loader}</body></html>`);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers["content-length"]).toBe(String(gzipSync(response.body).length));
    expect(response.headers.etag).toBe('"abc"');
    expect(response.headers["content-security-policy"]).toBe(`script-src 'self' ${hash(script)} ${hash(DEFERRED_SCRIPTS_LOADER)}`);
  });

  it("keeps a rewritten page by Next.js's bytes: the same bytes again cost no second rewrite, other bytes get their own", async () => {
    let version = 1;
    const pageOf = (v: number) => `<!doctype html><html><head><script src="/_next/static/chunks/a.js" async=""></script></head><body><script>self.__next_f.push([1,"v${v}"])</script><p>Story ${v}.</p></body></html>`;
    const get = await site((_req, res) => {
      const sent = gzipSync(pageOf(version));
      res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip", "Content-Length": String(sent.length) });
      res.end(sent);
    });
    const kept = rewrittenPagesKept();
    const first = await get("/story");
    expect(rewrittenPagesKept()).toBe(kept + 1);
    const again = await get("/story");
    expect(rewrittenPagesKept(), "the same bytes: no new entry").toBe(kept + 1);
    expect(again.body).toBe(first.body);
    expect(again.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
    expect(again.headers["content-length"]).toBe(first.headers["content-length"]);
    // Next.js renders the page anew: its own result, never the kept one.
    version = 2;
    const changed = await get("/story");
    expect(rewrittenPagesKept()).toBe(kept + 2);
    expect(changed.body).toContain("Story 2.");
    expect(changed.body).toContain("data-src=");
    expect(changed.headers["content-security-policy"]).toContain(hash('self.__next_f.push([1,"v2"])'));
    expect(changed.headers["content-security-policy"]).not.toContain(hash('self.__next_f.push([1,"v1"])'));
  });

  it("works behind Next.js's own compression, compressed or not, HTML or not", async () => {
    // Next.js wraps the response in this middleware after we do (its router server).
    const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as () => (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
    const feed = "<rss>" + "<item>news</item>".repeat(40_000) + "</rss>"; // 680 KB: backpressure
    const get = await site((req, res) => compression()(req, res, () => streamed(req.url === "/feed.xml" ? "application/rss+xml" : "text/html; charset=utf-8", req.url === "/feed.xml" ? feed : html)(req, res)));
    for (const encoding of ["gzip", "identity"]) {
      const page = await get("/story", { "accept-encoding": encoding });
      expect(page.headers["content-security-policy"], encoding).toBe(`script-src 'self' ${hash(script)}`);
      expect(page.body, encoding).toBe(html);
      const rss = await get("/feed.xml", { "accept-encoding": encoding });
      expect(rss.headers["content-security-policy"], encoding).toBe("script-src 'self'");
      expect(rss.body, encoding).toBe(feed);
    }
  });

  it("lets anything but HTML stream through untouched", async () => {
    const get = await site(streamed("text/x-component", "0:" + "x".repeat(30_000)));
    const response = await get("/story?_rsc=1");
    expect(response.headers["content-security-policy"]).toBe("script-src 'self'");
    expect(response.headers["content-length"]).toBeUndefined();
    expect(response.body).toHaveLength(30_002);
    expect(response.firstChunkAt).toBeLessThan(response.endAt - 50); // the first part came before the last was written
  });

  it("has the page cache keep the page with its policy", async () => {
    const get = await site(streamed("text/html; charset=utf-8", html), true);
    const first = await get("/story");
    const second = await get("/story");
    expect(second.headers["x-cache"]).toBe("HIT");
    expect(second.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
    expect(second.headers["content-security-policy"]).toContain(hash(script));
    expect(second.body).toBe(html);
  });

  it("sends a 304 without a policy, so that the browser keeps the page's own (a 304's headers replace the stored ones)", async () => {
    // Next.js's answer to a conditional request for a page whose ETag still matches (send-payload.js).
    const nextLike = (req: IncomingMessage, res: ServerResponse) => {
      res.setHeader("ETag", '"v1"');
      if (req.headers["if-none-match"] === '"v1"') {
        res.statusCode = 304;
        return res.end();
      }
      streamed("text/html; charset=utf-8", html)(req, res);
    };
    for (const withCache of [false, true]) {
      const get = await site(nextLike, withCache);
      const page = await get("/story");
      expect(page.headers["content-security-policy"]).toContain(hash(script));
      const revisit = await get("/story?again", { "if-none-match": '"v1"' }); // not in the page cache: Next.js answers
      expect(revisit.status, `page cache ${withCache}`).toBe(304);
      expect(revisit.headers["content-security-policy"], `page cache ${withCache}`).toBeUndefined();
    }
    // The same through writeHead.
    const get = await site((_req, res) => res.writeHead(304, { ETag: '"v1"' }).end());
    const revisit = await get("/story", { "if-none-match": '"v1"' });
    expect(revisit.status).toBe(304);
    expect(revisit.headers["content-security-policy"]).toBeUndefined();
  });
});
