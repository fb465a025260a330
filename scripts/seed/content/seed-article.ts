import type { DemoArticle } from "./types.ts";
import { ILLUSTRATION_CREDIT } from "./types.ts";

/**
 * The real page in shared/seed/sessions-offered-to-quit.txt, imported cleanly. The scraped page
 * repeated the site name and the headline, ended with an empty "editors' picks" heading and had
 * sentences in the wrong paragraphs. The wording of every sentence is kept; only the order and the
 * paragraphing change:
 * - "He later added, after being pressed again…" follows Spicer's first answer, not the ABC lead;
 * - "According to an unconfirmed report…" restates the lead, so it sits right after it;
 * - "He privately blames Sessions' recusal…" joins the paragraph on the recusal setting the stage,
 *   not the Justice Department's "no comment";
 * - "ABC's sources said Trump 'has remained fixated on it'" follows the recusal paragraph ("it" is
 *   the recusal), and "That's according to an ABC News report…" attributes that paragraph;
 * - "The frustration comes at a critical juncture for Trump." follows the account of Trump's
 *   frustration instead of preceding it.
 */
export const seedArticle: DemoArticle = {
  slug: "sessions-offered-to-quit-amid-rift-with-trump",
  headline: "Sessions Offered to Quit Amid Rift With Trump on Russian Federation",
  standfirst:
    "Attorney General Jeff Sessions reportedly offered to resign in a recent meeting with President Donald Trump, whose frustration over Sessions' recusal from the Russia investigation has strained their working relationship.",
  section: "politics",
  tags: ["us-politics", "justice"],
  authors: ["tobias-renwick"],
  status: "PUBLISHED",
  publishedAt: "2017-06-06T18:30:00Z",
  // The hero is drawn from the slug as seed; that seed gives the "federal" palette (navy, brick red
  // and off-white), which content.test.ts checks so that this alt text stays true.
  hero: {
    alt: "Illustration: abstract circles and bands in navy, red and off-white, the colours of the US flag",
    caption: "The Justice Department declined to comment on the report.",
    credit: ILLUSTRATION_CREDIT,
  },
  seoTitle: "Sessions offered to quit amid rift with Trump",
  seoDescription:
    "Jeff Sessions reportedly offered his resignation to Donald Trump as the president fumed over his recusal from the Russia investigation.",
  body: `Attorney General Jeff Sessions allegedly proposed his possible resignation to President Donald Trump in a recent meeting amid an increasingly fraught working relationship, ABC News reported Tuesday, citing anonymous sources close to the president.

According to an unconfirmed report, U.S. Attorney General Jeff Sessions has threatened to quit his job amid rising tensions between him and the president.

White House spokesman Sean Spicer declined to say if Trump had confidence in Sessions, Alabama's former junior senator and the first sitting senator to endorse Trump, during Tuesday's White House briefing.

"I have not had that discussion with him", Spicer said. He later added, after being pressed again on the matter: "I said I have not had a discussion with him on the question".

The official said they wanted to avoid a repeat of what happened when Kellyanne Conway said Trump had confidence in Flynn only to find out hours later that the national security adviser had been pushed out.

Sarah Isgur Flores, a Justice Department spokesperson, declined to comment on the ABC story when emailed by Business Insider.

President Trump apparently believes that Sessions' recusal set the stage for Special Counsel Robert Mueller to ultimately take over the criminal probe. He privately blames Sessions' recusal for the expansion of the Russian Federation investigation and the naming of former FBI Director Robert Mueller as special prosecutor.

ABC's sources said Trump "has remained fixated on it", and two sources said Trump has "lashed out repeatedly" at Sessions privately, pointing at his decision to recuse himself as the reason for the escalation in the Russian Federation investigation. That's according to an ABC News report, which has been independently confirmed by the New York Times.

The frustration comes at a critical juncture for Trump.

Sessions was Trump's first supporter in the Senate and was an enthusiastic backer throughout the campaign - standing with Trump through multiple controversies.

After the election, Sessions was rewarded with one of the most prominent positions in Trump's new administration, atop the Justice Department.`,
};
