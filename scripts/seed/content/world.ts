import { illustration, type DemoArticle } from "./types.ts";

export const worldArticles: DemoArticle[] = [
  {
    slug: "norvania-and-estvia-sign-fishing-accord",
    headline: "Norvania and Estvia sign fishing accord after decade-long dispute",
    standfirst:
      "The agreement shares out cod and herring quotas in the Kessel Sea and ends a standoff that saw trawlers detained on both sides.",
    section: "world",
    tags: ["diplomacy", "environment"],
    authors: ["priya-lindqvist"],
    status: "PUBLISHED",
    publishedAt: "2026-11-26T14:00:00Z",
    hero: illustration(
      "Fishing boats from both countries have been detained in the Kessel Sea since 2016.",
      1,
    ),
    body: `Norvania and Estvia signed an agreement on Thursday to share fishing rights in the Kessel Sea, ending a ten-year dispute that has seen dozens of trawlers detained and, at its height in 2019, a naval standoff off the island of Vessa.

The accord, signed in the Estvian port city of Larsvik by the two countries' foreign ministers, divides the annual cod and herring quotas roughly equally and creates a joint commission to set catch limits each year on scientific advice.

>> For ten years our fishermen have gone to sea not knowing whether they would be arrested. Today that ends. -- Marit Eklund, Norvania's foreign minister

Under the deal, Norvanian boats will receive 52% of the cod quota and Estvian boats 48%, with the split reversed for herring. Boats from each country will be allowed to land their catch in the other's ports without paying additional fees.

Both governments also agreed to release the eleven fishermen still held over past incursions, some of whom have been in detention for more than a year.

The dispute began in 2016, when Estvia extended its exclusive economic zone around Vessa, a rocky, uninhabited island whose ownership had never been settled. Norvania refused to recognise the new boundary, and both navies began escorting their fishing fleets.

Marine scientists welcomed the joint commission, saying that the quarrel had made it impossible to manage fish stocks properly. Cod numbers in the Kessel Sea have fallen by about a third since 2016, according to the Kessel Sea Fisheries Institute.

“Fish do not carry passports,” said Dr Anneli Ruus, a fisheries biologist at the institute. “For the first time in a decade, the people setting quotas will be looking at the same numbers.”

Fishing communities on both sides were cautious. In Larsvik, where the fleet has shrunk from sixty boats to twenty-two, the harbour master, Tõnis Aavik, said the deal had come “ten years and forty boats too late”.

The agreement must still be ratified by both parliaments. Votes are expected early next year.`,
  },
  {
    slug: "floods-force-evacuation-of-40000-in-kaldoria",
    headline: "Floods force evacuation of 40,000 in Kaldoria's river delta",
    standfirst:
      "Days of record rainfall have burst levees along the Oskar river, and officials say the water may not recede for weeks.",
    section: "world",
    tags: ["climate", "environment"],
    authors: ["priya-lindqvist"],
    status: "PUBLISHED",
    publishedAt: "2026-11-20T07:30:00Z",
    updatedAt: "2026-11-21T15:00:00Z",
    hero: illustration("Levees along the lower Oskar gave way on Wednesday night.", 2),
    body: `*Updated on 21 November with the latest figures from Kaldoria's civil protection agency.*

More than 40,000 people have been evacuated from the Oskar delta in southern Kaldoria after days of record rainfall burst levees along the river and flooded dozens of villages.

Kaldoria's civil protection agency said on Friday that six people had died and that four were still missing. Rescue teams in boats were still searching flooded farmland south of the city of Pell, where the water reached the first floors of some houses.

![Abstract illustration in muted blues and greys](img:delta "The lower Oskar delta is home to about 120,000 people." "Illustration: The Dell Boys")

The agency said 312mm of rain had fallen in four days at its station in Pell, more than the area usually receives in three months. Meteorologists said the rain was caused by a slow-moving storm system that stalled over the region for most of the week.

“We have never seen the river this high. Not in my lifetime, not in my father's,” said Dragan Ilić, a farmer from the village of Sorna, who was evacuated with his family by boat on Wednesday night.

The government has declared a state of emergency in three provinces and asked neighbouring countries for pumps and temporary shelters. Two of its neighbours have sent rescue teams, and the regional development bank has offered an emergency loan.

Officials warned that much of the delta could stay under water for weeks, because the land behind the levees lies below the level of the river. Engineers said breaches would have to be closed before pumping could begin.

Climate scientists said storms of this kind were becoming more frequent in the region. A study published last year by researchers at Ulvercombe University found that extreme rainfall events over the Oskar basin had become about 30% more intense since the 1970s.`,
  },
  {
    slug: "sandoval-islands-calm-vote-first-contested-election",
    headline: "Observers report calm vote in Sandoval Islands' first contested election",
    standfirst:
      "Turnout was high and polling stations opened on time, international monitors said, as the archipelago chose between two parties for the first time.",
    section: "world",
    tags: ["elections", "diplomacy"],
    authors: ["priya-lindqvist"],
    status: "PUBLISHED",
    publishedAt: "2026-11-03T12:15:00Z",
    hero: illustration("Voters on the main island of San Telmo queued from before dawn.", 0),
    body: `International observers said on Tuesday that voting in the Sandoval Islands' first contested general election had been peaceful and well organised, with turnout estimated at 78%.

The archipelago of about 90,000 people had been governed by the National Unity Party since independence. A constitutional change last year allowed opposition parties to stand candidates for the first time.

The head of the observer mission, Ambassador Helga Brandt, said polling stations had opened on time across all nineteen inhabited islands, and that ballot boxes had been carried between islands by boat under the watch of both parties' agents.

“There were long queues and some confusion about identity documents, but we saw nothing that would affect the result,” she said.

Results are expected on Thursday. The opposition Islands Forward party, led by the former fisheries minister Lucía Marrero, has campaigned on the cost of living and on ferry services between the outer islands.`,
  },
  {
    slug: "five-things-we-learned-at-the-havenmouth-climate-talks",
    headline: "Inside the summit: five things we learned at the Havenmouth climate talks",
    standfirst:
      "Ministers from thirty-one countries spent three days in a converted grain warehouse. Here is what they agreed, what they did not, and what it means.",
    section: "world",
    tags: ["climate", "diplomacy", "energy"],
    authors: ["priya-lindqvist", "wendell-ashgrove"],
    status: "PUBLISHED",
    publishedAt: "2026-10-18T17:00:00Z",
    hero: illustration("The summit was held in a converted grain warehouse on Havenmouth's quayside.", 1),
    body: `The Havenmouth climate talks ended on Saturday with a communiqué that most delegates described as modest and some described as a relief. Ministers from thirty-one countries had met for three days to agree how to pay for coastal defences in the countries most at risk from rising seas.

Here is what we learned.

## 1. There is money, but not much

Wealthy countries pledged a combined $4.2bn over five years to a new Coastal Resilience Fund. That is less than half of the $10bn that small island states had asked for, and much of it had already been promised elsewhere.

“We came for a lifeboat and were given a bucket,” said the Sandoval Islands' environment minister, Rafael Ortega.

## 2. The fund will be run by the countries that need it

The most significant agreement may be about governance. Unlike previous funds, the new one will have a board on which recipient countries hold a majority of seats. Several delegates said this was the concession that kept the talks from collapsing on Friday night.

## 3. Shipping is back on the table

For the first time, the communiqué mentions a levy on shipping fuel as a possible source of money for the fund. It stops well short of proposing one, but observers said the wording would have been unthinkable two years ago.

>> Two years ago you could not say the word levy in this room. Now it is in the text. -- Dr Kofi Mensah-Larsen, Centre for Ocean Policy

## 4. The host city made a case for itself

Havenmouth used the summit to show off its own flood defences, including the tidal barrier completed in 2024 and the restored salt marshes at the mouth of the Dell. Delegates were taken on boat tours of both.

The city's mayor, Ingrid Solberg, said several countries had asked for advice on building similar marshes. “Nature is the cheapest engineer we have,” she said.

## 5. The next round will be harder

The talks avoided the most divisive question: whether countries that have emitted most in the past should pay most now. That argument has been postponed to next year's meeting, which will be held in Larsvik.

What the summit agreed, in short:

1. A Coastal Resilience Fund of $4.2bn over five years.
2. A board with a majority of recipient countries.
3. A study of a levy on shipping fuel, to report in 2027.
4. A shared register of coastal defence projects, open to the public.

The full communiqué is published on the [summit website](https://example.org/havenmouth-summit/communique).`,
  },
  {
    slug: "estvia-central-bank-raises-rates-fourth-time",
    headline: "Estvia's central bank raises rates for the fourth time this year",
    standfirst:
      "The bank lifted its main rate to 5.25% and warned that food prices were still rising too fast.",
    section: "world",
    tags: ["economy", "markets"],
    authors: ["priya-lindqvist"],
    status: "PUBLISHED",
    publishedAt: "2026-10-02T10:05:00Z",
    hero: null,
    body: `Estvia's central bank raised its main interest rate by a quarter of a percentage point to 5.25% on Thursday, its fourth increase this year, and said further rises could not be ruled out.

Inflation in Estvia reached 6.8% in September, driven largely by food prices, which have risen by more than 11% over the past year after a poor harvest and higher fuel costs.

In its statement, the bank's monetary policy committee said:

> The committee judges that inflation will remain well above target into the second half of next year. It stands ready to act further if price pressures persist.

The bank's governor, Kadri Saar, said the increase was needed to stop high inflation becoming “a habit that is hard to break”. She added that the bank would watch wages closely over the winter.

Business groups criticised the decision. The Estvian Chamber of Commerce said higher borrowing costs were already forcing small firms to delay investment, and warned that the economy could tip into recession early next year.

The Estvian crown rose slightly against the euro after the announcement.`,
  },
];
