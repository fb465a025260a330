import "server-only";
import { createHash } from "node:crypto";
import { slugify } from "@/lib/schemas/article";

/**
 * A tag's, section's or author's slug from a name: slugify's, or, for a name without a letter or
 * digit a slug can keep ("日本", "🔥"), one made from the name itself ("tag-" and a hash of it, the
 * same for the name in any case or Unicode form). Such names all had the slug "article": a second
 * one was taken for the first (a writer's tag "日本" became the existing tag "🔥"), or refused as a
 * slug already in use.
 */
export function nameSlug(name: string, kind: "tag" | "section" | "author"): string {
  const slug = slugify(name, 60, "");
  if (slug) return slug;
  const hash = createHash("sha256").update(name.normalize("NFKC").trim().toLowerCase()).digest("hex");
  return `${kind}-${hash.slice(0, 12)}`;
}
