import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { ArticlePreview } from "@/components/article/article-preview";
import { formatDateTime } from "@/lib/format";
import { prisma } from "@/server/db";
import { openPreviewLink } from "@/server/services/preview-links";

// An article as readers will see it, for whoever holds a preview link (services/preview-links.ts).
// Rendered per request (private, no-store: never in a shared cache), kept out of search engines,
// and a link that is forged, expired or stopped finds nothing. The proxy has answered 404 for
// such a link already (the status); this check is the page's own, as every page checks access,
// and counts the visit on the link.
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

async function SharedPreview({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await connection();
  const link = await openPreviewLink(prisma, decodeURIComponent(token));
  if (!link) notFound();
  return (
    <ArticlePreview
      id={link.id}
      note={`Preview — not public. Shared with you by the newsroom; this link works until ${formatDateTime(link.expiresAt.toISOString())}. Please do not pass it on.`}
    />
  );
}

export default function SharedPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  return (
    <Suspense fallback={<p>Loading preview…</p>}>
      <SharedPreview params={params} />
    </Suspense>
  );
}
