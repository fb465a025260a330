import { ArticleTeaser } from "@/components/front/article-card";
import { getFrontPage } from "@/server/data/articles";

export default async function FrontPage() {
  const { lead, topStories, latest, editorsPicks } = await getFrontPage();
  return (
    <>
      <h1 className="sr-only">Front page</h1>
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_300px]">
        <div className="min-w-0">
          {lead ? (
            <section aria-labelledby="top-heading">
              <h2 id="top-heading" className="sr-only">
                Top stories
              </h2>
              <ArticleTeaser article={lead} variant="lead" headingLevel={3} priority imageSizes="(min-width: 1024px) 800px, 100vw" />
              {topStories.length ? (
                <div className="mt-8 grid gap-8 border-t border-rule pt-6 sm:grid-cols-2">
                  {topStories.map((a) => (
                    <ArticleTeaser key={a.id} article={a} />
                  ))}
                </div>
              ) : null}
            </section>
          ) : null}
          <section aria-labelledby="latest-heading" className="mt-12">
            <h2 id="latest-heading" className="border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-widest">
              Latest news
            </h2>
            {latest.length ? (
              <ul className="mt-4 grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
                {latest.map((a) => (
                  <li key={a.id}>
                    <ArticleTeaser article={a} imageSizes="(min-width: 1024px) 260px, (min-width: 640px) 50vw, 100vw" />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-4 text-muted">No stories have been published yet.</p>
            )}
          </section>
        </div>
        {editorsPicks.length ? (
          <aside aria-labelledby="picks-heading" className="min-w-0 lg:border-l lg:border-rule lg:pl-8">
            <h2 id="picks-heading" className="border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-widest">
              Editors&rsquo; picks
            </h2>
            <ol className="mt-4 flex flex-col gap-6">
              {editorsPicks.map((a) => (
                <li key={a.id}>
                  <ArticleTeaser article={a} variant="compact" />
                </li>
              ))}
            </ol>
          </aside>
        ) : null}
      </div>
    </>
  );
}
