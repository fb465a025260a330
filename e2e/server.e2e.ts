import { createHash } from "node:crypto";
import { get as httpGet, request as httpRequest } from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SEED_ARTICLE, settle } from "./helpers";
import { DEFERRED_SCRIPTS_LOADER, pageScriptSources } from "../scripts/runtime/deferred-scripts.mjs";
import { distDir } from "../scripts/runtime/dist-dir.mjs";
import { root } from "./launcher";

// What the production server adds to Next.js (scripts/runtime/): health checks for load
// balancers, security headers on every response, request ids, and the page cache.

test("health: liveness, and readiness with the database", async ({ request }) => {
  const live = await request.get("/api/health");
  expect(live.status()).toBe(200);
  expect(await live.json()).toMatchObject({ status: "ok" });
  expect(live.headers()["cache-control"]).toBe("no-store");
  const ready = await request.get("/api/health?ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ok", database: { status: "up" } });
});

test("every kind of response carries the security headers; staff pages may not be framed", async ({ request }) => {
  const paths = ["/", SEED_ARTICLE, "/politics", "/search?q=council", "/favicon.ico", "/feed.xml", "/sitemap.xml", "/api/v1/articles", "/no-such-page", "/signin", "/dashboard"];
  for (const path of paths) {
    for (let i = 0; i < 2; i++) {
      // twice: the second answer of a cacheable page comes from the page cache
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      const csp = headers["content-security-policy"] ?? "";
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("base-uri 'self'");
      expect(csp, path).toContain(path === "/signin" || path === "/dashboard" ? "frame-ancestors 'none'" : "frame-ancestors 'self'");
      expect(headers["strict-transport-security"], path).toBeUndefined(); // plain http here
    }
  }
});

test("reader pages work under the policy: nothing refused, nothing fails", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  for (const path of ["/", SEED_ARTICLE, "/politics", "/search?q=council"]) {
    await page.goto(path);
    await settle(page);
  }
  await page.getByRole("button", { name: /theme/i }).first().click(); // client JavaScript still runs
  expect(problems).toEqual([]);
});

test("the chunks every page starts with ask Chrome to compile them while they download; a route's own chunks do not", async ({ page, request }) => {
  // What `npm run build` wrote (scripts/lib/compile-hints.ts, ADR 008), as the server sends it.
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(distDir(root), "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const startUp = rootMainFiles.map((file) => `/_next/${file}`);
  expect(startUp.length).toBeGreaterThan(1);
  for (const pagePath of ["/", SEED_ARTICLE]) {
    await page.goto(pagePath);
    await settle(page); // reader pages add their scripts after first paint (the next test)
    const loaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement>("script[src]:not([nomodule])")].map((script) => new URL(script.src).pathname),
    );
    expect(loaded, pagePath).toEqual(expect.arrayContaining(startUp));
    const routeOwn = loaded.filter((src) => !startUp.includes(src));
    expect(routeOwn.length, pagePath).toBeGreaterThan(0);
    for (const src of loaded) {
      const text = await (await request.get(src)).text();
      expect(text.startsWith("//# allFunctionsCalledOnLoad\n"), src).toBe(startUp.includes(src));
      expect(text.split("allFunctionsCalledOnLoad"), src).toHaveLength(startUp.includes(src) ? 2 : 1);
    }
  }
});

test("reader pages load the framework's scripts after first paint, staff pages at once", async ({ page, request }) => {
  // scripts/runtime/deferred-scripts.mjs: the HTML names them only in the loader at the end of the body.
  for (const pagePath of ["/", SEED_ARTICLE, "/politics", "/search?q=council", "/no-such-page"]) {
    const html = await (await request.get(pagePath)).text();
    const elements = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"[^>]*>/g)];
    expect(elements.map(([tag]) => tag).filter((tag) => !tag.includes("noModule")), pagePath).toEqual([]);
    expect(html, pagePath).not.toContain('as="script"');
    expect(html, pagePath).toContain(`">${DEFERRED_SCRIPTS_LOADER}</script></body>`);
    const deferred = pageScriptSources(html);
    expect(deferred.length, pagePath).toBeGreaterThan(1);
    // In the browser: all of them, once each, and the page works (its theme button has its label,
    // which React gives it when it takes the page over).
    await page.goto(pagePath);
    await expect(page.getByRole("button", { name: /switch to (dark|light) theme/i }).first()).toBeAttached();
    const loaded = await page.evaluate(() => [...document.scripts].filter((s) => s.src).map((s) => new URL(s.src).pathname));
    for (const src of deferred) expect(loaded.filter((l) => l === src), `${pagePath}: ${src}`).toHaveLength(1);
  }
  // Staff pages are the newsroom's tools, not reading: their scripts load as Next.js writes them.
  const signin = await (await request.get("/signin")).text();
  expect(signin).toMatch(/<script src="\/_next\/static\/[^"]+" async=""/);
  expect(signin).not.toContain(DEFERRED_SCRIPTS_LOADER);
});

test("a page the browser revalidates keeps its scripts' policy: a 304 names none, or the page's own", async ({ request }) => {
  // Asks for `first`, then for `second` with the ETag it got. Next.js may render the page afresh
  // between the two (a list revalidates after 60 s, and its most-read stories move with the views
  // other specs count; CI saw a 200 so): then the ETag no longer matches and the pair is asked again.
  async function revalidate(first: () => string, second: () => string) {
    let tries = 0;
    for (;;) {
      const page = await request.get(first());
      const etag = page.headers()["etag"];
      expect(etag, "an ETag to revalidate with").toBeTruthy();
      const answer = await request.get(second(), { headers: { "if-none-match": etag! } });
      if (answer.status() !== 200 || ++tries === 5) return { page, answer };
    }
  }
  let visit = Date.now();
  // Not in the page cache (new URLs, the same page): Next.js answers the 304 (CI found it
  // carrying the policy for pages without inline scripts, which replaced the page's in the
  // browser's cache: the revisited page could not hydrate).
  const next = await revalidate(() => `/politics?revisit=${visit++}`, () => `/politics?revisit=${visit++}`);
  expect(next.page.headers()["content-security-policy"]).toContain("'sha256-");
  expect(next.answer.status()).toBe(304);
  expect(next.answer.headers()["x-cache"]).toBe("MISS");
  expect(next.answer.headers()["content-security-policy"]).toBeUndefined();
  // From the page cache: the page's own policy.
  const cached = await revalidate(() => "/politics", () => "/politics");
  expect(cached.answer.status()).toBe(304);
  if (cached.answer.headers()["x-cache"] === "HIT") expect(cached.answer.headers()["content-security-policy"]).toBe(cached.page.headers()["content-security-policy"]);
  else expect(cached.answer.headers()["content-security-policy"]).toBeUndefined();
});

test("reader pages name their inline scripts by hash: every one Next.js wrote runs, an injected one does not", async ({ page, request }) => {
  const paths = ["/", SEED_ARTICLE, "/politics", "/search?q=council", "/no-such-page"];
  for (const path of paths) {
    for (const attempt of ["first", "cached"]) {
      const response = await request.get(path);
      const scriptSrc = (response.headers()["content-security-policy"] ?? "").split("; ").find((part) => part.startsWith("script-src"))!;
      expect(scriptSrc, `${path} ${attempt}`).not.toContain("unsafe-inline");
      const html = await response.text();
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
        .filter(([, attributes = ""]) => !/\ssrc=|application\/ld\+json/.test(attributes))
        .map(([, , text = ""]) => text);
      expect(inline.length, path).toBeGreaterThan(0);
      for (const text of inline) {
        const digest = `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
        expect(scriptSrc, `${path} ${attempt}: ${text.slice(0, 60)}`).toContain(digest);
      }
    }
  }
  // Markup that got into a page by some bug: an inline script, an event handler, a javascript:
  // link. The page still works (Next.js's own inline scripts run: the theme button answers); none
  // of the injected code does.
  const problems: string[] = [];
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (/Content Security Policy/.test(message.text())) refused.push(message.text());
    else problems.push(message.text());
  });
  await page.route(SEED_ARTICLE, async (route) => {
    const response = await route.fetch();
    // At the end of the body, where React's hydration leaves foreign nodes alone.
    const injected = (await response.text()).replace(
      "</body>",
      '<script>window.__injected = "script"</script><img src="data:,not-an-image" onerror="window.__injected = \'handler\'"><a id="bad" href="javascript:window.__injected=\'link\'">x</a></body>',
    );
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name !== "content-encoding" && name !== "content-length"));
    await route.fulfill({ status: response.status(), headers, body: injected });
  });
  await page.goto(SEED_ARTICLE);
  await settle(page);
  await page.locator("#bad").click();
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  const root = page.locator("html");
  const before = await root.getAttribute("data-theme");
  await page.getByRole("button", { name: /theme/i }).first().click();
  await expect(root).not.toHaveAttribute("data-theme", before ?? "");
  expect(problems).toEqual([]);
  // Refused by the policy, each of them (Chromium says so), not by accident.
  expect(refused.some((text) => /inline script/.test(text)), refused.join("\n")).toBe(true);
  expect(refused.some((text) => /inline event handler/.test(text)), refused.join("\n")).toBe(true);
  expect(refused.some((text) => /JavaScript URL/i.test(text)), refused.join("\n")).toBe(true);
});

test("page cache: a repeat view is served from memory with its own request id; staff pages never are", async ({ request }) => {
  // Other workers publish while this runs, and every publishing change empties the page cache: a
  // request may find it empty and go to Next.js (MISS). So the three views are asked for again,
  // together, until all three came from the cache, and are then checked.
  type Answer = Awaited<ReturnType<typeof request.get>>;
  let views: { first: Answer; second: Answer; br: Answer } | undefined;
  for (let attempt = 0; attempt < 10 && !views; attempt++) {
    await request.get(SEED_ARTICLE);
    const first = await request.get(SEED_ARTICLE, { headers: { "x-request-id": "e2e-request-0001" } });
    const second = await request.get(SEED_ARTICLE);
    const br = await request.get(SEED_ARTICLE, { headers: { "accept-encoding": "br" } });
    if ([first, second, br].every((answer) => answer.headers()["x-cache"] === "HIT")) views = { first, second, br };
  }
  expect(views, "three views in a row from the page cache").toBeDefined();
  const { first, second, br } = views!;
  expect(first.headers()["x-request-id"]).toBe("e2e-request-0001");
  expect(second.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(await second.text()).toBe(await first.text());
  // Compressed once, as asked.
  expect(br.headers()["content-encoding"]).toBe("br");
  expect(await br.text()).toBe(await first.text());
  for (const path of ["/signin", "/dashboard"]) {
    await request.get(path);
    const again = await request.get(path, { maxRedirects: 0 });
    expect(again.headers()["x-cache"], path).not.toBe("HIT");
    expect(again.headers()["cache-control"], path).toMatch(/private|no-store/);
  }
  // Search results are the same page for every reader of a query: kept here, but sent private so
  // that no cache outside this server keeps the query.
  await expect
    .poll(async () => {
      const search = await request.get("/search?q=council");
      return `${search.headers()["x-cache"]} ${search.headers()["cache-control"]}`;
    })
    .toMatch(/^HIT .*private/);
});

test("a path whose escapes do not decode, or that holds a control character, is a 400 with a reason, for pages, images and the API; a NUL in the API's query is a 422", async ({ baseURL }) => {
  // Sent byte for byte: Playwright's request API would re-encode "%zz" as "%25zz".
  const raw = (path: string) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      httpGet(new URL(path, baseURL), (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, type: String(res.headers["content-type"]), body }));
      }).on("error", reject);
    });
  for (const path of ["/politics/%zz", "/tag/%zz", "/%zz/feed.xml", "/politics/%00", "/tag/a%00", "/author/%00/page/2", "/media/uploads/%zz", "/_next/image?url=%2Fmedia%2F%00&w=640&q=75"]) {
    const answer = await raw(path);
    expect(answer.status, path).toBe(400);
    expect(answer.body, path).toMatch(/^The address (has a malformed percent-escape|contains a control character)\.$/);
  }
  for (const path of ["/api/v1/articles/%zz", "/api/v1/authors/%00", "/api/v1/tags/%00"]) {
    const answer = await raw(path);
    expect(answer.status, path).toBe(400);
    expect(answer.type, path).toMatch(/application\/json/);
    expect(JSON.parse(answer.body), path).toMatchObject({ error: { code: "bad_request" } });
  }
  // A NUL in the API's query is named, as in its JSON bodies.
  for (const query of ["q=%00", "section=%00", "author=a%00b"]) {
    const answer = await raw(`/api/v1/articles?${query}`);
    expect(answer.status, query).toBe(422);
    expect(JSON.parse(answer.body).error.fields, query).toEqual({ [query.split("=")[0]!]: "Contains a NUL character, which cannot be stored." });
  }
  // Everything else is as before: a well-formed unknown path is the site's 404, a search may hold anything.
  expect((await raw("/politics/no-such-story")).status).toBe(404);
  expect((await raw("/search?q=%zz%00")).status).toBe(200);
});

test("a method an address does not take is a 405 naming the ones it does: TRACE anywhere, PUT or DELETE on a page", async ({ baseURL }) => {
  const send = (method: string, path: string) =>
    new Promise<{ status: number; allow?: string; body: string }>((resolve, reject) => {
      const req = httpRequest(new URL(path, baseURL), { method, headers: { Origin: new URL(baseURL!).origin } }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, allow: res.headers.allow, body }));
      });
      req.on("error", reject).end();
    });
  const article = SEED_ARTICLE;
  for (const [method, path] of [["TRACE", article], ["PUT", article], ["DELETE", "/"], ["PATCH", "/feed.xml"], ["PROPFIND", "/media/uploads/x.png"]] as const) {
    const answer = await send(method, path);
    expect(answer.status, `${method} ${path}`).toBe(405);
    expect(answer.allow, `${method} ${path}`).toBe("GET, HEAD, POST");
    expect(answer.body).toBe(`This address does not accept ${method}.`);
  }
  const trace = await send("TRACE", "/api/v1/articles");
  expect(trace.status).toBe(405);
  expect(JSON.parse(trace.body)).toMatchObject({ error: { code: "method_not_allowed" } });
  // What the API's routes do not take, they refuse themselves, as before.
  expect((await send("PUT", "/api/v1/articles")).status).toBe(405);
  expect((await send("GET", article)).status).toBe(200);
});

test("an x-middleware-subrequest header changes nothing: gone stays gone, drafts stay hidden, old paths still redirect", async ({ request }) => {
  const { demoArticles } = await import("../scripts/seed/content.ts");
  const archived = demoArticles.find((a) => a.status === "ARCHIVED")!;
  const draft = demoArticles.find((a) => a.status === "DRAFT")!;
  for (const value of ["proxy", "proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/proxy"]) {
    const headers = { "x-middleware-subrequest": value };
    expect((await request.get(`/${archived.section}/${archived.slug}`, { headers, maxRedirects: 0 })).status(), value).toBe(410);
    expect((await request.get(`/${draft.section}/${draft.slug}`, { headers, maxRedirects: 0 })).status(), value).toBe(404);
    expect((await request.get("/Politics", { headers, maxRedirects: 0 })).status(), value).toBe(301);
    expect((await request.get("/dashboard", { headers, maxRedirects: 0 })).headers()["cache-control"], value).toMatch(/no-store/);
  }
});
