import { ArticleTeaser } from "@/components/front/article-card";
import type { ArticleCard } from "@/server/data/article-queries";

/** A titled rail of compact teasers (editors' picks, most read, related). */
export function StoryRail({
  id,
  title,
  articles,
  numbered = false,
}: {
  id: string;
  title: string;
  articles: ArticleCard[];
  numbered?: boolean;
}) {
  if (articles.length === 0) return null;
  const List = numbered ? "ol" : "ul";
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-widest">
        {title}
      </h2>
      <List className="mt-4 flex flex-col gap-5">
        {articles.map((a, i) => (
          <li key={a.id} className="flex gap-3">
            {numbered ? (
              <span aria-hidden="true" className="font-serif text-3xl font-bold leading-none text-accent-ink">
                {i + 1}
              </span>
            ) : null}
            <ArticleTeaser article={a} variant="compact" />
          </li>
        ))}
      </List>
    </section>
  );
}
