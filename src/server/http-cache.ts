import "server-only";
import { createHash } from "node:crypto";

/**
 * Conditional GET for machine-readable responses (feeds, sitemaps): a strong ETag of the body
 * and Last-Modified from the newest content, answering 304 when the client already has it, and
 * Cache-Control suited to a CDN in front (short fresh time, longer stale-while-revalidate).
 */
export function cachedResponse(
  request: Request,
  body: string,
  options: { contentType: string; lastModified: Date | null; maxAge?: number; staleWhileRevalidate?: number },
): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers = new Headers({
    "Content-Type": options.contentType,
    ETag: etag,
    "Cache-Control": `public, max-age=${options.maxAge ?? 300}, stale-while-revalidate=${options.staleWhileRevalidate ?? 3600}`,
    "X-Content-Type-Options": "nosniff",
  });
  // HTTP dates have one-second precision.
  const lastModified = options.lastModified ? new Date(Math.floor(options.lastModified.getTime() / 1000) * 1000) : null;
  if (lastModified) headers.set("Last-Modified", lastModified.toUTCString());

  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  const matches = ifNoneMatch
    ? ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*")
    : lastModified !== null && ifModifiedSince !== null && Date.parse(ifModifiedSince) >= lastModified.getTime();
  if (matches) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
