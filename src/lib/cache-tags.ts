/**
 * Cache tag names, defined once. Reads tag their cached results with these; the publishing
 * service (server/services/publishing.ts) expires them. Nothing else names a tag.
 */
export const cacheTags = {
  settings: "settings",
  sections: "sections",
  /**
   * Every list of public articles that any story may enter (front page, sections, tags, authors,
   * search, feeds, sitemaps). Article pages do not carry it: their rails name what they list
   * (`storyNeighbourhood`, the picks' own stories), so a publication does not expire the archive.
   */
  articleLists: "article-lists",
  curation: "curation",
  /** Author names, bios and photos. */
  authors: "authors",
  /** The most-read list, refreshed from the batched view counts. */
  mostRead: "most-read",
  article: (slug: string) => `article:${slug}`,
  /** The public stories of one section, as a related-stories rail may list them. */
  sectionStories: (sectionId: string) => `section-stories:${sectionId}`,
  /** The public stories carrying one tag, likewise. */
  tagStories: (tagId: string) => `tag-stories:${tagId}`,
} as const;

/**
 * The tags of the stories "near" one (its section's, each of its tags'). A related-stories rail
 * lists only stories that share the section or a tag with its article, so it carries these; a
 * change to a story expires them for its section and tags, before and after the change.
 */
export function storyNeighbourhood(story: { sectionId: string; tagIds: string[] }): string[] {
  return [cacheTags.sectionStories(story.sectionId), ...story.tagIds.map(cacheTags.tagStories)];
}
