import "server-only";
import { prisma } from "@/server/db";
import { isPublic } from "@/server/data/visibility";
import { reservedSlugs, routes } from "@/lib/routes";
import { logEvent } from "@/server/log";

/**
 * What an old or retired path should answer before any page renders: 301 to its new URL (a
 * Redirect row: slug or section changed), 410 when the article at it was public once and no
 * longer is (archived, unpublished, deleted: a Redirect row without a target, or derived from the
 * article itself), or nothing. Used by the proxy, so answers are kept per path for a few seconds:
 * a hot article costs one lookup per interval, not one per request.
 */
export type PathStatus = { status: 301; location: string } | { status: 410 } | null;

const TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;
// On globalThis: the proxy and the route handlers are bundled separately but run in one process,
// and forgetPathStatus() (called when an article changes) must clear the proxy's copy.
const memo: Map<string, { value: PathStatus; expires: number }> = ((globalThis as { __pathStatusMemo?: Map<string, { value: PathStatus; expires: number }> }).__pathStatusMemo ??= new Map());

/** Paths that could be an article ("/section/slug"); everything else is left alone. */
function articleSlugOf(path: string): string | null {
  const match = /^\/([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(path);
  if (!match || reservedSlugs.has(match[1]!) || match[2] === "page") return null;
  return match[2]!;
}

/**
 * The article that lives at a path decides first: public, it is served; public once, the path is
 * gone (410). A redirect or 410 row left at the path by an earlier article (moved away, deleted)
 * applies only when no article has been public there since: a new story that takes a slug an
 * older one gave up was redirected to the older story, unreachable at its own URL.
 */
async function lookup(path: string): Promise<PathStatus> {
  const slug = articleSlugOf(path);
  const article = slug
    ? await prisma.article.findUnique({
        where: { slug },
        select: { status: true, publishedAt: true, firstPublishedAt: true, section: { select: { slug: true } } },
      })
    : null;
  if (article && routes.article(article.section.slug, slug!) === path) {
    if (isPublic(article)) return null;
    if (article.firstPublishedAt) return { status: 410 };
  }
  const redirect = await prisma.redirect.findUnique({ where: { fromPath: path } });
  if (redirect) return redirect.toPath ? { status: 301, location: redirect.toPath } : { status: 410 };
  if (article && article.firstPublishedAt && !isPublic(article)) return { status: 410 };
  // A listing's later pages and feeds follow the listing: a renamed section's "/politics/feed.xml"
  // goes where "/politics" went, and feed readers keep their subscription.
  const below = BELOW_LISTING.exec(path);
  if (below) {
    const listing = await prisma.redirect.findUnique({ where: { fromPath: below[1]! } });
    if (listing) return listing.toPath ? { status: 301, location: `${listing.toPath}${below[2]}` } : { status: 410 };
  }
  return null;
}

/** A section's, tag's or author's later pages and feeds: the listing's path, then what is below it. */
const BELOW_LISTING = /^(\/(?:tag\/|author\/)?[a-z0-9-]+)(\/page\/[1-9][0-9]*|\/feed\.(?:xml|atom|json))$/;

export async function pathStatus(path: string): Promise<PathStatus> {
  const now = Date.now();
  const hit = memo.get(path);
  if (hit && hit.expires > now) return hit.value;
  let value: PathStatus;
  try {
    value = await lookup(path);
  } catch (error) {
    // The database is unreachable: answer with what was known (or "nothing special") so that the
    // page itself can still come from the caches, instead of failing every request here.
    logEvent("warn", "path status unavailable; serving without it", { path, error: (error as Error).message.split("\n")[0] });
    return hit?.value ?? null;
  }
  memo.delete(path);
  memo.set(path, { value, expires: now + TTL_MS });
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  return value;
}

/** Forget cached answers (after a publish, unpublish or slug change on this instance). */
export function forgetPathStatus(paths?: string[]): void {
  if (!paths) memo.clear();
  else for (const p of paths) memo.delete(p);
}
