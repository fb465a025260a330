import "server-only";
import type { EditorArticle } from "@/server/services/articles";
import type { StaffArticleRow } from "@/server/data/dashboard";
import { routes } from "@/lib/routes";
import { mediaUrl } from "@/lib/media";

/**
 * Who an article is shown to: staff get the newsroom's own fields too (workflow status, the
 * version to save against, when and by whom it was last touched); the public, what readers see.
 */
export type ArticleView = "staff" | "public";

/** The newsroom's fields, left out of public reads (the OpenAPI document names them too). */
export const NEWSROOM_FIELDS = ["status", "version", "updatedAt", "lastEditedBy", "returned"] as const;
type NewsroomField = (typeof NEWSROOM_FIELDS)[number];

function forView<T extends Record<NewsroomField, unknown>>(row: T, view: ArticleView): T | Omit<T, NewsroomField> {
  if (view === "staff") return row;
  return Object.fromEntries(Object.entries(row).filter(([field]) => !(NEWSROOM_FIELDS as readonly string[]).includes(field))) as Omit<T, NewsroomField>;
}

/** An editor's note from sending it back from review, while it stands; else null. */
function returnedOf(a: { returnNote: string | null; returnedAt: Date | null; returnedBy: { name: string } | null }) {
  return a.returnNote ? { note: a.returnNote, at: a.returnedAt, by: a.returnedBy } : null;
}

/** What the API returns for an article. */
export function apiArticle(a: EditorArticle, view: ArticleView = "staff") {
  const article = {
    id: a.id,
    slug: a.slug,
    path: routes.article(a.section.slug, a.slug),
    status: a.status,
    version: a.version,
    headline: a.headline,
    standfirst: a.standfirst,
    body: a.body,
    section: a.section,
    tags: a.tags.map((t) => t.tag),
    authors: a.authors.map((x) => x.user),
    heroImage: a.heroImage ? { id: a.heroImage.id, url: mediaUrl(a.heroImage.storageKey), alt: a.heroImage.alt, width: a.heroImage.width, height: a.heroImage.height } : null,
    heroCaption: a.heroCaption,
    heroCredit: a.heroCredit,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    corrections: a.corrections,
    publishedAt: a.publishedAt,
    firstPublishedAt: a.firstPublishedAt,
    contentUpdatedAt: a.contentUpdatedAt,
    updatedAt: a.updatedAt,
    lastEditedBy: a.lastEditedBy,
    returned: returnedOf(a),
  };
  return forView(article, view);
}

/** What the API's article list returns for each article. */
export function apiArticleSummary(a: StaffArticleRow, view: ArticleView = "staff") {
  const summary = {
    id: a.id,
    slug: a.slug,
    path: routes.article(a.section.slug, a.slug),
    status: a.status,
    version: a.version,
    headline: a.headline,
    section: a.section,
    authors: a.authors.map((x) => x.user),
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    lastEditedBy: a.lastEditedBy,
    returned: returnedOf(a),
  };
  return forView(summary, view);
}
