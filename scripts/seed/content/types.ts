/** Shapes of the demo content (re-exported by scripts/seed/content.ts). */

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
}

export interface DemoTag {
  slug: string;
  name: string;
}

export interface DemoAuthor {
  slug: string;
  name: string;
  email: string;
  role: "CONTRIBUTOR" | "AUTHOR" | "EDITOR" | "ADMIN";
  bio: string;
}

export interface DemoArticle {
  slug: string;
  headline: string;
  standfirst: string;
  /** Section slug. */
  section: string;
  /** Tag slugs. */
  tags: string[];
  /** Author slugs, in byline order. */
  authors: string[];
  status: "PUBLISHED" | "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "ARCHIVED";
  /** ISO UTC for PUBLISHED/ARCHIVED articles; null for drafts, articles in review and scheduled ones. */
  publishedAt: string | null;
  /** SCHEDULED only: hours after seeding when it goes live. */
  scheduledInHours?: number;
  /** ISO, only when the article had a real later content update. */
  updatedAt?: string;
  hero: { alt: string; caption: string; credit: string } | null;
  seoTitle?: string;
  seoDescription?: string;
  /** Markup (see scripts/seed/markup.ts); inline images use img:KEY, keys unique per article. */
  body: string;
  /** Optional, not needed when the alt text is in the markup. */
  images?: Record<string, { alt: string }>;
  corrections?: { text: string; at: string }[];
}

/** The demo illustrations are abstract (scripts/seed/images.ts): alt text says so, honestly. */
export const ILLUSTRATION_CREDIT = "Illustration: The Dell Boys";

const ALTS = [
  "Abstract illustration: overlapping circles over soft diagonal bands of muted colour",
  "Illustration: abstract circles and translucent bands in muted tones",
  "Abstract editorial illustration of overlapping circles and diagonal bands",
];

/** A hero for an article: honest alt text, a caption about the story, the house credit. */
export function illustration(caption: string, variant = 0): NonNullable<DemoArticle["hero"]> {
  return { alt: ALTS[variant % ALTS.length]!, caption, credit: ILLUSTRATION_CREDIT };
}
