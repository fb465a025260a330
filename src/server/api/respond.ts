import "server-only";

/** JSON answers of the API: `{ data, meta? }` on success, `{ error: { code, message, fields? } }` on failure. */

const noStore = { "Cache-Control": "private, no-store", "Content-Type": "application/json; charset=utf-8" };

export function apiJson(data: unknown, init: { status?: number; meta?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
  const body = init.meta ? { data, meta: init.meta } : { data };
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers: { ...noStore, ...init.headers } });
}

export function apiError(status: number, code: string, message: string, fields?: Record<string, string>, headers?: Record<string, string>, extra?: Record<string, unknown>) {
  const error = { code, message, ...(fields ? { fields } : {}), ...(extra ?? {}) };
  return new Response(JSON.stringify({ error }), { status, headers: { ...noStore, ...headers } });
}
