import { ResponsiveImage } from "@/components/ui/responsive-image";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import type { ArticleCard } from "@/server/data/article-queries";

type Variant = "lead" | "standard" | "compact";

/** A story teaser. The headline is the link; everything else is context. */
export function ArticleTeaser({
  article,
  variant = "standard",
  headingLevel = 3,
  imageSizes = "(min-width: 1024px) 360px, (min-width: 640px) 50vw, 100vw",
  priority = false,
}: {
  article: ArticleCard;
  variant?: Variant;
  headingLevel?: 2 | 3;
  imageSizes?: string;
  priority?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headlineClass =
    variant === "lead"
      ? "font-serif text-3xl font-bold leading-tight sm:text-4xl"
      : variant === "compact"
        ? "font-serif text-lg font-semibold leading-snug"
        : "font-serif text-xl font-bold leading-snug";
  // wrap-anywhere: a long word (a German compound, a URL) breaks inside the card instead of
  // widening it, and with it the grid's column and the whole page on a phone.
  return (
    <article className="group flex flex-col gap-2 wrap-anywhere">
      {article.image && variant !== "compact" ? (
        <ResponsiveImage
          src={article.image.src}
          alt={article.image.alt}
          width={article.image.width}
          height={article.image.height}
          sizes={imageSizes}
          priority={priority}
          className="aspect-[16/9] h-auto w-full rounded-sm object-cover"
        />
      ) : null}
      <p className="text-xs font-bold uppercase tracking-wide text-accent-ink">{article.section.name}</p>
      <Heading className={headlineClass}>
        <Link prefetch={false} href={article.url} className="text-ink no-underline hover:underline">
          {article.headline}
        </Link>
      </Heading>
      {variant !== "compact" && article.standfirst ? (
        <p className="text-base text-muted">{article.standfirst}</p>
      ) : null}
      <CardDateline article={article} />
    </article>
  );
}

/** Under a teaser or a search result: when it was published, and by whom. */
export function CardDateline({ article }: { article: Pick<ArticleCard, "publishedAt" | "authors"> }) {
  return (
    <p className="text-xs text-muted">
      <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
      {article.authors.length ? <> · {article.authors.map((a) => a.name).join(", ")}</> : null}
    </p>
  );
}
