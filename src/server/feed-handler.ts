import "server-only";
import { feedContentTypes } from "@/lib/feeds";
import type { FeedFormat, FeedScope } from "@/lib/routes";
import { getFeedDocument } from "@/server/data/feeds";
import { cachedResponse } from "@/server/http-cache";
import { pathStatus } from "@/server/path-status";

/**
 * The one GET handler behind all twelve feed routes (site, section, tag, author × RSS, Atom, JSON
 * Feed): look up the cached document, answer 404 for a scope readers cannot see (301 to its new
 * feed when the scope was renamed), and otherwise answer with ETag/Last-Modified so that pollers
 * get 304s.
 */

// Slugs are short; a longer one cannot exist and is not worth a cache entry.
const MAX_SLUG_LENGTH = 200;

function notFound(): Response {
  return new Response("Not found\n", {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=60",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** A feed whose section, tag or author was renamed (301 to the new feed) or removed (410). */
async function movedOrGone(request: Request): Promise<Response | null> {
  const status = await pathStatus(new URL(request.url).pathname);
  if (status?.status === 301) return new Response(null, { status: 301, headers: { Location: status.location, "Cache-Control": "public, max-age=60" } });
  if (status?.status === 410) return new Response("Gone\n", { status: 410, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" } });
  return null;
}

async function respond(request: Request, format: FeedFormat, scope: FeedScope | null): Promise<Response> {
  if (scope && (scope.slug.length === 0 || scope.slug.length > MAX_SLUG_LENGTH)) return notFound();
  const doc = await getFeedDocument(format, scope);
  if (!doc) return (scope && (await movedOrGone(request))) ?? notFound();
  return cachedResponse(request, doc.body, {
    contentType: feedContentTypes[format],
    lastModified: new Date(doc.lastModified),
  });
}

/** GET for the site-wide feed in one format. */
export function siteFeedRoute(format: FeedFormat) {
  return (request: Request): Promise<Response> => respond(request, format, null);
}

/** GET for a section, tag or author feed; `param` names the route's dynamic segment. */
export function scopedFeedRoute<P extends string>(format: FeedFormat, kind: FeedScope["kind"], param: P) {
  return async (request: Request, context: { params: Promise<Record<P, string>> }): Promise<Response> => {
    const params = await context.params;
    return respond(request, format, { kind, slug: params[param] });
  };
}
