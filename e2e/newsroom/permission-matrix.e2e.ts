import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiSession, staff, type Role } from "./staff";

// Every state-changing article route × every role (and anonymous) × own or someone else's
// article, draft or published, over HTTP against the real server. The expected answers are
// written out from DESIGN.md's permission table, not computed from the code under test. A refused
// request must leave the article exactly as it was.

type Target = "ownDraft" | "ownPublished" | "otherDraft" | "otherPublished";
const targets: Target[] = ["ownDraft", "ownPublished", "otherDraft", "otherPublished"];
type Op = { name: string; method: string; path: (id: string, version: number) => string; body?: (version: number) => unknown };

const ops: Op[] = [
  { name: "save", method: "PATCH", path: (id) => `/api/v1/articles/${id}`, body: (version) => ({ version, headline: "Changed by the matrix" }) },
  { name: "submit", method: "POST", path: (id) => `/api/v1/articles/${id}/submit`, body: (version) => ({ version }) },
  { name: "publish", method: "POST", path: (id) => `/api/v1/articles/${id}/publish`, body: (version) => ({ version }) },
  { name: "unpublish", method: "POST", path: (id) => `/api/v1/articles/${id}/unpublish`, body: (version) => ({ version }) },
  { name: "archive", method: "POST", path: (id) => `/api/v1/articles/${id}/archive`, body: (version) => ({ version }) },
  { name: "correct", method: "POST", path: (id) => `/api/v1/articles/${id}/corrections`, body: () => ({ text: "An earlier version misspelt a name." }) },
  { name: "delete", method: "DELETE", path: (id, version) => `/api/v1/articles/${id}?version=${version}` },
  { name: "revisions", method: "GET", path: (id) => `/api/v1/articles/${id}/revisions` },
  { name: "read", method: "GET", path: (id) => `/api/v1/articles/${id}` },
  { name: "share", method: "POST", path: (id) => `/api/v1/articles/${id}/preview-links`, body: () => ({ label: "the matrix" }) },
  { name: "links", method: "GET", path: (id) => `/api/v1/articles/${id}/preview-links` },
  { name: "unshare", method: "POST", path: (id) => `/api/v1/articles/${id}/stop-preview-links` },
];

// [ownDraft, ownPublished, otherDraft, otherPublished]
const editorRow = { save: [200, 200, 200, 200], submit: [200, 409, 200, 409], publish: [200, 200, 200, 200], unpublish: [409, 200, 409, 200], archive: [200, 200, 200, 200], correct: [409, 201, 409, 201], delete: [204, 204, 204, 204], revisions: [200, 200, 200, 200], read: [200, 200, 200, 200], share: [201, 201, 201, 201], links: [200, 200, 200, 200], unshare: [200, 200, 200, 200] };
const expected: Record<Role, Record<string, number[]>> = {
  contributor: { save: [200, 403, 403, 403], submit: [200, 403, 403, 403], publish: [403, 403, 403, 403], unpublish: [403, 403, 403, 403], archive: [403, 403, 403, 403], correct: [403, 403, 403, 403], delete: [204, 403, 403, 403], revisions: [200, 200, 403, 403], read: [200, 200, 403, 200], share: [403, 403, 403, 403], links: [403, 403, 403, 403], unshare: [403, 403, 403, 403] },
  author: { save: [200, 200, 403, 403], submit: [200, 409, 403, 403], publish: [200, 200, 403, 403], unpublish: [409, 200, 403, 403], archive: [200, 200, 403, 403], correct: [403, 403, 403, 403], delete: [204, 204, 403, 403], revisions: [200, 200, 403, 403], read: [200, 200, 403, 200], share: [201, 201, 403, 403], links: [200, 200, 403, 403], unshare: [200, 200, 403, 403] },
  editor: editorRow,
  admin: editorRow,
};


type Article = { id: string; version: number; status: string; headline: string; corrections: unknown[] };
const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Matrix body text." }] }] };

test.describe.configure({ mode: "serial" });

test("article routes × roles × ownership", async ({ playwright, baseURL }) => {
  test.setTimeout(240_000);
  const sessions = Object.fromEntries(await Promise.all((Object.keys(staff) as Role[]).map(async (r) => [r, await apiSession(playwright, baseURL!, r)] as const))) as Record<Role, APIRequestContext>;
  const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
  const read = async (id: string) => ((await (await sessions.admin.get(`/api/v1/articles/${id}`)).json()) as { data: Article }).data;

  /** A fresh article for one case: written by `owner`; published by an editor when asked. */
  async function fixture(owner: Role, published: boolean): Promise<Article> {
    const created = await sessions[owner].post("/api/v1/articles", { data: { headline: `Matrix ${owner} ${Date.now()}`, body } });
    expect(created.status(), `create as ${owner}`).toBe(201);
    let article = ((await created.json()) as { data: Article }).data;
    if (published) {
      const done = await sessions.editor.post(`/api/v1/articles/${article.id}/publish`, { data: { version: article.version } });
      expect(done.status()).toBe(200);
      article = ((await done.json()) as { data: Article }).data;
    }
    return article;
  }

  const failures: string[] = [];
  for (const role of Object.keys(expected) as Role[]) {
    const other: Role = role === "editor" || role === "admin" ? "author" : "editor";
    for (const op of ops) {
      for (const [i, target] of targets.entries()) {
        const article = await fixture(target.startsWith("own") ? role : other, target.endsWith("Published"));
        const before = await read(article.id);
        const response = await sessions[role].fetch(op.path(article.id, article.version), { method: op.method, data: op.body?.(article.version) });
        const want = expected[role][op.name]![i]!;
        if (response.status() !== want) failures.push(`${role} ${op.name} ${target}: ${response.status()}, expected ${want}`);
        if (want >= 400 && response.status() >= 400) {
          const body = (await response.json()) as { error?: { code: string; message: string } };
          if (!body.error?.code || !body.error.message) failures.push(`${role} ${op.name} ${target}: no error shape`);
          const after = await read(article.id);
          if (JSON.stringify([after.version, after.status, after.headline, after.corrections.length]) !== JSON.stringify([before.version, before.status, before.headline, before.corrections.length])) {
            failures.push(`${role} ${op.name} ${target}: refused but the article changed`);
          }
        }
      }
    }
  }
  // Anonymous: nothing but public reads (a draft does not exist for them).
  const published = await fixture("author", true);
  for (const op of ops) {
    const response = await anonymous.fetch(op.path(published.id, published.version), { method: op.method, data: op.body?.(published.version) });
    const want = op.name === "read" ? 200 : 401;
    if (response.status() !== want) failures.push(`anonymous ${op.name}: ${response.status()}, expected ${want}`);
  }
  const draft = await fixture("author", false);
  const hidden = await anonymous.get(`/api/v1/articles/${draft.id}`);
  if (hidden.status() !== 404) failures.push(`anonymous read of a draft: ${hidden.status()}, expected 404`);
  expect((await read(published.id)).version).toBe(published.version);
  expect(failures).toEqual([]);
  await Promise.all([...Object.values(sessions), anonymous].map((c) => c.dispose()));
});
