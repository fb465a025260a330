import { absoluteUrl, routes } from "@/lib/routes";
import { PUBLISHER_LOGO, truncateText } from "@/lib/seo/metadata";

/**
 * schema.org structured data (JSON-LD) for reader pages, following Google's Article, Breadcrumb,
 * Sitelinks search box, Organization and ProfilePage guidelines. Pure functions of plain data:
 * every URL in the output is absolute, built from the site URL setting.
 */

export type JsonLd = { "@context": "https://schema.org"; "@type": string } & Record<string, unknown>;

export interface SiteInfo {
  siteName: string;
  tagline: string;
  siteUrl: string;
  language: string;
}

/** What NewsArticle needs of an article (ArticleDetail has all of it). */
export interface ArticleInfo {
  headline: string;
  standfirst: string;
  seoDescription: string;
  url: string;
  publishedAt: string;
  updatedAt: string | null;
  authors: { slug: string; name: string }[];
  section: { slug: string; name: string };
  tags: { slug: string; name: string }[];
  image: { src: string; width: number; height: number } | null;
  corrections: { text: string; createdAt: string }[];
}

const context = "https://schema.org" as const;

/** Google truncates longer headlines in Article rich results. */
export const MAX_HEADLINE_LENGTH = 110;

const homeUrl = (site: SiteInfo) => absoluteUrl(site.siteUrl, routes.home());
const organizationId = (site: SiteInfo) => `${homeUrl(site)}#organization`;
const websiteId = (site: SiteInfo) => `${homeUrl(site)}#website`;

/** The publisher: name, home page and logo. */
export function publisher(site: SiteInfo) {
  return {
    "@type": "Organization",
    "@id": organizationId(site),
    name: site.siteName,
    url: homeUrl(site),
    logo: {
      "@type": "ImageObject",
      url: absoluteUrl(site.siteUrl, PUBLISHER_LOGO.path),
      width: PUBLISHER_LOGO.width,
      height: PUBLISHER_LOGO.height,
    },
  };
}

export function organizationJsonLd(site: SiteInfo): JsonLd {
  return { "@context": context, ...publisher(site) };
}

/** The site, with its search (Google's sitelinks search box). */
export function webSiteJsonLd(site: SiteInfo): JsonLd {
  return {
    "@context": context,
    "@type": "WebSite",
    "@id": websiteId(site),
    name: site.siteName,
    ...(site.tagline ? { description: site.tagline } : {}),
    url: homeUrl(site),
    inLanguage: site.language,
    publisher: { "@id": organizationId(site) },
    potentialAction: {
      "@type": "SearchAction",
      target: {
        "@type": "EntryPoint",
        // Appended, not passed through URL(): the braces of the placeholder must stay as they are.
        urlTemplate: `${absoluteUrl(site.siteUrl, routes.search())}?q={search_term_string}`,
      },
      "query-input": "required name=search_term_string",
    },
  };
}

function latest(dates: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const d of dates) {
    if (d && (best === null || Date.parse(d) > Date.parse(best))) best = d;
  }
  return best;
}

/** dateModified: the last content update or correction, never before publication. */
export function articleModifiedAt(
  article: Pick<ArticleInfo, "publishedAt" | "updatedAt" | "corrections">,
): string {
  return latest([article.publishedAt, article.updatedAt, ...article.corrections.map((c) => c.createdAt)])!;
}

export function newsArticleJsonLd(article: ArticleInfo, site: SiteInfo): JsonLd {
  const url = absoluteUrl(site.siteUrl, article.url);
  const description = article.seoDescription || article.standfirst;
  return {
    "@context": context,
    "@type": "NewsArticle",
    "@id": `${url}#article`,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: truncateText(article.headline, MAX_HEADLINE_LENGTH),
    ...(description ? { description } : {}),
    ...(article.image ? { image: [absoluteUrl(site.siteUrl, article.image.src)] } : {}),
    datePublished: article.publishedAt,
    dateModified: articleModifiedAt(article),
    author: article.authors.map((a) => ({
      "@type": "Person",
      name: a.name,
      url: absoluteUrl(site.siteUrl, routes.author(a.slug)),
    })),
    publisher: publisher(site),
    articleSection: article.section.name,
    ...(article.tags.length ? { keywords: article.tags.map((t) => t.name) } : {}),
    inLanguage: site.language,
    isAccessibleForFree: true,
    ...(article.corrections.length
      ? {
          correction: article.corrections.map((c) => ({
            "@type": "CorrectionComment",
            text: c.text,
            datePublished: c.createdAt,
          })),
        }
      : {}),
  };
}

/** Breadcrumbs from the home page down: each item is a name and a site-relative path. */
export function breadcrumbJsonLd(site: SiteInfo, trail: { name: string; path: string }[]): JsonLd {
  const items = [{ name: "Home", path: routes.home() }, ...trail];
  return {
    "@context": context,
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: item.name,
      item: absoluteUrl(site.siteUrl, item.path),
    })),
  };
}

/** A section or tag page: a collection of articles, part of the site. */
export function collectionPageJsonLd(
  site: SiteInfo,
  page: { name: string; description: string; path: string },
): JsonLd {
  return {
    "@context": context,
    "@type": "CollectionPage",
    name: page.name,
    ...(page.description ? { description: page.description } : {}),
    url: absoluteUrl(site.siteUrl, page.path),
    inLanguage: site.language,
    isPartOf: { "@id": websiteId(site) },
  };
}

/** An author page: the profile of one person. */
export function profilePageJsonLd(
  site: SiteInfo,
  author: { slug: string; name: string; bio: string; image: string | null },
): JsonLd {
  const url = absoluteUrl(site.siteUrl, routes.author(author.slug));
  return {
    "@context": context,
    "@type": "ProfilePage",
    url,
    inLanguage: site.language,
    mainEntity: {
      "@type": "Person",
      name: author.name,
      url,
      ...(author.bio ? { description: author.bio } : {}),
      ...(author.image ? { image: absoluteUrl(site.siteUrl, author.image) } : {}),
    },
  };
}
