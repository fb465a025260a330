import { routes, type SearchSort } from "@/lib/routes";
import type { SectionLink } from "@/server/data/articles";
import { MAX_QUERY_LENGTH } from "@/server/data/search";

const fieldClass = "min-h-11 w-full rounded-sm border border-muted bg-paper px-3 py-2 text-base text-ink";

/**
 * The search form: a plain GET form, so it works without JavaScript and every search has a URL.
 * It shows the current query and section, so that a search can be refined, with or without
 * JavaScript.
 */
export function SearchForm({
  sections,
  q = "",
  section = "",
  sort = "relevance",
}: {
  sections: SectionLink[];
  q?: string;
  section?: string;
  /** A refined search keeps the order the reader chose. */
  sort?: SearchSort;
}) {
  return (
    <form
      action={routes.search()}
      method="get"
      role="search"
      aria-label="Articles"
      className="mt-6 flex flex-col gap-4 sm:flex-row sm:items-end"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor="search-q" className="text-sm font-semibold text-ink">
          Search for
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={MAX_QUERY_LENGTH}
          enterKeyHint="search"
          className={fieldClass}
        />
      </div>
      <div className="flex flex-col gap-1 sm:w-48">
        <label htmlFor="search-section" className="text-sm font-semibold text-ink">
          Section
        </label>
        <select
          id="search-section"
          name="section"
          defaultValue={section}
          className={fieldClass}
        >
          <option value="">All sections</option>
          {sections.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {sort === "newest" ? <input type="hidden" name="sort" value="newest" /> : null}
      <button
        type="submit"
        className="min-h-11 rounded-sm bg-ink px-6 py-2 font-semibold text-paper hover:bg-accent-ink"
      >
        Search
      </button>
    </form>
  );
}
