import type { Metadata } from "next";
import { ResponsiveImage } from "@/components/ui/responsive-image";
import { notFound } from "next/navigation";
import { ListingView } from "@/components/listing/listing-view";
import { JsonLd } from "@/components/seo/json-ld";
import { listingDescription } from "@/lib/listing-text";
import { parsePageParam, routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { breadcrumbJsonLd, collectionPageJsonLd, profilePageJsonLd } from "@/lib/seo/structured-data";
import { getAuthorPage, getSectionPage, getSiteSettings, getTagPage } from "@/server/data/articles";

/**
 * The section, tag and author pages, shared by their first-page and /page/N routes. Existence
 * is decided before anything renders: an unknown slug, an empty list or a page beyond the last
 * is a 404.
 */

/** A page number from the URL; "/x/page/1" never gets here (next.config.ts redirects it to "/x"). */
export function pageFromParam(value: string): number {
  const page = parsePageParam(value);
  if (page === null) notFound();
  return page;
}

const pageTitle = (title: string, page: number) => (page > 1 ? `${title} – page ${page}` : title);

export async function sectionMetadata(slug: string, page: number): Promise<Metadata> {
  const [listing, settings] = await Promise.all([getSectionPage(slug, page), getSiteSettings()]);
  if (!listing) notFound();
  const { entity } = listing;
  return pageMetadata(settings, {
    title: pageTitle(entity.name, page),
    description: listingDescription("section", entity),
    path: routes.section(slug, page),
    feed: { kind: "section", slug, name: entity.name },
    // The section's card (app/(site)/[section]/opengraph-image.tsx) fills og:image on its first
    // page; /page/N is a deeper segment whose openGraph would drop it, so it names the site's.
    image: page === 1 ? "file" : "site",
    // A section with no story yet is a page with nothing on it: not one for search results.
    ...(listing.total === 0 ? { robots: { index: false, follow: true } } : {}),
  });
}

export async function SectionListing({ slug, page }: { slug: string; page: number }) {
  const [listing, settings] = await Promise.all([getSectionPage(slug, page), getSiteSettings()]);
  if (!listing) notFound();
  const { entity } = listing;
  return (
    <>
      <JsonLd
        data={collectionPageJsonLd(settings, {
          name: entity.name,
          description: listingDescription("section", entity),
          path: routes.section(slug, page),
        })}
      />
      <JsonLd data={breadcrumbJsonLd(settings, [{ name: entity.name, path: routes.section(slug) }])} />
      <ListingView
        kicker="Section"
        title={entity.name}
        intro={
          entity.description ? (
            <p className="mt-3 max-w-2xl text-lg text-muted">{entity.description}</p>
          ) : null
        }
        articles={listing.articles}
        page={listing.page}
        totalPages={listing.totalPages}
        href={(n) => routes.section(slug, n)}
      />
    </>
  );
}

export async function tagMetadata(slug: string, page: number): Promise<Metadata> {
  const [listing, settings] = await Promise.all([getTagPage(slug, page), getSiteSettings()]);
  if (!listing) notFound();
  const { entity } = listing;
  return pageMetadata(settings, {
    title: pageTitle(entity.name, page),
    description: listingDescription("tag", entity),
    path: routes.tag(slug, page),
    feed: { kind: "tag", slug, name: entity.name },
    image: "site",
  });
}

export async function TagListing({ slug, page }: { slug: string; page: number }) {
  const [listing, settings] = await Promise.all([getTagPage(slug, page), getSiteSettings()]);
  if (!listing) notFound();
  const { entity } = listing;
  return (
    <>
      <JsonLd
        data={collectionPageJsonLd(settings, {
          name: entity.name,
          description: listingDescription("tag", entity),
          path: routes.tag(slug, page),
        })}
      />
      <JsonLd data={breadcrumbJsonLd(settings, [{ name: entity.name, path: routes.tag(slug) }])} />
      <ListingView
        kicker="Topic"
        title={entity.name}
        intro={
          <p className="mt-3 max-w-2xl text-lg text-muted">
            {entity.description ||
              `${listing.total} ${listing.total === 1 ? "story" : "stories"} tagged ${entity.name}.`}
          </p>
        }
        articles={listing.articles}
        page={listing.page}
        totalPages={listing.totalPages}
        href={(n) => routes.tag(slug, n)}
      />
    </>
  );
}

export async function authorMetadata(slug: string, page: number): Promise<Metadata> {
  const [listing, settings] = await Promise.all([getAuthorPage(slug, page), getSiteSettings()]);
  if (!listing) notFound();
  const { entity } = listing;
  return pageMetadata(settings, {
    title: pageTitle(entity.name, page),
    description: listingDescription("author", entity),
    path: routes.author(slug, page),
    feed: { kind: "author", slug, name: entity.name },
    image: "site",
  });
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0])
    .filter(Boolean)
    .slice(0, 2)
    .join("")
    .toUpperCase();
}

export async function AuthorListing({ slug, page }: { slug: string; page: number }) {
  const [listing, settings] = await Promise.all([getAuthorPage(slug, page), getSiteSettings()]);
  if (!listing) notFound();
  const { entity } = listing;
  return (
    <>
      <JsonLd data={profilePageJsonLd(settings, entity)} />
      <JsonLd data={breadcrumbJsonLd(settings, [{ name: entity.name, path: routes.author(slug) }])} />
      <ListingView
        kicker="Author"
        title={entity.name}
        intro={
          <div className="mt-4 flex max-w-3xl items-start gap-4">
            {entity.image ? (
              <ResponsiveImage
                src={entity.image}
                alt={`Photo of ${entity.name}`}
                width={96}
                height={96}
                className="size-20 shrink-0 rounded-full object-cover sm:size-24"
              />
            ) : (
              <span
                aria-hidden="true"
                className="flex size-20 shrink-0 items-center justify-center rounded-full bg-surface font-serif text-2xl font-bold text-accent-ink sm:size-24"
              >
                {initials(entity.name)}
              </span>
            )}
            {entity.bio ? <p className="text-lg text-muted">{entity.bio}</p> : null}
          </div>
        }
        articles={listing.articles}
        page={listing.page}
        totalPages={listing.totalPages}
        href={(n) => routes.author(slug, n)}
      />
    </>
  );
}
