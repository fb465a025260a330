/**
 * Demo content of The Dell Boys: sections, tags, staff and articles, plus the initial front page
 * and editors' picks. Everything except the first article is fictional (invented places, people
 * and companies); the first article is the real page in shared/seed, imported cleanly.
 *
 * Article bodies use the markup of ./markup.ts. Published dates fall in the sixty days before
 * 2026-11-27; scheduled articles go live a number of hours after seeding.
 */
import { businessArticles } from "./content/business.ts";
import { cultureArticles } from "./content/culture.ts";
import { localArticles } from "./content/local.ts";
import { opinionArticles } from "./content/opinion.ts";
import { politicsArticles } from "./content/politics.ts";
import { scienceArticles } from "./content/science.ts";
import { seedArticle } from "./content/seed-article.ts";
import { sportArticles } from "./content/sport.ts";
import { technologyArticles } from "./content/technology.ts";
import type { DemoArticle } from "./content/types.ts";
import { unpublishedArticles } from "./content/unpublished.ts";
import { worldArticles } from "./content/world.ts";

export type { DemoArticle, DemoAuthor, DemoSection, DemoTag } from "./content/types.ts";
export { demoAuthors, demoSections, demoTags } from "./content/taxonomy.ts";

/** The imported seed article comes first; the rest are grouped by section, newest first. */
export const demoArticles: DemoArticle[] = [
  seedArticle,
  ...politicsArticles,
  ...worldArticles,
  ...businessArticles,
  ...technologyArticles,
  ...scienceArticles,
  ...cultureArticles,
  ...sportArticles,
  ...opinionArticles,
  ...localArticles,
  ...unpublishedArticles,
];

/** The editors' picks rail, in order. */
export const editorsPicks: string[] = [
  "sessions-offered-to-quit-amid-rift-with-trump",
  "how-a-family-hardware-chain-beat-the-warehouse-giants",
  "meet-the-volunteers-keeping-the-dell-valley-railway-running",
  "why-the-dells-river-otters-are-thriving",
  "satellite-built-by-dellbridge-sixth-formers-reaches-orbit",
];

/** The front page: the lead first, then the top stories. */
export const frontPage: string[] = [
  "coalition-talks-collapse-civic-party-walks-out-over-housing-levy",
  "dellbridge-bypass-approved-after-six-hour-meeting",
  "council-ai-chatbot-told-residents-to-recycle-batteries",
  "harrowgate-foods-to-close-dellbridge-bakery",
  "norvania-and-estvia-sign-fishing-accord",
  "dellbridge-rovers-stun-league-leaders-with-late-winner",
];
