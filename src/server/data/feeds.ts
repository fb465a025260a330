import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { toAtom, toJsonFeed, toRss } from "@/lib/feeds";
import type { FeedFormat, FeedScope } from "@/lib/routes";
import { feedFor } from "@/server/data/feed-queries";

/**
 * Cached feeds ('use cache' + tags from lib/cache-tags.ts). The finished document is cached, not
 * only the rows: feed readers poll the same few URLs all day, and a repeated request then costs
 * neither a query nor rendering 50 full articles. The queries live in feed-queries.ts.
 */

export interface FeedDocument {
  body: string;
  /** ISO 8601: the newest change among the listed articles (Last-Modified). */
  lastModified: string;
}

const serializers = { rss: toRss, atom: toAtom, json: toJsonFeed } satisfies Record<FeedFormat, unknown>;

/** A feed in one format; null when its scope does not exist for readers. */
export async function getFeedDocument(format: FeedFormat, scope: FeedScope | null): Promise<FeedDocument | null> {
  "use cache";
  // Like the listing pages: a scheduled story appears within minutes of its time on every instance.
  cacheLife("minutes");
  // Any list change, a renamed section or author, the site's name or URL, and an edit to any
  // listed article (feeds carry the full text) each expire the feed.
  cacheTag(cacheTags.articleLists, cacheTags.sections, cacheTags.authors, cacheTags.settings);
  const result = await feedFor(scope);
  if (!result) return null;
  if (result.articleSlugs.length) cacheTag(...result.articleSlugs.map(cacheTags.article));
  return { body: serializers[format](result.feed), lastModified: result.feed.updated };
}
