import { describe, expect, it } from "vitest";
import {
  articleModifiedAt,
  breadcrumbJsonLd,
  collectionPageJsonLd,
  MAX_HEADLINE_LENGTH,
  newsArticleJsonLd,
  organizationJsonLd,
  profilePageJsonLd,
  webSiteJsonLd,
  type ArticleInfo,
  type SiteInfo,
} from "@/lib/seo/structured-data";

const site: SiteInfo = {
  siteName: "The Dell Boys",
  tagline: "Independent news from Dellbridge and the world",
  siteUrl: "https://dellboys.example/",
  language: "en-GB",
};

const article: ArticleInfo = {
  headline: "Sessions Offered to Quit Amid Rift With Trump on Russian Federation",
  standfirst: "Attorney General Jeff Sessions reportedly offered to resign.",
  seoDescription: "Jeff Sessions reportedly offered his resignation.",
  url: "/politics/sessions-offered-to-quit",
  publishedAt: "2017-06-06T18:30:00.000Z",
  updatedAt: "2017-06-07T09:00:00.000Z",
  authors: [
    { slug: "tobias-renwick", name: "Tobias Renwick" },
    { slug: "ann-other", name: "Ann Other" },
  ],
  section: { slug: "politics", name: "Politics" },
  tags: [
    { slug: "us-politics", name: "US Politics" },
    { slug: "justice", name: "Justice" },
  ],
  image: { src: "/media/demo/sessions.jpg", width: 1600, height: 900 },
  corrections: [
    { text: "An earlier version misspelled Mr Spicer's name.", createdAt: "2017-06-08T12:00:00.000Z" },
    { text: "The meeting was on Monday, not Tuesday.", createdAt: "2017-06-07T15:00:00.000Z" },
  ],
};

/** Every string that looks like a URL anywhere in the value. */
function urls(value: unknown): string[] {
  if (typeof value === "string") return /^(https?:|\/)/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urls);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => (key === "@context" ? [] : urls(v)));
  }
  return [];
}

const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe("newsArticleJsonLd", () => {
  const ld = newsArticleJsonLd(article, site);

  it("is a schema.org NewsArticle about its own page", () => {
    expect(ld["@context"]).toBe("https://schema.org");
    expect(ld["@type"]).toBe("NewsArticle");
    expect(ld.url).toBe("https://dellboys.example/politics/sessions-offered-to-quit");
    expect(ld.mainEntityOfPage).toEqual({
      "@type": "WebPage",
      "@id": "https://dellboys.example/politics/sessions-offered-to-quit",
    });
  });

  it("has the headline, description, section, keywords and language", () => {
    expect(ld.headline).toBe(article.headline);
    expect(ld.description).toBe(article.seoDescription);
    expect(ld.articleSection).toBe("Politics");
    expect(ld.keywords).toEqual(["US Politics", "Justice"]);
    expect(ld.inLanguage).toBe("en-GB");
  });

  it("falls back to the standfirst for the description", () => {
    expect(newsArticleJsonLd({ ...article, seoDescription: "" }, site).description).toBe(article.standfirst);
  });

  it("shortens headlines to Google's 110 characters at a word boundary", () => {
    const long = `${"Council approves the Dellbridge bypass ".repeat(5)}after a six-hour meeting`;
    const headline = newsArticleJsonLd({ ...article, headline: long }, site).headline as string;
    expect(headline.length).toBeLessThanOrEqual(MAX_HEADLINE_LENGTH);
    expect(headline.endsWith("…")).toBe(true);
    expect(long.startsWith(headline.slice(0, -1))).toBe(true);
  });

  it("lists the images as absolute URLs, and leaves image out when the article has none", () => {
    expect(ld.image).toEqual(["https://dellboys.example/media/demo/sessions.jpg"]);
    expect(newsArticleJsonLd({ ...article, image: null }, site)).not.toHaveProperty("image");
  });

  it("dates publication and the latest change (update or correction) in ISO 8601 with a zone", () => {
    expect(ld.datePublished).toBe("2017-06-06T18:30:00.000Z");
    expect(ld.dateModified).toBe("2017-06-08T12:00:00.000Z");
    expect(ld.datePublished).toMatch(isoWithZone);
    expect(ld.dateModified).toMatch(isoWithZone);
  });

  it("names every author as a Person with a profile URL", () => {
    expect(ld.author).toEqual([
      { "@type": "Person", name: "Tobias Renwick", url: "https://dellboys.example/author/tobias-renwick" },
      { "@type": "Person", name: "Ann Other", url: "https://dellboys.example/author/ann-other" },
    ]);
  });

  it("names the publisher as an Organization with a logo", () => {
    expect(ld.publisher).toEqual({
      "@type": "Organization",
      "@id": "https://dellboys.example/#organization",
      name: "The Dell Boys",
      url: "https://dellboys.example/",
      logo: { "@type": "ImageObject", url: "https://dellboys.example/logo.png", width: 600, height: 60 },
    });
  });

  it("lists corrections as CorrectionComments", () => {
    expect(ld.correction).toEqual([
      {
        "@type": "CorrectionComment",
        text: article.corrections[0]!.text,
        datePublished: "2017-06-08T12:00:00.000Z",
      },
      {
        "@type": "CorrectionComment",
        text: article.corrections[1]!.text,
        datePublished: "2017-06-07T15:00:00.000Z",
      },
    ]);
    const plain = newsArticleJsonLd({ ...article, corrections: [], tags: [] }, site);
    expect(plain).not.toHaveProperty("correction");
    expect(plain).not.toHaveProperty("keywords");
  });

  it("uses only absolute URLs", () => {
    for (const url of urls(ld)) expect(url).toMatch(/^https:\/\/dellboys\.example\//);
  });
});

describe("articleModifiedAt", () => {
  const base = { publishedAt: "2026-03-01T08:00:00.000Z", updatedAt: null, corrections: [] };

  it("is the publication date of an article never changed", () => {
    expect(articleModifiedAt(base)).toBe("2026-03-01T08:00:00.000Z");
  });

  it("is the update or the newest correction, whichever is later", () => {
    const corrections = [{ text: "x", createdAt: "2026-03-02T08:00:00.000Z" }];
    expect(articleModifiedAt({ ...base, updatedAt: "2026-03-03T08:00:00.000Z", corrections })).toBe(
      "2026-03-03T08:00:00.000Z",
    );
    expect(articleModifiedAt({ ...base, updatedAt: "2026-03-01T09:00:00.000Z", corrections })).toBe(
      "2026-03-02T08:00:00.000Z",
    );
  });

  it("compares instants, not strings", () => {
    expect(articleModifiedAt({ ...base, updatedAt: "2026-03-01T09:30:00+02:00" })).toBe(
      "2026-03-01T08:00:00.000Z",
    );
  });
});

describe("breadcrumbJsonLd", () => {
  it("starts at the home page and numbers every item from 1, with absolute URLs", () => {
    const ld = breadcrumbJsonLd(site, [
      { name: "Politics", path: "/politics" },
      { name: article.headline, path: article.url },
    ]);
    expect(ld["@type"]).toBe("BreadcrumbList");
    expect(ld.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: "https://dellboys.example/" },
      { "@type": "ListItem", position: 2, name: "Politics", item: "https://dellboys.example/politics" },
      {
        "@type": "ListItem",
        position: 3,
        name: article.headline,
        item: "https://dellboys.example/politics/sessions-offered-to-quit",
      },
    ]);
  });
});

describe("webSiteJsonLd", () => {
  const ld = webSiteJsonLd(site);

  it("describes the site with its name, URL and language", () => {
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: "The Dell Boys",
      url: "https://dellboys.example/",
      inLanguage: "en-GB",
      publisher: { "@id": "https://dellboys.example/#organization" },
    });
  });

  it("offers the search as a SearchAction whose template keeps the placeholder braces", () => {
    expect(ld.potentialAction).toEqual({
      "@type": "SearchAction",
      target: {
        "@type": "EntryPoint",
        urlTemplate: "https://dellboys.example/search?q={search_term_string}",
      },
      "query-input": "required name=search_term_string",
    });
  });
});

describe("organizationJsonLd", () => {
  it("has the name, home page and a logo ImageObject", () => {
    expect(organizationJsonLd(site)).toEqual({
      "@context": "https://schema.org",
      "@type": "Organization",
      "@id": "https://dellboys.example/#organization",
      name: "The Dell Boys",
      url: "https://dellboys.example/",
      logo: { "@type": "ImageObject", url: "https://dellboys.example/logo.png", width: 600, height: 60 },
    });
  });
});

describe("profilePageJsonLd", () => {
  it("has a Person as its main entity, with name, URL, bio and photo", () => {
    const ld = profilePageJsonLd(site, {
      slug: "tobias-renwick",
      name: "Tobias Renwick",
      bio: "Political correspondent.",
      image: "/media/staff/tobias.jpg",
    });
    expect(ld).toEqual({
      "@context": "https://schema.org",
      "@type": "ProfilePage",
      url: "https://dellboys.example/author/tobias-renwick",
      inLanguage: "en-GB",
      mainEntity: {
        "@type": "Person",
        name: "Tobias Renwick",
        url: "https://dellboys.example/author/tobias-renwick",
        description: "Political correspondent.",
        image: "https://dellboys.example/media/staff/tobias.jpg",
      },
    });
  });

  it("leaves out an empty bio and a missing photo", () => {
    const person = profilePageJsonLd(site, { slug: "x", name: "X", bio: "", image: null }).mainEntity;
    expect(person).toEqual({ "@type": "Person", name: "X", url: "https://dellboys.example/author/x" });
  });
});

describe("collectionPageJsonLd", () => {
  it("is part of the site", () => {
    expect(
      collectionPageJsonLd(site, {
        name: "Politics",
        description: "Parliament and government.",
        path: "/politics/page/2",
      }),
    ).toEqual({
      "@context": "https://schema.org",
      "@type": "CollectionPage",
      name: "Politics",
      description: "Parliament and government.",
      url: "https://dellboys.example/politics/page/2",
      inLanguage: "en-GB",
      isPartOf: { "@id": "https://dellboys.example/#website" },
    });
  });
});
