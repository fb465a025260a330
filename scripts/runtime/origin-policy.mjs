// Cross-site request forgery, refused at the door: the production server (server.mjs) applies
// crossSiteRefusal to every request before Next.js or the page cache sees it, and the JSON API's
// stricter check (src/server/api/handler.ts) shares ownOrigins. Plain JavaScript, like the server.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The origins this site answers as: its public URL, and the one the request was addressed to
 * (`Host`, or `X-Forwarded-Host`/`-Proto` from the load balancer). A browser sets `Origin` itself,
 * and a page of another site cannot make it send ours.
 * @param {(name: string) => string | null | undefined} header
 * @param {string | undefined} siteUrl
 */
export function ownOrigins(header, siteUrl) {
  const origins = new Set();
  if (siteUrl) origins.add(new URL(siteUrl).origin);
  const host = header("x-forwarded-host") ?? header("host");
  const proto = header("x-forwarded-proto") ?? "http";
  if (host) origins.add(`${proto}://${host}`);
  return origins;
}

/**
 * Why a request must be refused as cross-site, or null. Every method that can change something
 * (server actions, API writes, Auth.js's sign-in and sign-out) is refused when its `Origin` is
 * another site's or `null` (sandboxed frames, `data:` pages, some redirects), or when the browser
 * says it comes from another site (`Sec-Fetch-Site`). Requests with an `Authorization` header carry
 * their own credential (an API token), which browsers never attach by themselves and which a page
 * of another site cannot add without a CORS preflight that this site never grants; requests with
 * no `Origin` at all come from programs, not browsers, and carry only what their sender holds.
 * @param {{ method?: string, header: (name: string) => string | null | undefined }} request
 * @param {string | undefined} siteUrl
 * @returns {string | null}
 */
export function crossSiteRefusal({ method, header }, siteUrl) {
  if (SAFE_METHODS.has(String(method ?? "GET").toUpperCase())) return null;
  if (header("authorization")) return null;
  const origin = header("origin");
  if (origin === "null") return "Cross-site request refused: Origin null.";
  if (origin) return ownOrigins(header, siteUrl).has(origin) ? null : "Cross-site request refused: the Origin header must be this site.";
  if (header("sec-fetch-site") === "cross-site") return "Cross-site request refused (Sec-Fetch-Site).";
  return null;
}
