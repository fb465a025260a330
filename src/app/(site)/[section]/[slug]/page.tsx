import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/article/article-view";
import { JsonLd } from "@/components/seo/json-ld";
import { absoluteUrl, routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { articleModifiedAt, breadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/structured-data";
import {
  getArticle,
  getEditorsPicks,
  getRecentArticleParams,
  getRelated,
  getSiteSettings,
} from "@/server/data/articles";

type Params = { section: string; slug: string };

// The complete page is static output: for a slug not prerendered at build time the first request
// waits for it (no streamed shell), so a missing article answers 404 on its very first request.
export const ensureStatic = "navigation";

export async function generateStaticParams(): Promise<Params[]> {
  return getRecentArticleParams(20);
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params;
  const [found, settings] = await Promise.all([getArticle(slug), getSiteSettings()]);
  if (found.kind !== "found") notFound();
  const a = found.article;
  return pageMetadata(settings, {
    title: a.seoTitle || a.headline,
    description: a.seoDescription || a.standfirst || a.headline,
    path: a.url,
    // og:image comes from opengraph-image.tsx beside this page.
    image: "file",
    article: {
      publishedTime: a.publishedAt,
      // As the page and its structured data say: the last update or correction.
      modifiedTime: articleModifiedAt(a),
      section: a.section.name,
      authors: a.authors.map((author) => absoluteUrl(settings.siteUrl, routes.author(author.slug))),
      tags: a.tags.map((t) => t.name),
    },
  });
}

export default async function ArticlePage({ params }: { params: Promise<Params> }) {
  const { section, slug } = await params;
  const found = await getArticle(slug);
  // Decided before anything streams, so the very first request already answers 404.
  if (found.kind !== "found") notFound();
  const article = found.article;
  if (article.section.slug !== section) permanentRedirect(article.url);
  const [related, editorsPicks, settings] = await Promise.all([
    getRelated({ id: article.id, sectionId: article.sectionId, tagIds: article.tagIds }),
    getEditorsPicks(),
    getSiteSettings(),
  ]);
  return (
    <>
      <JsonLd data={newsArticleJsonLd(article, settings)} />
      <JsonLd
        data={breadcrumbJsonLd(settings, [
          { name: article.section.name, path: routes.section(article.section.slug) },
          { name: article.headline, path: article.url },
        ])}
      />
      <ArticleView
        article={article}
        canonicalUrl={settings.siteUrl + article.url}
        related={related}
        editorsPicks={editorsPicks}
      />
    </>
  );
}
