import "server-only";
import { createHash } from "node:crypto";
import { CONSONANTAL_SCRIPT, slugify } from "@/lib/schemas/article";

/**
 * A tag's, section's or author's slug from a name: slugify's (with a hash of the name after it for
 * Arabic-script and Hebrew names, see below), or, for a name without a letter or
 * digit a slug can keep ("日本", "🔥"), one made from the name itself ("tag-" and a hash of it, the
 * same for the name in any case or Unicode form). Such names all had the slug "article": a second
 * one was taken for the first (a writer's tag "日本" became the existing tag "🔥"), or refused as a
 * slug already in use.
 */
export function nameSlug(name: string, kind: "tag" | "section" | "author"): string {
  const slug = slugify(name, 60, "");
  const hash = () => createHash("sha256").update(name.normalize("NFKC").trim().toLowerCase()).digest("hex");
  if (!slug) return `${kind}-${hash().slice(0, 12)}`;
  // Spelled without its vowels, a name in Arabic script or Hebrew can share its slug with another
  // word ("علا" and "على" are both "ala"). A hash of the name keeps them apart: a new tag is never
  // taken for another that merely shares its spelling.
  if (CONSONANTAL_SCRIPT.test(name)) return `${slug.slice(0, 51).replace(/-+$/, "")}-${hash().slice(0, 8)}`;
  return slug;
}
