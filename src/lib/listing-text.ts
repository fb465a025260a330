/** The description of a section, tag or author page (and its feed) when staff wrote none. */
export function listingDescription(
  kind: "section" | "tag" | "author",
  entity: { name: string; description?: string; bio?: string },
): string {
  const own = kind === "author" ? entity.bio : entity.description;
  if (own) return own;
  if (kind === "section") return `The latest ${entity.name} news.`;
  if (kind === "tag") return `Stories tagged ${entity.name}.`;
  return `Stories by ${entity.name}.`;
}
