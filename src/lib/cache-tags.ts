/**
 * Cache tag names, defined once. Reads tag their cached results with these; the publishing
 * service (server/services/publishing.ts) expires them. Nothing else names a tag.
 */
export const cacheTags = {
  settings: "settings",
  sections: "sections",
  /** Every list of public articles (front page, sections, tags, authors, search, feeds). */
  articleLists: "article-lists",
  curation: "curation",
  /** Author names, bios and photos. */
  authors: "authors",
  /** The most-read list, refreshed from the batched view counts. */
  mostRead: "most-read",
  article: (slug: string) => `article:${slug}`,
} as const;
