import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test, type PlaywrightWorkerArgs } from "@playwright/test";
import { ImageOptimizerCache } from "next/dist/server/image-optimizer.js";
import sharp from "sharp";
import { distDir } from "../../scripts/runtime/dist-dir.mjs";
import { apiJson, apiSession, staff, type Role } from "./staff";

// The JSON API over HTTP: who may do what (anonymous, each role, tokens), the one error shape,
// and the Origin check on cookie-authenticated writes. Refused requests change nothing.

// The image optimizer's copies, on the disk of the server under test (this checkout's build).
const imagesDir = path.join(distDir(path.resolve(import.meta.dirname, "../..")), "cache/images");

const session = (playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, role: Role) => apiSession(playwright, baseURL, role, { sendOrigin: false });

test.describe("API permissions", () => {
  test("anonymous: public reads only, writes 401, drafts invisible", async ({ request }) => {
    const list = await request.get("/api/v1/articles?perPage=100");
    expect(list.status()).toBe(200);
    const rows = ((await list.json()) as { data: Record<string, unknown>[] }).data;
    expect(rows.length).toBeGreaterThan(0);
    // What readers see: no workflow status, version or editor.
    for (const field of ["status", "version", "updatedAt", "lastEditedBy", "returned"]) expect(rows.filter((r) => field in r), field).toEqual([]);
    const create = await request.post("/api/v1/articles", { data: { headline: "Anonymous" } });
    expect(create.status()).toBe(401);
    expect(await create.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    expect((await request.get("/api/v1/media")).status()).toBe(401);
    expect((await request.get("/api/v1/articles?status=DRAFT")).status()).toBe(200);
    // A status filter changes nothing for the public: the same public articles. Asked at the same
    // time, until a story other specs publish meanwhile is in both.
    const ids = async (query: string) => ((await (await request.get(`/api/v1/articles?${query}`)).json()) as { data: { id: string }[] }).data.map((r) => r.id);
    await expect
      .poll(async () => {
        const [filtered, plain] = await Promise.all([ids("status=DRAFT&perPage=100"), ids("perPage=100")]);
        return { some: filtered.length > 0, same: JSON.stringify(filtered) === JSON.stringify(plain) };
      })
      .toEqual({ some: true, same: true });
  });

  test("contributor: creates and edits own drafts, cannot publish or set status through a field", async ({ playwright, baseURL }) => {
    const api = await session(playwright, baseURL!, "contributor");
    const created = await apiJson<{ id: string; version: number; status: string }>(api, "POST", "/api/v1/articles", baseURL!, {
      headline: "Contributor API draft",
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Words." }] }] },
    });
    expect(created.status).toBe(201);
    const { id, version } = created.body!.data!;

    const sneaky = await apiJson(api, "PATCH", `/api/v1/articles/${id}`, baseURL!, { version, status: "PUBLISHED" });
    expect(sneaky.status).toBe(422);
    expect(sneaky.body!.error!.code).toBe("invalid");
    expect(sneaky.body!.error!.fields).toHaveProperty("status");

    const publish = await apiJson(api, "POST", `/api/v1/articles/${id}/publish`, baseURL!, { version });
    expect(publish.status).toBe(403);
    const after = await apiJson<{ status: string; version: number }>(api, "GET", `/api/v1/articles/${id}`, baseURL!);
    expect(after.body!.data).toMatchObject({ status: "DRAFT", version });

    // A version the article never had is the caller's mistake (a stale one is a 409: articles-service.test.ts).
    const future = await apiJson(api, "PATCH", `/api/v1/articles/${id}`, baseURL!, { version: version + 5, headline: "From the future" });
    expect(future.status).toBe(422);
    expect(future.body!.error).toMatchObject({ code: "invalid", fields: { version: `The article's version is ${version}.` } });

    const ok = await apiJson<{ version: number; headline: string }>(api, "PATCH", `/api/v1/articles/${id}`, baseURL!, { version, headline: "Contributor API draft, edited" });
    expect(ok.status).toBe(200);
    expect(ok.body!.data).toMatchObject({ version: version + 1, headline: "Contributor API draft, edited" });

    const badLink = await apiJson(api, "PATCH", `/api/v1/articles/${id}`, baseURL!, {
      version: version + 1,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] },
    });
    expect(badLink.status).toBe(422);
    expect(Object.keys(badLink.body!.error!.fields!).some((f) => f.startsWith("body."))).toBe(true);

    const notJson = await api.fetch(`/api/v1/articles/${id}`, { method: "PATCH", data: Buffer.from("{not json"), headers: { Origin: new URL(baseURL!).origin, "Content-Type": "application/json" } });
    expect(notJson.status()).toBe(400);
    const huge = await apiJson(api, "PATCH", `/api/v1/articles/${id}`, baseURL!, { version: version + 1, standfirst: "x".repeat(1_100_000) });
    expect(huge.status).toBe(413);
    // PostgreSQL cannot store a NUL character: a clear 422 naming the field, not a 500.
    const nul = await apiJson(api, "PATCH", `/api/v1/articles/${id}`, baseURL!, { version: version + 1, headline: "Null\u0000byte" });
    expect(nul.status).toBe(422);
    expect(nul.body!.error!.fields).toHaveProperty("headline");
    const unchanged = await apiJson<{ headline: string; version: number }>(api, "GET", `/api/v1/articles/${id}`, baseURL!);
    expect(unchanged.body!.data).toMatchObject({ headline: "Contributor API draft, edited", version: version + 1 });
    await api.dispose();
  });

  test("cookie-authenticated writes need this site's Origin", async ({ playwright, baseURL }) => {
    const api = await session(playwright, baseURL!, "editor");
    for (const origin of ["https://evil.example", "null"]) {
      const response = await api.post("/api/v1/articles", { data: { headline: "Cross-site" }, headers: { Origin: origin } });
      expect(response.status()).toBe(403);
    }
    const none = await api.post("/api/v1/articles", { data: { headline: "No origin" } });
    expect(none.status()).toBe(403);
    const list = await apiJson<{ headline: string }[]>(api, "GET", "/api/v1/articles?q=Cross-site", baseURL!);
    expect(list.body!.data).toEqual([]);
    // The header Next.js once trusted for internal requests changes nothing either.
    const forged = await api.post("/api/v1/articles", { data: { headline: "Cross-site" }, headers: { Origin: "https://evil.example", "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy" } });
    expect(forged.status()).toBe(403);
    await api.dispose();
  });

  test("bearer tokens: created by an admin, scoped, revocable; editors cannot create them, nor can a token", async ({ playwright, baseURL }) => {
    const editor = await session(playwright, baseURL!, "editor");
    expect((await apiJson(editor, "POST", "/api/v1/tokens", baseURL!, { name: "nope", scope: "WRITE" })).status).toBe(403);
    const admin = await session(playwright, baseURL!, "admin");
    const read = await apiJson<{ token: string; id: string }>(admin, "POST", "/api/v1/tokens", baseURL!, { name: "read bot", scope: "READ" });
    const write = await apiJson<{ token: string; id: string }>(admin, "POST", "/api/v1/tokens", baseURL!, { name: "write bot", scope: "WRITE" });
    expect(read.status).toBe(201);
    expect(read.body!.data).toMatchObject({ expiresAt: null });
    const badLifetime = await apiJson(admin, "POST", "/api/v1/tokens", baseURL!, { name: "bad lifetime", scope: "READ", expiresInDays: 0 });
    expect(badLifetime.status).toBe(422);
    expect(badLifetime.body!.error!.fields).toHaveProperty("expiresInDays");
    const anon = await playwright.request.newContext({ baseURL });
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
    expect((await anon.get("/api/v1/media", { headers: auth(read.body!.data!.token) })).status()).toBe(200);
    expect((await anon.post("/api/v1/articles", { data: { headline: "Read token" }, headers: auth(read.body!.data!.token) })).status()).toBe(403);
    const made = await anon.post("/api/v1/articles", { data: { headline: "Written by a token" }, headers: auth(write.body!.data!.token) });
    expect(made.status()).toBe(201);
    // An admin's token cannot manage tokens: one that leaked could otherwise make others, which
    // revoking it would not revoke. Nothing is made or revoked.
    const tokensBefore = (await apiJson<unknown[]>(admin, "GET", "/api/v1/tokens", baseURL!)).body!.data!;
    for (const [method, path] of [["POST", "/api/v1/tokens"], ["GET", "/api/v1/tokens"], ["DELETE", `/api/v1/tokens/${read.body!.data!.id}`]] as const) {
      const byToken = await anon.fetch(path, { method, data: method === "POST" ? { name: "minted by a token", scope: "WRITE" } : undefined, headers: auth(write.body!.data!.token) });
      expect(byToken.status(), `${method} ${path} with a token`).toBe(403);
      expect(((await byToken.json()) as { error: { message: string } }).error.message).toMatch(/managed by an admin signed in/);
    }
    expect((await apiJson<unknown[]>(admin, "GET", "/api/v1/tokens", baseURL!)).body!.data).toEqual(tokensBefore);
    expect((await anon.get("/api/v1/media", { headers: auth(read.body!.data!.token) })).status(), "the read token still works").toBe(200);
    expect((await apiJson(admin, "DELETE", `/api/v1/tokens/${write.body!.data!.id}`, baseURL!)).status).toBe(204);
    expect((await anon.post("/api/v1/articles", { data: { headline: "Revoked" }, headers: auth(write.body!.data!.token) })).status()).toBe(401);
    expect((await anon.get("/api/v1/media", { headers: auth("dbn_not-a-token") })).status()).toBe(401);
    await Promise.all([editor.dispose(), admin.dispose(), anon.dispose()]);
  });

  test("a deleted image is served nowhere: not its file, not a copy the image optimizer made", async ({ playwright, baseURL }) => {
    const editor = await session(playwright, baseURL!, "editor");
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#6ea53a" } }).png().toBuffer();
    const upload = await editor.post("/api/v1/media", { multipart: { file: { name: "to-delete.png", mimeType: "image/png", buffer: png }, alt: "Soon deleted" }, headers: { Origin: new URL(baseURL!).origin } });
    expect(upload.status(), await upload.text()).toBe(201);
    const { id, url } = ((await upload.json()) as { data: { id: string; url: string } }).data;
    const anon = await playwright.request.newContext({ baseURL });
    // Every format a browser may get: AVIF, WebP, or the original's type.
    const optimized = ["image/avif,image/webp,*/*", "image/webp,*/*", "*/*"].map((accept) => ({ path: `/_next/image?url=${encodeURIComponent(url)}&w=640&q=75`, accept }));
    expect((await anon.get(url)).status()).toBe(200);
    for (const { path: optimizedPath, accept } of optimized) expect((await anon.get(optimizedPath, { headers: { accept } })).status(), accept).toBe(200);
    // The optimizer's copies of it, on this server's disk (the build in this checkout).
    const copies = ["image/avif", "image/webp", ""].map((mimeType) => path.join(imagesDir, ImageOptimizerCache.getCacheKey({ href: url, width: 640, quality: 75, mimeType })));
    for (const copy of copies) expect(existsSync(copy), copy).toBe(true);
    expect((await apiJson(editor, "DELETE", `/api/v1/media/${id}`, baseURL!)).status).toBe(204);
    for (const copy of copies) expect(existsSync(copy), copy).toBe(false);
    expect((await anon.get(url)).status()).toBe(404);
    for (const { path: optimizedPath, accept } of optimized) expect((await anon.get(optimizedPath, { headers: { accept } })).status(), accept).not.toBe(200);
    await Promise.all([editor.dispose(), anon.dispose()]);
  });

  test("the OpenAPI document describes the API", async ({ request }) => {
    const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/articles", "/articles/{id}", "/articles/{id}/publish", "/media", "/tokens"]));
  });
});

test.describe("sign-in limits", () => {
  test("wrong password and unknown email get the same answer; repeated failures get 429 with Retry-After, whatever X-Forwarded-For says", async ({ playwright, baseURL }) => {
    const context = await playwright.request.newContext({ baseURL });
    const email = `nobody-${Date.now()}@dellboys.example`;
    const attempt = async (address: string, password: string, forwardedFor: string) => {
      const csrf = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
      return context.post("/api/auth/callback/credentials", {
        form: { email: address, password, csrfToken: csrf.csrfToken },
        headers: { "X-Forwarded-For": forwardedFor },
        maxRedirects: 0,
      });
    };
    const unknown = await attempt(email, "wrong-password-1", "203.0.113.1");
    const wrong = await attempt(staff.author, "wrong-password-1", "203.0.113.2");
    expect(unknown.status()).toBe(wrong.status());
    expect(unknown.headers()["location"]?.replace(/email=[^&]*/, "")).toBe(wrong.headers()["location"]?.replace(/email=[^&]*/, ""));
    let limited = null;
    for (let i = 0; i < 8 && !limited; i++) {
      const response = await attempt(email, `wrong-password-${i}`, `198.51.100.${i + 10}`);
      if (response.status() === 429) limited = response;
    }
    expect(limited, "the account limit holds with a different forged X-Forwarded-For each time").not.toBeNull();
    expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await limited!.json()).error.code).toBe("rate_limited");
    await context.dispose();
  });
});

// A section's slug changes: its page redirects, and so do its later pages and its three feeds, so
// that readers' feed subscriptions follow it (they answered 404).
test("a renamed section's feeds and later pages redirect to the new ones", async ({ playwright, baseURL, request }) => {
  const api = await session(playwright, baseURL!, "editor");
  const run = Math.random().toString(36).slice(2, 8);
  const created = await apiJson<{ id: string }>(api, "POST", "/api/v1/sections", baseURL!, { name: `Feed move ${run}`, slug: `feed-move-${run}` });
  expect(created.status).toBe(201);
  const renamed = await apiJson(api, "PATCH", `/api/v1/sections/${created.body!.data!.id}`, baseURL!, { slug: `feed-moved-${run}` });
  expect(renamed.status).toBe(200);
  for (const below of ["", "/feed.xml", "/feed.atom", "/feed.json", "/page/2"]) {
    const answer = await request.get(`/feed-move-${run}${below}`, { maxRedirects: 0 });
    expect(answer.status(), below).toBe(301);
    expect(new URL(answer.headers()["location"]!, baseURL).pathname, below).toBe(`/feed-moved-${run}${below}`);
  }
  const followed = await request.get(`/feed-move-${run}/feed.xml`);
  expect(followed.status()).toBe(200);
  expect(followed.url()).toMatch(new RegExp(`/feed-moved-${run}/feed\\.xml$`));
  expect(await followed.text()).toContain(`Feed move ${run}`);
  // With no story yet, the section's page is kept out of search results and the sitemap.
  const empty = await (await request.get(`/feed-moved-${run}`)).text();
  expect(empty).toMatch(/<meta name="robots" content="noindex, follow"\/>/);
  expect(await (await request.get("/sitemaps/sections.xml")).text()).not.toContain(`/feed-moved-${run}<`);
  expect(await (await request.get("/sitemaps/sections.xml")).text()).toContain("/politics<");
  await api.dispose();
});

test("a story's modified time is the same on the page, in its metadata and in its structured data, corrections included", async ({ playwright, baseURL, request }) => {
  const api = await session(playwright, baseURL!, "editor");
  const created = await apiJson<{ id: string; version: number }>(api, "POST", "/api/v1/articles", baseURL!, {
    headline: `Modified times agree ${Math.random().toString(36).slice(2, 8)}`,
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "A story to correct." }] }] },
  });
  const { id, version } = created.body!.data!;
  const published = await apiJson<{ path: string }>(api, "POST", `/api/v1/articles/${id}/publish`, baseURL!, { version });
  expect(published.status).toBe(200);
  const path = published.body!.data!.path;
  const correction = await apiJson<{ createdAt: string }>(api, "POST", `/api/v1/articles/${id}/corrections`, baseURL!, { text: "An earlier version gave the wrong day." });
  expect(correction.status).toBe(201);
  const correctedAt = correction.body!.data!.createdAt;
  await expect
    .poll(async () => {
      const html = await (await request.get(path)).text();
      const ld = JSON.parse(/<script type="application\/ld\+json"[^>]*>(\{"@context[^<]*NewsArticle[^<]*)<\/script>/.exec(html)?.[1] ?? "{}") as { dateModified?: string };
      return {
        meta: /<meta property="article:modified_time" content="([^"]+)"/.exec(html)?.[1],
        ld: ld.dateModified,
        shown: /· Updated <time datetime="([^"]+)"/i.exec(html)?.[1],
      };
    })
    .toEqual({ meta: correctedAt, ld: correctedAt, shown: correctedAt });
  await api.dispose();
});

test("a body sent as anything but JSON is a 415 that says so, and creates nothing", async ({ playwright, baseURL }) => {
  const api = await session(playwright, baseURL!, "editor");
  const headline = `Typed wrong ${Math.random().toString(36).slice(2, 8)}`;
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/xml"]) {
    const answer = await api.fetch("/api/v1/articles", { method: "POST", data: JSON.stringify({ headline }), headers: { Origin: new URL(baseURL!).origin, "Content-Type": type } });
    expect(answer.status(), type).toBe(415);
    expect((await answer.json()).error, type).toEqual({ code: "unsupported_type", message: `Send the body as JSON, with Content-Type: application/json (not ${type}).` });
  }
  const found = await apiJson<{ headline: string }[]>(api, "GET", `/api/v1/articles?q=${encodeURIComponent(headline)}`, baseURL!);
  expect(found.body!.data!.filter((a) => a.headline === headline)).toEqual([]);
  // JSON by another name is JSON.
  const merged = await api.fetch("/api/v1/articles", { method: "POST", data: JSON.stringify({ headline }), headers: { Origin: new URL(baseURL!).origin, "Content-Type": "application/merge-patch+json" } });
  expect(merged.status()).toBe(201);
  // A delete without its version is told which is missing (it said "Must be 1 or more.").
  const { id } = ((await merged.json()) as { data: { id: string } }).data;
  const unversioned = await apiJson(api, "DELETE", `/api/v1/articles/${id}`, baseURL!);
  expect(unversioned.status).toBe(422);
  expect(unversioned.body!.error!.fields).toEqual({ version: "The version this change is based on is required." });
  await api.dispose();
});

test("a request nested thousands of levels deep is a 400 with a message, not a crash", async ({ playwright, baseURL }) => {
  const api = await session(playwright, baseURL!, "editor");
  const deep = `{"headline":"Deep","x":${"[".repeat(3000)}${"]".repeat(3000)}}`;
  const answer = await api.fetch("/api/v1/articles", { method: "POST", data: deep, headers: { Origin: new URL(baseURL!).origin, "Content-Type": "application/json" } });
  expect(answer.status()).toBe(400);
  expect((await answer.json()).error).toEqual({ code: "bad_request", message: "The request is nested too deeply: at most 200 levels." });
  await api.dispose();
});
