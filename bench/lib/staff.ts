/** A signed-in staff member for the benchmark scripts: the JSON API with a session cookie. */

export type Api = <T>(method: string, path: string, data?: unknown) => Promise<{ status: number; data: T }>;

/**
 * Signs in through Auth.js's own endpoints (CSRF token, credentials callback), keeps the cookies by
 * hand, and calls the JSON API with this site's Origin (cookie-authenticated writes need it).
 * Throws when the sign-in did not work.
 */
export async function staffSession(base: string, email = "editor@dellboys.example"): Promise<Api> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [name, ...value] = cookie.split(";")[0]!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const form = new URLSearchParams({ email, password: process.env.ADMIN_PASSWORD ?? "dellboys-demo-2026", csrfToken });
  keep(await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", body: form, headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" }));
  const api: Api = async <T>(method: string, path: string, data?: unknown) => {
    const response = await fetch(base + path, {
      method,
      headers: { cookie: cookie(), origin: new URL(base).origin, ...(data ? { "content-type": "application/json" } : {}) },
      body: data ? JSON.stringify(data) : undefined,
    });
    const body = (await response.json().catch(() => ({}))) as { data: T };
    return { status: response.status, data: body.data };
  };
  if ((await api("GET", "/api/v1/media")).status !== 200) throw new Error(`could not sign in as ${email}`);
  return api;
}

/** A one-paragraph article body. */
export const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
