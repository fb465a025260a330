import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { ArticleView } from "@/components/article/article-view";
import { formatDateTime } from "@/lib/format";
import { absoluteUrl } from "@/lib/routes";
import { previewArticle } from "@/server/data/article-queries";
import { getEditorsPicks, getSiteSettings } from "@/server/data/articles";
import { prisma } from "@/server/db";
import { openPreviewLink } from "@/server/services/preview-links";

// An article as readers will see it, for whoever holds a preview link (services/preview-links.ts).
// Rendered per request (private, no-store: never in a shared cache), kept out of search engines,
// and a link that is forged, expired or stopped finds nothing.
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

async function SharedPreview({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await connection();
  const link = await openPreviewLink(prisma, decodeURIComponent(token));
  if (!link) notFound();
  const [article, editorsPicks, settings] = await Promise.all([previewArticle(link.id), getEditorsPicks(), getSiteSettings()]);
  if (!article) notFound();
  return (
    <>
      <p role="note" className="mb-4 rounded-md border border-accent px-3 py-2 text-sm font-semibold text-accent-ink">
        Preview — not public. Shared with you by the newsroom; this link works until {formatDateTime(link.expiresAt.toISOString())}. Please do not pass it on.
      </p>
      <ArticleView article={article} canonicalUrl={absoluteUrl(settings.siteUrl, article.url)} related={[]} editorsPicks={editorsPicks} preview />
    </>
  );
}

export default function SharedPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  return (
    <Suspense fallback={<p>Loading preview…</p>}>
      <SharedPreview params={params} />
    </Suspense>
  );
}
