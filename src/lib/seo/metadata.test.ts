import { describe, expect, it } from "vitest";
import { feedAlternates, ogLocale, pageMetadata, siteOgImage, truncateText } from "@/lib/seo/metadata";

const settings = {
  siteName: "The Dell Boys",
  tagline: "Independent news",
  siteUrl: "https://dellboys.example",
  language: "en",
};

describe("ogLocale", () => {
  it("turns language tags into Open Graph locales", () => {
    expect(ogLocale("en")).toBe("en_US");
    expect(ogLocale("en-GB")).toBe("en_GB");
    expect(ogLocale("de")).toBe("de_DE");
    expect(ogLocale("pt-BR")).toBe("pt_BR");
  });

  it("falls back to en_US for a tag that is not one", () => {
    expect(ogLocale("not a language")).toBe("en_US");
  });
});

describe("truncateText", () => {
  it("keeps short text and collapses white space", () => {
    expect(truncateText("  a  b\n c ", 20)).toBe("a b c");
  });

  it("cuts at a word boundary and adds an ellipsis, within the limit", () => {
    const text = "The council approved the Dellbridge bypass after a six-hour meeting";
    const cut = truncateText(text, 30);
    expect(cut).toBe("The council approved the…");
    expect(cut.length).toBeLessThanOrEqual(30);
  });

  it("cuts inside a very long word rather than returning almost nothing", () => {
    expect(truncateText("Supercalifragilisticexpialidocious", 10)).toBe("Supercali…");
  });
});

describe("feedAlternates", () => {
  it("lists the site's RSS, Atom and JSON feeds with absolute URLs", () => {
    expect(feedAlternates(settings)).toEqual({
      "application/rss+xml": [{ url: "https://dellboys.example/feed.xml", title: "The Dell Boys (RSS)" }],
      "application/atom+xml": [{ url: "https://dellboys.example/feed.atom", title: "The Dell Boys (Atom)" }],
      "application/feed+json": [
        { url: "https://dellboys.example/feed.json", title: "The Dell Boys (JSON Feed)" },
      ],
    });
  });

  it("puts a section's, tag's or author's own feeds first", () => {
    expect(
      feedAlternates(settings, { kind: "section", slug: "politics", name: "Politics" })[
        "application/rss+xml"
      ],
    ).toEqual([
      { url: "https://dellboys.example/politics/feed.xml", title: "Politics – The Dell Boys (RSS)" },
      { url: "https://dellboys.example/feed.xml", title: "The Dell Boys (RSS)" },
    ]);
    expect(
      feedAlternates(settings, { kind: "tag", slug: "justice", name: "Justice" })["application/atom+xml"],
    ).toEqual([
      { url: "https://dellboys.example/tag/justice/feed.atom", title: "Justice – The Dell Boys (Atom)" },
      { url: "https://dellboys.example/feed.atom", title: "The Dell Boys (Atom)" },
    ]);
    expect(
      feedAlternates(settings, { kind: "author", slug: "ann", name: "Ann" })["application/feed+json"],
    ).toEqual([
      { url: "https://dellboys.example/author/ann/feed.json", title: "Ann – The Dell Boys (JSON Feed)" },
      { url: "https://dellboys.example/feed.json", title: "The Dell Boys (JSON Feed)" },
    ]);
  });
});

describe("pageMetadata", () => {
  it("gives a listing page its title, description, absolute canonical, feeds and Open Graph", () => {
    const m = pageMetadata(settings, {
      title: "Politics – page 2",
      description: "The latest Politics news.",
      path: "/politics/page/2",
      feed: { kind: "section", slug: "politics", name: "Politics" },
      image: "site",
    });
    expect(m.title).toBe("Politics – page 2");
    expect(m.description).toBe("The latest Politics news.");
    expect(m.alternates?.canonical).toBe("https://dellboys.example/politics/page/2");
    expect(m.alternates?.types).toEqual(
      feedAlternates(settings, { kind: "section", slug: "politics", name: "Politics" }),
    );
    expect(m.openGraph).toEqual({
      type: "website",
      siteName: "The Dell Boys",
      locale: "en_US",
      url: "https://dellboys.example/politics/page/2",
      title: "Politics – page 2",
      description: "The latest Politics news.",
      images: [siteOgImage(settings)],
    });
    expect(m).not.toHaveProperty("robots");
  });

  it("leaves og:image to the page's opengraph-image file when asked to", () => {
    const m = pageMetadata(settings, {
      title: "Politics",
      description: "d",
      path: "/politics",
      image: "file",
    });
    expect(m.openGraph).not.toHaveProperty("images");
  });

  it("makes an article's Open Graph type article, with its article fields", () => {
    const m = pageMetadata(settings, {
      title: "Headline",
      description: "d",
      path: "/politics/headline",
      image: "file",
      article: {
        publishedTime: "2026-01-01T00:00:00.000Z",
        modifiedTime: "2026-01-02T00:00:00.000Z",
        section: "Politics",
        authors: ["https://dellboys.example/author/ann"],
        tags: ["Justice"],
      },
    });
    expect(m.openGraph).toMatchObject({
      type: "article",
      publishedTime: "2026-01-01T00:00:00.000Z",
      modifiedTime: "2026-01-02T00:00:00.000Z",
      section: "Politics",
      authors: ["https://dellboys.example/author/ann"],
      tags: ["Justice"],
      siteName: "The Dell Boys",
    });
  });

  it("passes robots through and uses the absolute title for og:title", () => {
    const m = pageMetadata(settings, {
      title: { absolute: "The Dell Boys – Independent news" },
      socialTitle: "The Dell Boys",
      description: "d",
      path: "/",
      image: "site",
      robots: { index: false, follow: true },
    });
    expect(m.robots).toEqual({ index: false, follow: true });
    expect(m.title).toEqual({ absolute: "The Dell Boys – Independent news" });
    expect(m.openGraph?.title).toBe("The Dell Boys");
    expect(m.alternates?.canonical).toBe("https://dellboys.example/");
  });
});
