import type { Metadata } from "next";
import Link from "next/link";
import { ArticleTeaser } from "@/components/front/article-card";
import { StoryRail } from "@/components/front/story-list";
import { JsonLd } from "@/components/seo/json-ld";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { organizationJsonLd, webSiteJsonLd } from "@/lib/seo/structured-data";
import { getEditorsPicks, getFrontPage, getMostRead, getSiteSettings } from "@/server/data/articles";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  const name = settings.tagline ? `${settings.siteName} – ${settings.tagline}` : settings.siteName;
  return pageMetadata(settings, {
    title: { absolute: name },
    socialTitle: settings.siteName,
    description: settings.tagline || settings.siteName,
    path: routes.home(),
    image: "site",
  });
}

export default async function FrontPage() {
  const [{ lead, topStories, latest, sections }, editorsPicks, mostRead, settings] = await Promise.all([
    getFrontPage(),
    getEditorsPicks(),
    getMostRead(),
    getSiteSettings(),
  ]);
  return (
    <>
      <JsonLd data={webSiteJsonLd(settings)} />
      <JsonLd data={organizationJsonLd(settings)} />
      <h1 className="sr-only">{settings.siteName}: front page</h1>
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_300px]">
        <div className="min-w-0">
          {lead ? (
            <section aria-labelledby="top-heading">
              <h2 id="top-heading" className="sr-only">
                Top stories
              </h2>
              <ArticleTeaser
                article={lead}
                variant="lead"
                priority
                imageSizes="(min-width: 1152px) 800px, (min-width: 1024px) 70vw, 100vw"
              />
              {topStories.length ? (
                <ul className="mt-8 grid gap-8 border-t border-rule pt-6 sm:grid-cols-2">
                  {topStories.map((a) => (
                    <li key={a.id}>
                      <ArticleTeaser article={a} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ) : null}
          <section aria-labelledby="latest-heading" className="mt-12">
            <h2
              id="latest-heading"
              className="border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-widest"
            >
              Latest news
            </h2>
            {latest.length ? (
              <ul className="mt-4 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
                {latest.map((a) => (
                  <li key={a.id}>
                    <ArticleTeaser
                      article={a}
                      imageSizes="(min-width: 1024px) 260px, (min-width: 640px) 50vw, 100vw"
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-4 text-muted">No stories have been published yet.</p>
            )}
          </section>
        </div>
        <aside
          aria-label="Editors’ picks and most read"
          className="flex min-w-0 flex-col gap-10 lg:border-l lg:border-rule lg:pl-8"
        >
          <StoryRail id="picks-heading" title="Editors’ picks" articles={editorsPicks} />
          <StoryRail id="most-read-heading" title="Most read" articles={mostRead} numbered />
        </aside>
      </div>
      {sections.map((block) => (
        <section key={block.section.slug} aria-labelledby={`section-${block.section.slug}`} className="mt-14">
          <h2
            id={`section-${block.section.slug}`}
            className="flex items-baseline justify-between border-b-2 border-ink pb-1"
          >
            <Link
              prefetch={false}
              href={routes.section(block.section.slug)}
              className="font-serif text-2xl font-bold text-ink no-underline hover:underline"
            >
              {block.section.name}
            </Link>
            <Link
              prefetch={false}
              href={routes.section(block.section.slug)}
              className="text-sm font-semibold text-accent-ink"
            >
              More<span className="sr-only"> {block.section.name}</span> <span aria-hidden="true">→</span>
            </Link>
          </h2>
          <ul className="mt-4 grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {block.articles.map((a) => (
              <li key={a.id}>
                <ArticleTeaser
                  article={a}
                  imageSizes="(min-width: 1024px) 270px, (min-width: 640px) 50vw, 100vw"
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
