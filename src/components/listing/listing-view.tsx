import type { ReactNode } from "react";
import { ArticleTeaser } from "@/components/front/article-card";
import { Pagination } from "@/components/site/pagination";
import type { ArticleCard } from "@/server/data/article-queries";

/** A section, tag or author page: a header, a page of stories, pagination. */
export function ListingView({
  kicker,
  title,
  intro,
  articles,
  page,
  totalPages,
  href,
  emptyMessage = "No stories here yet.",
}: {
  kicker: string;
  title: string;
  intro?: ReactNode;
  articles: ArticleCard[];
  page: number;
  totalPages: number;
  href: (page: number) => string;
  emptyMessage?: string;
}) {
  return (
    <>
      <header className="border-b-2 border-ink pb-4">
        <p className="text-sm font-bold uppercase tracking-wide text-accent-ink">{kicker}</p>
        <h1 className="mt-1 font-serif text-4xl font-bold sm:text-5xl">
          {title}
          {page > 1 ? (
            <span className="ml-3 align-middle font-sans text-base font-normal text-muted">
              Page {page} of {totalPages}
            </span>
          ) : null}
        </h1>
        {intro}
      </header>
      {articles.length ? (
        <ul className="mt-8 grid gap-10 sm:grid-cols-2 lg:grid-cols-3">
          {articles.map((a, i) => (
            <li key={a.id}>
              <ArticleTeaser
                article={a}
                headingLevel={2}
                priority={page === 1 && i < 3}
                imageSizes="(min-width: 1024px) 360px, (min-width: 640px) 50vw, 100vw"
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-8 text-lg text-muted">{emptyMessage}</p>
      )}
      <Pagination page={page} totalPages={totalPages} href={href} />
    </>
  );
}
