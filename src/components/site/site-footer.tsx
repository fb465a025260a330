import Link from "next/link";
import { routes } from "@/lib/routes";
import type { SectionLink, SiteSettings } from "@/server/data/articles";

export function SiteFooter({ settings, sections }: { settings: SiteSettings; sections: SectionLink[] }) {
  return (
    <footer className="mt-16 border-t border-rule bg-surface">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-10 sm:grid-cols-2">
        <div>
          <p className="font-serif text-2xl font-bold">{settings.siteName}</p>
          <p className="mt-2 text-sm text-muted">{settings.tagline}</p>
        </div>
        <nav aria-label="Footer">
          <ul className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
            {sections.map((s) => (
              <li key={s.slug}>
                <Link
                  prefetch={false}
                  href={routes.section(s.slug)}
                  className="inline-block py-1 text-ink hover:text-accent"
                >
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
