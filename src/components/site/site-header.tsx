import Link from "next/link";
import { routes } from "@/lib/routes";
import type { SectionLink, SiteSettings } from "@/server/data/articles";
import { ThemeToggle } from "@/components/site/theme-toggle.client";

export function SiteHeader({ settings, sections }: { settings: SiteSettings; sections: SectionLink[] }) {
  return (
    <header className="border-b border-rule">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-ink focus:px-4 focus:py-2 focus:text-paper"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4 sm:py-6">
        <div className="min-w-0">
          <Link
            prefetch={false}
            href={routes.home()}
            className="font-serif text-3xl font-bold tracking-tight text-ink no-underline sm:text-4xl"
          >
            {settings.siteName}
          </Link>
          {settings.tagline ? (
            <p className="mt-1 hidden text-sm text-muted sm:block">{settings.tagline}</p>
          ) : null}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <Link
            prefetch={false}
            href={routes.search()}
            className="inline-flex h-11 min-w-11 items-center justify-center rounded-full border border-rule px-3 text-sm font-medium text-ink no-underline hover:bg-surface"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 20 20"
              className="size-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <circle cx="8.5" cy="8.5" r="5.5" />
              <path d="m13 13 4.5 4.5" strokeLinecap="round" />
            </svg>
            <span className="ml-1.5 max-sm:sr-only">Search</span>
          </Link>
          <ThemeToggle />
        </div>
      </div>
      <nav aria-label="Sections" className="border-t border-rule">
        <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 text-sm font-semibold [scrollbar-width:thin]">
          {sections.map((s) => (
            <li key={s.slug} className="shrink-0">
              <Link
                prefetch={false}
                href={routes.section(s.slug)}
                className="inline-block px-2 py-3 text-ink no-underline hover:text-accent hover:underline"
              >
                {s.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {settings.breakingNews ? (
        <div role="region" aria-label="Breaking news" className="bg-accent text-white">
          <p className="mx-auto max-w-6xl px-4 py-2 text-sm font-semibold">
            <span className="mr-2 uppercase tracking-wide">Breaking</span>
            {settings.breakingNews.url ? (
              <a href={settings.breakingNews.url} className="text-white underline">
                {settings.breakingNews.text}
              </a>
            ) : (
              settings.breakingNews.text
            )}
          </p>
        </div>
      ) : null}
    </header>
  );
}
