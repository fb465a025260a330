import Link from "next/link";

/** Previous / next and page numbers, as plain links (works without JavaScript). */
export function Pagination({
  page,
  totalPages,
  href,
}: {
  page: number;
  totalPages: number;
  href: (page: number) => string;
}) {
  if (totalPages <= 1) return null;
  const numbers = Array.from({ length: totalPages }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === totalPages || Math.abs(n - page) <= 1,
  );
  const linkClass =
    "inline-flex min-h-11 min-w-11 items-center justify-center rounded-sm border border-rule px-3 text-ink no-underline hover:border-accent";
  return (
    <nav aria-label="Pagination" className="mt-10">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <Link prefetch={false} href={href(page - 1)} rel="prev" className={linkClass}>
              <span aria-hidden="true">←</span>&nbsp;Newer
            </Link>
          </li>
        ) : null}
        {numbers.map((n, i) => (
          <li key={n} className="flex items-center gap-2">
            {i > 0 && n - numbers[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
            {n === page ? (
              <span aria-current="page" className={`${linkClass} border-ink bg-ink font-semibold text-paper`}>
                <span className="sr-only">Page </span>
                {n}
              </span>
            ) : (
              <Link prefetch={false} href={href(n)} className={linkClass}>
                <span className="sr-only">Page </span>
                {n}
              </Link>
            )}
          </li>
        ))}
        {page < totalPages ? (
          <li>
            <Link prefetch={false} href={href(page + 1)} rel="next" className={linkClass}>
              Older&nbsp;<span aria-hidden="true">→</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
