/** Public URLs, built in one place. */
export const routes = {
  home: () => "/",
  section: (section: string) => `/${section}`,
  article: (section: string, slug: string) => `/${section}/${slug}`,
  author: (slug: string) => `/author/${slug}`,
  tag: (slug: string) => `/tag/${slug}`,
  search: (q?: string) => (q ? `/search?q=${encodeURIComponent(q)}` : "/search"),
} as const;

/** First path segments that can never be a section slug. */
export const reservedSlugs = new Set([
  "api", "author", "tag", "search", "dashboard", "signin", "signout", "media", "feed", "feeds",
  "sitemap.xml", "robots.txt", "_next", "favicon.ico", "opengraph-image", "static",
]);
