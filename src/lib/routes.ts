/** Public URLs, built in one place. Listing pages have stable path-based page URLs. */
const paged = (base: string, page = 1) => (page > 1 ? `${base === "/" ? "" : base}/page/${page}` : base);

export const routes = {
  home: () => "/",
  section: (section: string, page?: number) => paged(`/${section}`, page),
  article: (section: string, slug: string) => `/${section}/${slug}`,
  author: (slug: string, page?: number) => paged(`/author/${slug}`, page),
  tag: (slug: string, page?: number) => paged(`/tag/${slug}`, page),
  search: (params: { q?: string; section?: string; page?: number } = {}) => {
    const query = new URLSearchParams();
    if (params.q) query.set("q", params.q);
    if (params.section) query.set("section", params.section);
    if (params.page && params.page > 1) query.set("page", String(params.page));
    const text = query.toString();
    return text ? `/search?${text}` : "/search";
  },
} as const;

/** First path segments that can never be a section slug, and article slugs that would clash. */
export const reservedSlugs = new Set([
  "api", "author", "tag", "search", "dashboard", "signin", "signout", "media", "feed", "feeds", "page",
  "sitemap.xml", "robots.txt", "_next", "favicon.ico", "opengraph-image", "static",
]);

/** Page numbers in URLs: "2" → 2; anything else (0, "01", "x", "1") is not a valid page URL. */
export function parsePageParam(value: string): number | null {
  return /^[1-9][0-9]{0,5}$/.test(value) && value !== "1" ? Number(value) : null;
}
