import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ArticleView } from "@/components/article/article-view";
import { absoluteUrl } from "@/lib/routes";
import { previewArticle } from "@/server/data/article-queries";
import { getEditorsPicks, getSiteSettings } from "@/server/data/articles";

/**
 * An article, public or not, as readers will see it, under a note saying it is a preview: for the
 * staff preview and preview links, once the page has checked who may see it. 404 when it is gone.
 */
export async function ArticlePreview({ id, note }: { id: string; note: ReactNode }) {
  const [article, editorsPicks, settings] = await Promise.all([previewArticle(id), getEditorsPicks(), getSiteSettings()]);
  if (!article) notFound();
  return (
    <>
      <p role="note" className="mb-4 rounded-md border border-accent px-3 py-2 text-sm font-semibold text-accent-ink">
        {note}
      </p>
      <ArticleView article={article} canonicalUrl={absoluteUrl(settings.siteUrl, article.url)} related={[]} editorsPicks={editorsPicks} preview />
    </>
  );
}
