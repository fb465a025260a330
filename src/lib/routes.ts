/** Public URLs, built in one place. Listing pages have stable path-based page URLs. */
const paged = (base: string, page = 1) => (page > 1 ? `${base === "/" ? "" : base}/page/${page}` : base);

/** Search results: best match first (among the newest matches), or newest first. */
export type SearchSort = "relevance" | "newest";

export const routes = {
  home: () => "/",
  section: (section: string, page?: number) => paged(`/${section}`, page),
  article: (section: string, slug: string) => `/${section}/${slug}`,
  author: (slug: string, page?: number) => paged(`/author/${slug}`, page),
  tag: (slug: string, page?: number) => paged(`/tag/${slug}`, page),
  search: (params: { q?: string; section?: string; sort?: SearchSort; page?: number } = {}) => {
    const query = new URLSearchParams();
    if (params.q) query.set("q", params.q);
    if (params.section) query.set("section", params.section);
    if (params.sort === "newest") query.set("sort", "newest");
    if (params.page && params.page > 1) query.set("page", String(params.page));
    const text = query.toString();
    return text ? `/search?${text}` : "/search";
  },
  /** Feeds: the whole site, or one section, tag or author. */
  feed: (format: FeedFormat, scope?: FeedScope) => `${scope ? feedBase(scope) : ""}/feed.${feedExtension[format]}`,
  sitemapIndex: () => "/sitemap.xml",
  /** Articles published in one month (YYYY-MM), so that no sitemap exceeds 50,000 URLs. */
  sitemapArticles: (month: string) => `/sitemaps/articles-${month}.xml`,
  sitemapPages: (kind: "sections" | "tags" | "authors") => `/sitemaps/${kind}.xml`,
  sitemapNews: () => "/sitemaps/news.xml",
} as const;

export type FeedFormat = "rss" | "atom" | "json";
export type FeedScope = { kind: "section" | "tag" | "author"; slug: string };
const feedExtension: Record<FeedFormat, string> = { rss: "xml", atom: "atom", json: "json" };
function feedBase(scope: FeedScope): string {
  return scope.kind === "section" ? `/${scope.slug}` : `/${scope.kind}/${scope.slug}`;
}

/** An absolute URL on the site (siteUrl from the settings, without a trailing slash). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, `${siteUrl.replace(/\/+$/, "")}/`).toString();
}

/** First path segments that can never be a section slug, and article slugs that would clash. */
export const reservedSlugs = new Set([
  "api", "author", "tag", "search", "sitemaps", "404", "410", "500", "icon", "apple-icon", "logo.png", "dashboard", "signin", "signout", "invite", "preview", "media", "feed", "feeds", "page",
  "sitemap.xml", "robots.txt", "_next", "favicon.ico", "opengraph-image", "static",
]);

/** Page numbers in URLs: "2" → 2; anything else (0, "01", "x", "1") is not a valid page URL. */
export function parsePageParam(value: string): number | null {
  return /^[1-9][0-9]{0,5}$/.test(value) && value !== "1" ? Number(value) : null;
}
