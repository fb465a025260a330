import type { Metadata } from "next";
import { absoluteUrl, routes, type FeedFormat, type FeedScope } from "@/lib/routes";

/**
 * Page metadata (title, description, canonical URL, Open Graph, feed autodiscovery) built the same
 * way for every reader page. Next.js merges metadata shallowly: a page that sets `openGraph` or
 * `alternates` replaces the root layout's whole object, so every page gets the complete set from
 * here (site name, locale, site feeds) rather than relying on inheritance.
 */

/** The settings that metadata depends on (a subset of SiteSettings). */
export interface SeoSettings {
  siteName: string;
  tagline: string;
  siteUrl: string;
  language: string;
}

export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/**
 * The site's generated card (src/app/opengraph-image.tsx). It lives at the app root, outside any
 * route group, so its URL has no generated suffix and pages without a card of their own can name
 * it. (Cards inside (site)/ get a hashed name that only Next.js knows: those pages let the file
 * convention fill og:image instead.)
 */
export const SITE_OG_IMAGE_PATH = "/opengraph-image";

/** The publisher logo for structured data (src/app/(site)/logo.png/route.tsx): 600x60 at most. */
export const PUBLISHER_LOGO = { path: "/logo.png", width: 600, height: 60 } as const;

/** Open Graph locales are language_TERRITORY: "en" → "en_US" (likely subtags), "en-GB" → "en_GB". */
export function ogLocale(language: string): string {
  try {
    const locale = new Intl.Locale(language.trim()).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : locale.language;
  } catch {
    return "en_US";
  }
}

/** Shortens text at a word boundary, adding "…", so that it is at most `max` characters long. */
export function truncateText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, "")}…`;
}

const feedKinds: Record<FeedFormat, { type: string; label: string }> = {
  rss: { type: "application/rss+xml", label: "RSS" },
  atom: { type: "application/atom+xml", label: "Atom" },
  json: { type: "application/feed+json", label: "JSON Feed" },
};

export interface NamedFeedScope extends FeedScope {
  /** The section, tag or author name, for the link's title. */
  name: string;
}

type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

/**
 * `<link rel="alternate">` feed autodiscovery: the site's RSS, Atom and JSON feeds, plus those of
 * one section, tag or author (listed first there: it is what a reader on that page wants).
 */
export function feedAlternates(settings: SeoSettings, scope?: NamedFeedScope): AlternateTypes {
  const types: AlternateTypes = {};
  for (const format of Object.keys(feedKinds) as FeedFormat[]) {
    const { type, label } = feedKinds[format];
    const site = {
      url: absoluteUrl(settings.siteUrl, routes.feed(format)),
      title: `${settings.siteName} (${label})`,
    };
    types[type] = scope
      ? [
          {
            url: absoluteUrl(settings.siteUrl, routes.feed(format, scope)),
            title: `${scope.name} – ${settings.siteName} (${label})`,
          },
          site,
        ]
      : [site];
  }
  return types;
}

/** The site's own card, for pages that have none of their own. */
export function siteOgImage(settings: SeoSettings) {
  return {
    url: absoluteUrl(settings.siteUrl, SITE_OG_IMAGE_PATH),
    ...OG_IMAGE_SIZE,
    type: "image/png",
    alt: settings.siteName,
  };
}

type OpenGraph = NonNullable<Metadata["openGraph"]>;
type ArticleOpenGraph = Extract<OpenGraph, { type: "article" }>;

export interface PageSeo {
  /** The page's own title; the root layout's template adds " | <site name>". */
  title: string | { absolute: string };
  /** og:title when it differs from the page title (the site name is og:site_name already). */
  socialTitle?: string;
  description: string;
  /** Site-relative path of the canonical URL, including any /page/N. */
  path: string;
  /** This page's own feeds (section, tag or author), beside the site's. */
  feed?: NamedFeedScope;
  /**
   * og:image: "file" leaves it to an opengraph-image file in the page's own folder (setting
   * openGraph.images would override the file); "site" names the site's card.
   */
  image: "file" | "site";
  /** Open Graph article fields: og:type becomes "article". */
  article?: Omit<ArticleOpenGraph, "type">;
  robots?: Metadata["robots"];
}

export function pageMetadata(settings: SeoSettings, page: PageSeo): Metadata {
  const url = absoluteUrl(settings.siteUrl, page.path);
  const title = page.socialTitle ?? (typeof page.title === "string" ? page.title : page.title.absolute);
  const common = {
    siteName: settings.siteName,
    locale: ogLocale(settings.language),
    url,
    title,
    description: page.description,
    ...(page.image === "site" ? { images: [siteOgImage(settings)] } : {}),
  };
  const openGraph: OpenGraph = page.article
    ? { ...common, ...page.article, type: "article" }
    : { ...common, type: "website" };
  return {
    title: page.title,
    description: page.description,
    alternates: { canonical: url, types: feedAlternates(settings, page.feed) },
    openGraph,
    ...(page.robots ? { robots: page.robots } : {}),
  };
}
