import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/article/article-view";
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
  const found = await getArticle(slug);
  if (found.kind !== "found") return {};
  const a = found.article;
  return {
    title: a.seoTitle || a.headline,
    description: a.seoDescription || a.standfirst,
    alternates: { canonical: a.url },
  };
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
    <ArticleView
      article={article}
      canonicalUrl={settings.siteUrl + article.url}
      related={related}
      editorsPicks={editorsPicks}
    />
  );
}
