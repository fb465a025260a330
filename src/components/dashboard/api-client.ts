/** The dashboard's calls to /api/v1 (same origin, session cookie): one result shape. */
export type ApiFailure = { code: string; message: string; fields?: Record<string, string>; currentVersion?: number; lastEditedBy?: string | null; updatedAt?: string };
export type ApiResult<T> = { ok: true; status: number; data: T; meta?: Record<string, unknown> } | { ok: false; status: number; error: ApiFailure };

export async function callApi<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    const isForm = typeof FormData !== "undefined" && body instanceof FormData;
    response = await fetch(path, {
      method,
      headers: body === undefined || isForm ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, error: { code: "offline", message: "Could not reach the server. Check your connection; nothing was lost." } };
  }
  if (response.status === 204) return { ok: true, status: 204, data: undefined as T };
  const json = (await response.json().catch(() => null)) as { data?: T; meta?: Record<string, unknown>; error?: ApiFailure } | null;
  if (response.ok && json && "data" in json) return { ok: true, status: response.status, data: json.data as T, ...(json.meta ? { meta: json.meta } : {}) };
  return { ok: false, status: response.status, error: json?.error ?? { code: "unknown", message: `The server answered ${response.status}.` } };
}
