import "server-only";
import type { EditorArticle } from "@/server/services/articles";
import type { StaffArticleRow } from "@/server/data/dashboard";
import { routes } from "@/lib/routes";
import { mediaUrl } from "@/lib/media";

/** What the API returns for articles: the same shape for staff and public reads. */
export function apiArticle(a: EditorArticle) {
  return {
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
  };
}

export function apiArticleSummary(a: StaffArticleRow) {
  return {
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
  };
}
