import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { distDir } from "../../scripts/runtime/dist-dir.mjs";
import { apiJson, apiSession, sameOrigin, signIn, uniqueHeadline } from "./staff";

// Cross-site request forgery: a signed-in editor visits another site, which posts to ours with the
// editor's cookies. Every server action and every state-changing route must refuse it, whether the
// browser says `Origin: https://evil.example` or `Origin: null` (sandboxed frames, data: pages),
// and a forged `x-middleware-subrequest` (CVE-2025-29927) must change nothing.

const root = process.cwd();
const foreign = ["https://evil.example", "null"];
const refused = /^Cross-site request refused/;

/** The app's server actions, from the build's own manifest: all of them, and the page each posts to. */
function serverActions(): { id: string; name: string; path: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir(root), "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename.startsWith("src/server/actions/"))
    .map(([id, entry]) => ({ id, name: entry.exportedName, path: pagePath(Object.keys(entry.workers)[0]!) }));
}

/** "app/(dashboard)/dashboard/articles/[id]/page" → "/dashboard/articles/1". */
function pagePath(worker: string): string {
  const segments = worker.replace(/^app\//, "").replace(/\/page$/, "").split("/");
  return "/" + segments.filter((s) => !/^\(.*\)$/.test(s)).map((s) => (s.startsWith("[") ? "1" : s)).join("/");
}

/** Every route handler that exports a method able to change something, with a URL that reaches it. */
function writeRoutes(): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const url = "/" + path.relative(path.join(root, "src/app"), path.dirname(full)).split(path.sep)
          .filter((s) => !/^\(.*\)$/.test(s))
          .map((s) => (s === "[...nextauth]" ? "callback/credentials" : s === "[...key]" ? "x.jpg" : s === "[action]" ? "publish" : s.startsWith("[") ? "1" : s))
          .join("/");
        for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
          if (new RegExp(`export (const|async function|function) ${method}\\b|export const \\{[^}]*\\b${method}\\b`).test(source)) routes.push({ method, path: url });
        }
      }
    }
  };
  walk(path.join(root, "src/app"));
  return routes;
}

test.describe("cross-site requests", () => {
  let admin: APIRequestContext;
  test.beforeAll(async ({ playwright, baseURL }) => {
    admin = await apiSession(playwright, baseURL!, "admin", { sendOrigin: false });
  });
  test.afterAll(async () => admin.dispose());

  test("every server action refuses another site's Origin, Origin null and Sec-Fetch-Site: cross-site", async () => {
    const actions = serverActions();
    expect(actions.length, "server actions found in the build").toBeGreaterThanOrEqual(20);
    for (const action of actions) {
      const attempts: Record<string, string>[] = [
        ...foreign.map((origin) => ({ Origin: origin })),
        { "Sec-Fetch-Site": "cross-site" },
        { Origin: "https://evil.example", "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy" },
      ];
      for (const headers of attempts) {
        const response = await admin.post(action.path, {
          headers: { ...headers, "Next-Action": action.id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
          data: "[]",
          maxRedirects: 0,
        });
        expect(response.status(), `${action.name} at ${action.path} with ${JSON.stringify(headers)}`).toBe(403);
        expect(await response.text()).toMatch(refused);
      }
    }
  });

  test("every state-changing route refuses another site's Origin, even for a signed-in admin", async () => {
    const routes = writeRoutes();
    // The API's writes, media uploads, token and curation routes, views, Auth.js, the expiry relay.
    expect(routes.length, "write routes found").toBeGreaterThanOrEqual(15);
    expect(routes).toContainEqual({ method: "POST", path: "/api/auth/callback/credentials" });
    for (const route of routes) {
      for (const origin of foreign) {
        const response = await admin.fetch(route.path, { method: route.method, headers: { Origin: origin, "Content-Type": "application/json" }, data: "{}", maxRedirects: 0 });
        expect(response.status(), `${route.method} ${route.path} from ${origin}`).toBe(403);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("forbidden");
        expect(body.error.message).toMatch(refused);
      }
    }
  });

  test("a refused action changes nothing; the same form from this site works", async ({ page, baseURL }) => {
    const name = uniqueHeadline("Cross-site section");
    const sectionNames = async () =>
      ((await apiJson<{ name: string }[]>(admin, "GET", "/api/v1/sections", baseURL!)).body?.data ?? []).map((s) => s.name);
    await signIn(page, "admin", "/dashboard/taxonomy");

    // The browser posts the form, but as if from another site: the request is sent on with its
    // Origin rewritten (by Playwright: Chromium will not let a page change it) and the answer given back.
    await page.route("**/dashboard/taxonomy", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      await route.fulfill({ response: await route.fetch({ headers: { ...route.request().headers(), origin: "https://evil.example" } }) });
    });
    const refusal = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/dashboard/taxonomy"));
    await page.locator("#new-section-name").fill(name);
    await page.getByRole("button", { name: "Create section" }).click();
    expect((await refusal).status()).toBe(403);
    expect(await sectionNames()).not.toContain(name);

    // The same form, really from this site: saved.
    await page.unrouteAll();
    await page.goto("/dashboard/taxonomy");
    await page.locator("#new-section-name").fill(name);
    await page.getByRole("button", { name: "Create section" }).click();
    await expect.poll(sectionNames).toContain(name);

    const created = (await apiJson<{ id: string; name: string }[]>(admin, "GET", "/api/v1/sections", baseURL!)).body!.data!.find((s) => s.name === name)!;
    expect((await admin.delete(`/api/v1/sections/${created.id}`, { headers: sameOrigin(baseURL!) })).status()).toBeLessThan(300);
  });
});
