import { ResponsiveImage } from "@/components/ui/responsive-image";
import Link from "next/link";
import { formatDate, formatDateTime } from "@/lib/format";
import { routes } from "@/lib/routes";
import { articleModifiedAt } from "@/lib/seo/structured-data";
import type { ArticleCard, ArticleDetail } from "@/server/data/article-queries";
import { ArticleBodyView } from "@/components/article/article-body";
import { ShareLinks } from "@/components/article/share-links";
import { ViewBeacon } from "@/components/article/view-beacon.client";
import { ArticleTeaser } from "@/components/front/article-card";
import { StoryRail } from "@/components/front/story-list";

export function ArticleView({
  article,
  canonicalUrl,
  related,
  editorsPicks,
  preview = false,
}: {
  article: ArticleDetail;
  canonicalUrl: string;
  related: ArticleCard[];
  editorsPicks: ArticleCard[];
  /** A preview (staff, or a preview link): no view counting, no share buttons. */
  preview?: boolean;
}) {
  // The same time as the page's metadata and structured data: the last update or correction.
  const modifiedAt = articleModifiedAt(article);
  return (
    <>
      <article className="mx-auto max-w-3xl">
        <header>
          <p className="text-sm font-bold uppercase tracking-wide">
            <Link
              prefetch={false}
              href={routes.section(article.section.slug)}
              className="text-accent-ink no-underline hover:underline"
            >
              {article.section.name}
            </Link>
          </p>
          <h1 className="mt-2 font-serif text-3xl font-bold leading-tight sm:text-5xl">{article.headline}</h1>
          {article.standfirst ? (
            <p className="mt-4 font-serif text-xl leading-snug text-muted sm:text-2xl">
              {article.standfirst}
            </p>
          ) : null}
          <div className="mt-6 flex flex-wrap items-center gap-x-4 gap-y-1 border-y border-rule py-3 text-sm">
            {article.authors.length ? (
              <p className="font-semibold">
                By{" "}
                {article.authors.map((a, i) => (
                  <span key={a.slug}>
                    {i > 0 ? (i === article.authors.length - 1 ? " and " : ", ") : null}
                    <Link
                      prefetch={false}
                      href={routes.author(a.slug)}
                      className="text-ink underline decoration-rule hover:decoration-accent"
                    >
                      {a.name}
                    </Link>
                  </span>
                ))}
              </p>
            ) : null}
            <p className="text-muted">
              <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
              {modifiedAt !== article.publishedAt ? (
                <>
                  {" · Updated "}
                  <time dateTime={modifiedAt}>{formatDateTime(modifiedAt)}</time>
                </>
              ) : null}
            </p>
            <p className="text-muted">{article.readingMinutes} min read</p>
          </div>
        </header>
        {article.image ? (
          <figure className="mt-6">
            <ResponsiveImage
              src={article.image.src}
              alt={article.image.alt}
              width={article.image.width}
              height={article.image.height}
              sizes="(min-width: 768px) 768px, 100vw"
              priority
              className="h-auto w-full rounded-sm"
            />
            {article.image.caption || article.image.credit ? (
              <figcaption className="mt-2 text-sm text-muted">
                {article.image.caption}{" "}
                {article.image.credit ? <span className="text-xs">{article.image.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        <div className="mt-8">
          <ArticleBodyView body={article.body} />
        </div>
        {/* Not on a preview: its address is not public yet, and a shared preview's reader must not spread it. */}
        {preview ? null : (
          <div className="mt-10">
            <ShareLinks url={canonicalUrl} title={article.headline} />
          </div>
        )}
        {article.corrections.length ? (
          <aside
            aria-labelledby="corrections-heading"
            className="mt-10 rounded-sm border-l-4 border-accent bg-surface p-4 print:border print:border-black"
          >
            <h2 id="corrections-heading" className="text-base font-bold">
              Corrections
            </h2>
            <ul className="mt-2 space-y-2 text-sm">
              {article.corrections.map((c) => (
                <li key={c.id}>
                  <time dateTime={c.createdAt} className="font-semibold">
                    {formatDate(c.createdAt)}
                  </time>
                  : {c.text}
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
        {article.tags.length ? (
          <nav aria-label="Tags" className="mt-10">
            <ul className="flex flex-wrap gap-2">
              {article.tags.map((t) => (
                <li key={t.slug}>
                  <Link
                    prefetch={false}
                    href={routes.tag(t.slug)}
                    className="inline-block rounded-full border border-rule px-3 py-1.5 text-sm text-ink no-underline hover:border-accent"
                  >
                    {t.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {preview ? null : <ViewBeacon articleId={article.id} />}
      </article>
      <div className="mx-auto mt-16 grid max-w-6xl gap-12 border-t border-rule pt-8 print:hidden lg:grid-cols-[minmax(0,1fr)_300px]">
        {related.length ? (
          <section aria-labelledby="related-heading">
            <h2
              id="related-heading"
              className="border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-widest"
            >
              Related stories
            </h2>
            <ul className="mt-4 grid gap-8 sm:grid-cols-2">
              {related.map((a) => (
                <li key={a.id}>
                  <ArticleTeaser
                    article={a}
                    imageSizes="(min-width: 1024px) 400px, (min-width: 640px) 50vw, 100vw"
                  />
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <div />
        )}
        <StoryRail
          id="article-picks-heading"
          title="Editors’ picks"
          articles={editorsPicks.filter((a) => a.id !== article.id)}
        />
      </div>
    </>
  );
}
