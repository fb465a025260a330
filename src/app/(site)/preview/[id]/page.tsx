import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ArticlePreview } from "@/components/article/article-preview";
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
  return <ArticlePreview id={id} note="Preview — not public. Readers see this page only once it is published." />;
}

export default function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <Suspense fallback={<p>Loading preview…</p>}>
      <Preview params={params} />
    </Suspense>
  );
}
