import { describe, it, expect } from "vitest";
import {
  articleBodySchema,
  bodyToPlainText,
  countWords,
  type ArticleBody,
} from "../../src/lib/article-body.ts";
import {
  demoArticles,
  demoAuthors,
  demoSections,
  demoTags,
  editorsPicks,
  frontPage,
  type DemoArticle,
} from "./content.ts";
import { demoPaletteName } from "./images.ts";
import { markupToBody } from "./markup.ts";

const SEED_SLUG = "sessions-offered-to-quit-amid-rift-with-trump";
const SEED_HEADLINE = "Sessions Offered to Quit Amid Rift With Trump on Russian Federation";
/** The demo "now": published dates lie in the sixty days before it. */
const NOW = Date.parse("2026-11-27T12:00:00Z");
const DAY = 86_400_000;

const imagesSeen = new Map<string, string[]>();
function convert(article: DemoArticle): ArticleBody {
  const keys: string[] = [];
  imagesSeen.set(article.slug, keys);
  return markupToBody(article.body, (key) => {
    keys.push(key);
    return { src: `/media/demo/${article.slug}-${key}.jpg`, width: 1200, height: 800, mediaId: null };
  });
}
const bodies = new Map(demoArticles.map((a) => [a.slug, convert(a)]));
const bodyOf = (a: DemoArticle) => bodies.get(a.slug)!;
const textOf = (a: DemoArticle) => bodyToPlainText(bodyOf(a));
const wordsOf = (a: DemoArticle) => countWords(textOf(a));

const published = demoArticles.filter((a) => a.status === "PUBLISHED");
const ownPublished = published.filter((a) => a.slug !== SEED_SLUG);
const bySlug = new Map(demoArticles.map((a) => [a.slug, a]));
const has = (a: DemoArticle, type: string, level?: number) =>
  bodyOf(a).content.some(
    (b) => b.type === type && (level === undefined || (b.type === "heading" && b.attrs.level === level)),
  );
const hasLink = (a: DemoArticle) => JSON.stringify(bodyOf(a)).includes('"type":"link"');

describe("demo content: every article body", () => {
  it.each(demoArticles.map((a) => [a.slug, a] as const))(
    "%s converts and passes the schema",
    (_, article) => {
      const body = bodyOf(article);
      expect(articleBodySchema.parse(body)).toEqual(body);
      expect(body.content.length).toBeGreaterThan(0);
    },
  );

  it("uses unique image keys within each article", () => {
    for (const [slug, keys] of imagesSeen) {
      expect(new Set(keys).size, slug).toBe(keys.length);
    }
  });

  it("has no leftover markup characters in the text", () => {
    for (const article of demoArticles) {
      const text = textOf(article);
      expect(text, article.slug).not.toMatch(/\*\*|\]\(|img:|^#{1,6} |^>/m);
    }
  });
});

describe("demo content: references and uniqueness", () => {
  it("has unique slugs everywhere", () => {
    const unique = (list: string[]) => expect(new Set(list).size).toBe(list.length);
    unique(demoArticles.map((a) => a.slug));
    unique(demoSections.map((s) => s.slug));
    unique(demoTags.map((t) => t.slug));
    unique(demoAuthors.map((a) => a.slug));
    unique(demoAuthors.map((a) => a.email.toLowerCase()));
    for (const slug of [
      ...demoArticles.map((a) => a.slug),
      ...demoSections.map((s) => s.slug),
      ...demoTags.map((t) => t.slug),
      ...demoAuthors.map((a) => a.slug),
    ]) {
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it("references only sections, tags and authors that exist", () => {
    const sections = new Set(demoSections.map((s) => s.slug));
    const tags = new Set(demoTags.map((t) => t.slug));
    const authors = new Set(demoAuthors.map((a) => a.slug));
    for (const article of demoArticles) {
      expect(sections.has(article.section), `${article.slug}: section ${article.section}`).toBe(true);
      for (const tag of article.tags) expect(tags.has(tag), `${article.slug}: tag ${tag}`).toBe(true);
      expect(new Set(article.tags).size).toBe(article.tags.length);
      expect(article.authors.length, article.slug).toBeGreaterThan(0);
      expect(new Set(article.authors).size).toBe(article.authors.length);
      for (const author of article.authors)
        expect(authors.has(author), `${article.slug}: author ${author}`).toBe(true);
    }
  });

  it("uses every tag on at least one published article, and no article has more than four", () => {
    const used = new Set(published.flatMap((a) => a.tags));
    for (const tag of demoTags) expect(used.has(tag.slug), tag.slug).toBe(true);
    for (const article of demoArticles) expect(article.tags.length).toBeLessThanOrEqual(4);
  });

  it("has editors' picks and a front page made of distinct published articles", () => {
    expect(editorsPicks.length).toBeGreaterThanOrEqual(4);
    expect(editorsPicks.length).toBeLessThanOrEqual(6);
    expect(frontPage.length).toBeGreaterThanOrEqual(5);
    expect(frontPage.length).toBeLessThanOrEqual(7);
    expect(new Set(editorsPicks).size).toBe(editorsPicks.length);
    expect(new Set(frontPage).size).toBe(frontPage.length);
    for (const slug of [...editorsPicks, ...frontPage]) {
      expect(bySlug.get(slug)?.status, slug).toBe("PUBLISHED");
    }
    expect(editorsPicks).toContain(SEED_SLUG);
    // The front page leads with recent news.
    for (const slug of frontPage) {
      expect(Date.parse(bySlug.get(slug)!.publishedAt!)).toBeGreaterThan(NOW - 3 * DAY);
    }
  });
});

describe("demo content: sections, tags and authors", () => {
  it("has at least eight sections including Politics", () => {
    expect(demoSections.length).toBeGreaterThanOrEqual(8);
    expect(demoSections.find((s) => s.slug === "politics")?.name).toBe("Politics");
    for (const slug of [
      "world",
      "business",
      "technology",
      "science",
      "culture",
      "sport",
      "opinion",
      "local",
    ]) {
      expect(demoSections.map((s) => s.slug)).toContain(slug);
    }
    for (const section of demoSections) {
      expect(section.name.length).toBeGreaterThan(0);
      expect(section.description.length).toBeGreaterThan(10);
      expect(section.description.length).toBeLessThan(140);
    }
  });

  it("has about twenty tags", () => {
    expect(demoTags.length).toBeGreaterThanOrEqual(18);
    expect(demoTags.length).toBeLessThanOrEqual(26);
  });

  it("has the demo staff and sign-in accounts, and no admin", () => {
    const staff = demoAuthors.filter((a) => !a.slug.startsWith("demo-"));
    expect(staff.length).toBeGreaterThanOrEqual(8);
    expect(staff.some((a) => a.role === "EDITOR")).toBe(true);
    expect(staff.some((a) => a.role === "CONTRIBUTOR")).toBe(true);
    expect(staff.filter((a) => a.role === "AUTHOR").length).toBeGreaterThanOrEqual(3);
    expect(demoAuthors.some((a) => a.role === "ADMIN")).toBe(false);

    const account = (slug: string) => demoAuthors.find((a) => a.slug === slug);
    expect(account("demo-editor")).toMatchObject({ role: "EDITOR", email: "editor@dellboys.example" });
    expect(account("demo-author")).toMatchObject({ role: "AUTHOR", email: "author@dellboys.example" });
    expect(account("demo-contributor")).toMatchObject({
      role: "CONTRIBUTOR",
      email: "contributor@dellboys.example",
    });

    for (const author of demoAuthors) {
      expect(author.email, author.slug).toMatch(/^[a-z0-9.]+@dellboys\.example$/);
      // A real-sounding name, not "Demo Editor".
      expect(author.name, author.slug).toMatch(/^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+$/);
      expect(author.name.toLowerCase()).not.toContain("demo");
      const sentences = author.bio.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length, author.slug).toBeGreaterThanOrEqual(2);
      expect(sentences.length, author.slug).toBeLessThanOrEqual(3);
    }
    // Exactly the keys the seeder spreads into a User row.
    for (const author of demoAuthors) {
      expect(Object.keys(author).sort()).toEqual(["bio", "email", "name", "role", "slug"]);
    }
  });
});

describe("demo content: articles", () => {
  it("has the expected status distribution", () => {
    const count = (status: DemoArticle["status"]) => demoArticles.filter((a) => a.status === status).length;
    expect(count("PUBLISHED")).toBeGreaterThanOrEqual(45);
    expect(ownPublished.length).toBeGreaterThanOrEqual(44);
    expect(count("DRAFT")).toBe(3);
    expect(count("IN_REVIEW")).toBe(1);
    expect(count("SCHEDULED")).toBe(2);
    expect(count("ARCHIVED")).toBe(1);
    expect(
      demoArticles
        .filter((a) => a.status === "SCHEDULED")
        .map((a) => a.scheduledInHours)
        .sort((x, y) => x! - y!),
    ).toEqual([24, 72]);
  });

  it("has at least four published articles in every section", () => {
    for (const section of demoSections) {
      const inSection = published.filter((a) => a.section === section.slug);
      expect(inSection.length, section.slug).toBeGreaterThanOrEqual(4);
    }
  });

  it("dates published articles consistently, within sixty days of the demo date", () => {
    for (const article of demoArticles) {
      const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
      if (article.status === "PUBLISHED" || article.status === "ARCHIVED") {
        expect(article.publishedAt, article.slug).toMatch(iso);
        expect(Date.parse(article.publishedAt!)).toBeLessThan(NOW);
      } else {
        expect(article.publishedAt, article.slug).toBeNull();
      }
      if (article.status === "SCHEDULED") expect(article.scheduledInHours).toBeGreaterThan(0);
      else expect(article.scheduledInHours, article.slug).toBeUndefined();
      if (article.updatedAt) {
        expect(article.updatedAt).toMatch(iso);
        expect(Date.parse(article.updatedAt), article.slug).toBeGreaterThan(Date.parse(article.publishedAt!));
        expect(Date.parse(article.updatedAt)).toBeLessThan(NOW);
      }
      for (const correction of article.corrections ?? []) {
        expect(correction.at).toMatch(iso);
        expect(Date.parse(correction.at)).toBeGreaterThan(Date.parse(article.publishedAt!));
        expect(correction.text.length).toBeGreaterThan(20);
      }
    }
    for (const article of ownPublished) {
      const at = Date.parse(article.publishedAt!);
      expect(at, article.slug).toBeGreaterThan(NOW - 61 * DAY);
    }
    const recent = published.filter((a) => Date.parse(a.publishedAt!) >= Date.parse("2026-11-26T00:00:00Z"));
    expect(recent.length).toBeGreaterThanOrEqual(5);
    expect(recent.some((a) => a.publishedAt!.startsWith("2026-11-27"))).toBe(true);
    expect(published.filter((a) => a.updatedAt).length).toBeGreaterThanOrEqual(3);
    expect(published.filter((a) => a.corrections?.length).length).toBe(2);
  });

  it("varies length from short news to long reads", () => {
    const words = ownPublished.map(wordsOf);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(140);
    expect(Math.max(...words)).toBeGreaterThanOrEqual(1100);
    expect(Math.max(...words)).toBeLessThanOrEqual(1300);
    expect(words.filter((w) => w >= 600).length).toBeGreaterThanOrEqual(4);
  });

  it("uses every kind of block often enough", () => {
    const count = (pred: (a: DemoArticle) => boolean) => ownPublished.filter(pred).length;
    expect(count((a) => has(a, "pullQuote"))).toBeGreaterThanOrEqual(8);
    expect(count((a) => has(a, "bulletList") || has(a, "orderedList"))).toBeGreaterThanOrEqual(6);
    expect(count((a) => has(a, "orderedList"))).toBeGreaterThanOrEqual(2);
    expect(count((a) => has(a, "image"))).toBeGreaterThanOrEqual(6);
    expect(count((a) => has(a, "heading", 2))).toBeGreaterThanOrEqual(6);
    expect(count((a) => has(a, "heading", 3))).toBeGreaterThanOrEqual(1);
    expect(count((a) => has(a, "blockquote"))).toBeGreaterThanOrEqual(3);
    expect(count((a) => has(a, "horizontalRule"))).toBeGreaterThanOrEqual(1);
    expect(count(hasLink)).toBeGreaterThanOrEqual(6);
  });

  it("links only to the example domain, the site itself or mailto", () => {
    for (const article of demoArticles) {
      for (const [, href] of article.body.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (href!.startsWith("img:")) continue;
        expect(href, article.slug).toMatch(
          /^(https:\/\/example\.org\/|\/[a-z]|mailto:[a-z]+@dellboys\.example$)/,
        );
      }
    }
  });

  it("links site-relative article URLs only to published articles in the right section", () => {
    for (const article of demoArticles) {
      for (const [, href] of article.body.matchAll(/\]\((\/[^)\s]*)\)/g)) {
        const [section, slug, ...rest] = href!.slice(1).split("/");
        expect(rest, href).toEqual([]);
        expect(
          demoSections.map((s) => s.slug),
          href,
        ).toContain(section);
        if (slug) {
          const target = bySlug.get(slug);
          expect(target?.status, href).toBe("PUBLISHED");
          expect(target?.section, href).toBe(section);
        }
      }
    }
  });

  it("gives most published articles an honest illustrated hero", () => {
    const withHero = published.filter((a) => a.hero);
    expect(withHero.length / published.length).toBeGreaterThan(0.7);
    for (const article of demoArticles) {
      if (!article.hero) continue;
      expect(article.hero.alt.length, article.slug).toBeGreaterThan(10);
      expect(article.hero.alt.toLowerCase(), article.slug).toMatch(/illustration|abstract/);
      expect(article.hero.caption.length).toBeGreaterThan(0);
      expect(article.hero.credit).toBe("Illustration: The Dell Boys");
    }
    // Inline images are illustrations too, and say so.
    for (const article of demoArticles) {
      for (const [, alt] of article.body.matchAll(/!\[([^\]]*)\]\(img:/g)) {
        expect(alt!.toLowerCase(), article.slug).toMatch(/illustration|abstract/);
      }
    }
  });

  it("keeps headlines, standfirsts and SEO fields to sensible lengths", () => {
    for (const article of demoArticles) {
      expect(article.headline.length, article.slug).toBeLessThanOrEqual(110);
      expect(article.standfirst.length, article.slug).toBeGreaterThan(30);
      expect(article.standfirst.length, article.slug).toBeLessThanOrEqual(260);
      if (article.seoTitle) expect(article.seoTitle.length).toBeLessThanOrEqual(70);
      if (article.seoDescription) expect(article.seoDescription.length).toBeLessThanOrEqual(160);
    }
  });
});

describe("demo content: articles readers must never see", () => {
  const hidden = demoArticles.filter((a) => a.status !== "PUBLISHED");
  const tokens = [
    ["DRAFT", "DRAFTTOKEN1"],
    ["DRAFT", "DRAFTTOKEN2"],
    ["DRAFT", "DRAFTTOKEN3"],
    ["IN_REVIEW", "REVIEWTOKEN"],
    ["SCHEDULED", "SCHEDULEDTOKEN1"],
    ["SCHEDULED", "SCHEDULEDTOKEN2"],
    ["ARCHIVED", "ARCHIVEDTOKEN"],
  ] as const;

  it.each(tokens)("a %s article carries %s once in its headline and once in its body", (status, token) => {
    const matching = demoArticles.filter((a) => a.headline.includes(token));
    expect(matching).toHaveLength(1);
    const article = matching[0]!;
    expect(article.status).toBe(status);
    expect(article.headline).toMatch(/\bUnpublished\b/);
    expect(textOf(article).split(token).length - 1).toBe(1);
  });

  it("never lets a token or the word 'unpublished' into published articles", () => {
    expect(hidden).toHaveLength(tokens.length);
    for (const article of published) {
      const all = [
        article.headline,
        article.standfirst,
        article.seoTitle ?? "",
        article.seoDescription ?? "",
        article.body,
      ].join("\n");
      expect(all, article.slug).not.toMatch(/unpublished|TOKEN/i);
    }
  });
});

describe("demo content: the imported seed article", () => {
  const seed = demoArticles[0]!;
  const paragraphs = bodyOf(seed)
    .content.filter((b) => b.type === "paragraph")
    .map((b) => (b.content ?? []).map((n) => (n.type === "text" ? n.text : "\n")).join(""));
  const paragraphWith = (s: string) => {
    const found = paragraphs.filter((p) => p.includes(s));
    expect(found, s).toHaveLength(1);
    return found[0]!;
  };

  it("comes first, with the exact headline, in Politics, published in June 2017", () => {
    expect(seed.slug).toBe(SEED_SLUG);
    expect(seed.headline).toBe(SEED_HEADLINE);
    expect(seed.section).toBe("politics");
    expect(seed.status).toBe("PUBLISHED");
    expect(seed.publishedAt).toBe("2017-06-06T18:30:00Z");
    expect(seed.authors).toHaveLength(1);
    expect(seed.tags).toEqual(expect.arrayContaining(["us-politics", "justice"]));
  });

  it("has its headline exactly once, and no site name or editors' picks", () => {
    const all = [seed.headline, seed.standfirst, textOf(seed)].join("\n");
    expect(all.split(SEED_HEADLINE).length - 1).toBe(1);
    expect(all).not.toMatch(/editors[’']? picks/i);
    expect(all).not.toContain("The Dell Boys");
    expect(all).not.toContain("On branch");
  });

  it("has a one-sentence standfirst written from the lead", () => {
    expect(seed.standfirst.match(/[.!?](\s|$)/g)).toHaveLength(1);
    expect(seed.standfirst).toMatch(/Sessions/);
    expect(seed.standfirst).toMatch(/resign/);
  });

  it("is plain paragraphs, one per block, with quotes kept in their own paragraphs", () => {
    expect(bodyOf(seed).content.every((b) => b.type === "paragraph")).toBe(true);
    expect(paragraphs).toHaveLength(11);
    expect(paragraphs[0]).toMatch(
      /^Attorney General Jeff Sessions allegedly proposed his possible resignation/,
    );
    expect(paragraphs[0]).toMatch(/citing anonymous sources close to the president\.$/);
  });

  it("puts the misplaced sentences where they belong", () => {
    // Spicer's second answer follows his first, not the ABC lead.
    expect(paragraphWith("I said I have not had a discussion with him on the question")).toContain(
      "I have not had that discussion with him",
    );
    expect(paragraphs[0]).not.toContain("pressed again");
    // The blame for the recusal joins the paragraph about the recusal.
    expect(paragraphWith("He privately blames Sessions' recusal")).toContain(
      "Sessions' recusal set the stage for Special Counsel Robert Mueller",
    );
    expect(paragraphWith("He privately blames")).not.toContain("Sarah Isgur Flores");
    // The unconfirmed-report sentence restates the lead, right after it, alone.
    expect(paragraphs[1]).toBe(
      "According to an unconfirmed report, U.S. Attorney General Jeff Sessions has threatened to quit his job amid rising tensions between him and the president.",
    );
    expect(paragraphWith("I have not had that discussion with him")).not.toContain("unconfirmed report");
  });

  it("keeps every original sentence, word for word, exactly once", () => {
    const text = textOf(seed);
    const sentences = [
      "White House spokesman Sean Spicer declined to say if Trump had confidence in Sessions, Alabama's former junior senator and the first sitting senator to endorse Trump, during Tuesday's White House briefing.",
      "The official said they wanted to avoid a repeat of what happened when Kellyanne Conway said Trump had confidence in Flynn only to find out hours later that the national security adviser had been pushed out.",
      "Sarah Isgur Flores, a Justice Department spokesperson, declined to comment on the ABC story when emailed by Business Insider.",
      "The frustration comes at a critical juncture for Trump.",
      'ABC\'s sources said Trump "has remained fixated on it", and two sources said Trump has "lashed out repeatedly" at Sessions privately, pointing at his decision to recuse himself as the reason for the escalation in the Russian Federation investigation.',
      "Sessions was Trump's first supporter in the Senate and was an enthusiastic backer throughout the campaign - standing with Trump through multiple controversies.",
      "After the election, Sessions was rewarded with one of the most prominent positions in Trump's new administration, atop the Justice Department.",
      "That's according to an ABC News report, which has been independently confirmed by the New York Times.",
    ];
    for (const sentence of sentences) expect(text.split(sentence).length - 1, sentence).toBe(1);
  });

  it("has a hero whose alt text matches the palette its slug draws", () => {
    // The seeder draws each hero with the article slug as the seed (scripts/lib/seed.ts).
    expect(seed.hero?.alt).toMatch(/navy, red and off-white/);
    expect(demoPaletteName(seed.slug)).toBe("federal");
  });
});
