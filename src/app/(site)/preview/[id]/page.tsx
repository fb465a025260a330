import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ArticleView } from "@/components/article/article-view";
import { absoluteUrl } from "@/lib/routes";
import { previewArticle } from "@/server/data/article-queries";
import { getEditorsPicks, getSiteSettings } from "@/server/data/articles";
import { prisma } from "@/server/db";
import { getArticleForStaff } from "@/server/services/articles";
import { staffOrSignIn } from "@/server/services/staff-page";

// A draft exactly as readers will see it, for staff only. Dynamic (reads the session), so it is
// rendered per request and sent with private, no-store: it never enters a shared cache.
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

async function Preview({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await staffOrSignIn(`/dashboard/articles/${id}`);
  await getArticleForStaff(prisma, actor, id).catch(() => notFound());
  const [article, editorsPicks, settings] = await Promise.all([previewArticle(id), getEditorsPicks(), getSiteSettings()]);
  if (!article) notFound();
  return (
    <>
      <p role="note" className="mb-4 rounded-md border border-accent px-3 py-2 text-sm font-semibold text-accent-ink">
        Preview — not public. Readers see this page only once it is published.
      </p>
      <ArticleView article={article} canonicalUrl={absoluteUrl(settings.siteUrl, article.url)} related={[]} editorsPicks={editorsPicks} preview />
    </>
  );
}

export default function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <Suspense fallback={<p>Loading preview…</p>}>
      <Preview params={params} />
    </Suspense>
  );
}
