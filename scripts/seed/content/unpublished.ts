import { illustration, type DemoArticle } from "./types.ts";

/**
 * Articles readers must never see. Each headline carries the word "Unpublished" and a unique token
 * (also once in its body) so that tests can check that pages, feeds, search, sitemaps and the API
 * never show them.
 */
export const unpublishedArticles: DemoArticle[] = [
  {
    slug: "draft-council-budget-leak",
    headline: "Draft: Unpublished council budget leak DRAFTTOKEN1",
    standfirst: "A working draft about leaked papers from the council's budget working group.",
    section: "local",
    tags: ["council"],
    authors: ["demo-author"],
    status: "DRAFT",
    publishedAt: null,
    hero: null,
    body: `Notes so far (DRAFTTOKEN1): a source has shared the council's working papers for next year's budget. They show the savings target rising from £6.2m to £7.5m.

Still to do:

- Confirm the figures with a second source.
- Ask the council's press office for a response.
- Check whether the papers have been discussed in a public meeting.`,
  },
  {
    slug: "draft-rovers-takeover-notes",
    headline: "Draft: Unpublished notes on the Rovers takeover DRAFTTOKEN2",
    standfirst: "Working notes on a possible bid for Dellbridge Rovers.",
    section: "sport",
    tags: ["football"],
    authors: ["declan-fairweather"],
    status: "DRAFT",
    publishedAt: null,
    hero: null,
    body: `DRAFTTOKEN2. Two people close to the club say a consortium has approached the board about buying a controlling stake. Nothing confirmed yet.

>> Placeholder for a quote from the chairman -- to be confirmed

Call the club secretary on Monday.`,
  },
  {
    slug: "draft-interview-with-the-harbourmaster",
    headline: "Draft: Unpublished interview with the Havenmouth harbourmaster DRAFTTOKEN3",
    standfirst: "A first draft of an interview for the business pages.",
    section: "business",
    tags: ["transport"],
    authors: ["demo-contributor"],
    status: "DRAFT",
    publishedAt: null,
    hero: null,
    body: `DRAFTTOKEN3. The harbourmaster, Captain Ruth Amadi, has run the port's marine operations for eleven years.

## Questions still to ask

1. How will the electric cranes change the working day?
2. What happens to the port in a storm surge?`,
  },
  {
    slug: "in-review-parking-charges-column",
    headline: "In review: Unpublished column on town centre parking charges REVIEWTOKEN",
    standfirst: "A column submitted for review by a contributor.",
    section: "opinion",
    tags: ["transport", "council"],
    authors: ["demo-contributor"],
    status: "IN_REVIEW",
    publishedAt: null,
    hero: null,
    body: `REVIEWTOKEN. The council wants to raise parking charges in Dellbridge town centre from £1.20 to £1.80 an hour. Before it does, it should ask who actually parks there.

Most of the people I spoke to in the Church Street car park were not shoppers. They were carers, visiting elderly relatives who live above the shops.

Editor's note: please check the survey figures before publication.`,
  },
  {
    slug: "scheduled-winter-lights-preview",
    headline: "Scheduled: Unpublished preview of the Dellbridge winter lights SCHEDULEDTOKEN1",
    standfirst: "What to expect when the town's winter lights are switched on.",
    section: "culture",
    tags: ["music"],
    authors: ["rosalind-quaye"],
    status: "SCHEDULED",
    publishedAt: null,
    scheduledInHours: 24,
    hero: illustration("The lights will be switched on in Abbey Gardens.", 1),
    body: `SCHEDULEDTOKEN1. The winter lights will be switched on in the Abbey Gardens at 5pm, with a lantern procession from the station, a brass band and stalls along Market Street.

The procession route:

1. Dellbridge station forecourt, from 4.15pm.
2. Station Road and Bridge Street.
3. Market Street, where the road will be closed from 3pm.
4. The Abbey Gardens, for the switch-on.`,
  },
  {
    slug: "scheduled-guide-to-the-budget-vote",
    headline: "Scheduled: Unpublished guide to the budget vote SCHEDULEDTOKEN2",
    standfirst: "How the budget vote works, and who holds the balance of power.",
    section: "politics",
    tags: ["parliament", "economy"],
    authors: ["tobias-renwick"],
    status: "SCHEDULED",
    publishedAt: null,
    scheduledInHours: 72,
    hero: null,
    body: `SCHEDULEDTOKEN2. The budget faces its first vote on 9 December. Without the Civic Party, the government needs the support of at least 28 other MPs.

## Who holds the balance

The smaller regional parties and independents hold 47 seats between them. Several have said they will decide how to vote only after seeing the final text of the housing levy.`,
  },
  {
    slug: "archived-ferry-fares-report",
    headline: "Archived: Unpublished report on Havenmouth ferry fares ARCHIVEDTOKEN",
    standfirst: "A report that was withdrawn after publication and archived.",
    section: "business",
    tags: ["transport"],
    authors: ["caspar-okonjo"],
    status: "ARCHIVED",
    publishedAt: "2026-10-01T09:00:00Z",
    hero: null,
    body: `ARCHIVEDTOKEN. Ferry fares between Havenmouth and the islands are to rise by 9% in January, the operator said.

This report was withdrawn because the operator later said the figures it had provided were wrong.`,
  },
];
