import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { articleBodySchema } from "@/lib/article-body";
import { mediaUrl } from "@/lib/media";
import { routes } from "@/lib/routes";
import { ArticleEditor } from "@/components/dashboard/article-editor/article-editor.client";
import { HistoryPanel } from "@/components/dashboard/article-editor/history-panel.client";
import { staffOptions } from "@/server/data/dashboard";
import { prisma } from "@/server/db";
import { getArticleForStaff } from "@/server/services/articles";
import { listPreviewLinks } from "@/server/services/preview-links";
import { ServiceError } from "@/server/services/errors";
import { can, refOf } from "@/server/services/permissions";
import { staffOrSignIn } from "@/server/services/staff-page";

export const metadata: Metadata = { title: "Edit article" };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await staffOrSignIn(`/dashboard/articles/${id}`);
  const article = await getArticleForStaff(prisma, actor, id).catch((error) => {
    if (error instanceof ServiceError) return null;
    throw error;
  });
  if (!article) notFound();
  const ref = refOf(article);
  const editable = can.editArticle(actor, ref);
  const [options, previewLinks] = await Promise.all([staffOptions(prisma), editable && can.sharePreview(actor, ref) ? listPreviewLinks(prisma, actor, id) : null]);
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/dashboard" className="underline">All articles</Link></p>
      <h1 className="mb-4 text-2xl font-bold">{editable ? "Edit article" : "Article (read only)"}</h1>
      {editable ? (
        <ArticleEditor
          id={article.id}
          version={article.version}
          status={article.status}
          path={routes.article(article.section.slug, article.slug)}
          publishedAt={article.publishedAt?.toISOString() ?? null}
          everPublished={!!article.firstPublishedAt}
          fields={{
            headline: article.headline,
            standfirst: article.standfirst,
            slug: article.slug,
            sectionId: article.sectionId,
            tags: article.tags.map((t) => t.tag.name),
            authorIds: article.authors.map((a) => a.userId),
            heroImageId: article.heroImageId,
            heroCaption: article.heroCaption,
            heroCredit: article.heroCredit,
            seoTitle: article.seoTitle,
            seoDescription: article.seoDescription,
            body: articleBodySchema.parse(article.body),
          }}
          hero={article.heroImage ? { id: article.heroImage.id, url: mediaUrl(article.heroImage.storageKey), alt: article.heroImage.alt, width: article.heroImage.width, height: article.heroImage.height, caption: "", credit: "" } : null}
          returned={article.returnNote ? { note: article.returnNote, at: (article.returnedAt ?? article.updatedAt).toISOString(), by: article.returnedBy?.name ?? null } : null}
          previewLinks={previewLinks && { links: previewLinks.map((l) => ({ ...l, createdAt: l.createdAt.toISOString(), expiresAt: l.expiresAt.toISOString(), lastOpenedAt: l.lastOpenedAt?.toISOString() ?? null })), olderShared: !!article.previewKey }}
          corrections={article.corrections.map((c) => ({ id: c.id, text: c.text, createdAt: c.createdAt.toISOString() }))}
          options={{ sections: options.sections, authors: options.authors, tags: options.tags.map((t) => t.name) }}
          allowed={{
            publish: can.publish(actor, ref),
            submit: can.submitForReview(actor, ref),
            withdraw: can.withdrawFromReview(actor, ref),
            returnToWriter: can.returnToWriter(actor),
            remove: can.deleteArticle(actor, ref),
            correct: can.addCorrection(actor),
            setAuthors: can.setAnyAuthors(actor),
          }}
        />
      ) : (
        <div className="space-y-4">
          <p>
            This article is {article.status.toLowerCase().replace("_", " ")}; you cannot edit it.{" "}
            <Link className="underline" href={`/dashboard/articles/${article.id}/preview`}>Preview it</Link>.
          </p>
          <HistoryPanel articleId={article.id} />
        </div>
      )}
    </>
  );
}
