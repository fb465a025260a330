import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import type { SearchSort } from "@/lib/routes";
import { searchArticles, searchNamePages, type SearchPage } from "@/server/data/search-queries";

export { MAX_QUERY_LENGTH, normalizeSearchQuery, type NamePage, type SearchPage, type SearchResult } from "@/server/data/search-queries";

/**
 * Search results for reader pages, cached per query, section and page. Tagged as an article list,
 * so publishing or unpublishing anything expires them. Pass a query already normalised with
 * normalizeSearchQuery, so that spellings of one query share an entry.
 */
export async function getSearchResults(q: string, section: string | undefined, page: number, sort: SearchSort): Promise<SearchPage | null> {
  "use cache";
  cacheTag(cacheTags.articleLists);
  cacheLife("minutes");
  return searchArticles({ q, section, page, sort });
}

/** The tag and writer pages named by a (normalised) query, cached as the results are. */
export async function getSearchNamePages(q: string) {
  "use cache";
  cacheTag(cacheTags.articleLists, cacheTags.authors);
  cacheLife("minutes");
  return searchNamePages(q);
}
