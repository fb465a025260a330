import { illustration, type DemoArticle } from "./types.ts";

export const cultureArticles: DemoArticle[] = [
  {
    slug: "review-the-salt-road",
    headline: "Review: ‘The Salt Road’ is a slow, luminous film about leaving home",
    standfirst:
      "Ilse Marchetti's second feature follows a young woman walking away from her island village. It is patient, beautiful and quietly devastating.",
    section: "culture",
    tags: ["film"],
    authors: ["rosalind-quaye"],
    status: "PUBLISHED",
    publishedAt: "2026-11-26T18:00:00Z",
    hero: illustration("‘The Salt Road’ opens at the Arcadia in Dellbridge on Friday.", 1),
    body: `There is a shot about halfway through *The Salt Road* that I have not been able to stop thinking about. A young woman stands at the end of a causeway at low tide, holding a suitcase, looking back at the village she grew up in. The water is coming in. She has, perhaps, ten minutes to decide. The camera does not move, and neither does she, for what feels like most of those ten minutes.

It is that kind of film: slow, patient, and entirely confident that you will wait with it.

Ilse Marchetti's second feature follows Livia, played with extraordinary stillness by the newcomer Saskia Brandão, over the last summer before she leaves the tiny tidal island where her family has harvested salt for generations. Her mother is ill. Her younger brother wants to stay. Her father does not speak about any of it.

Nothing much happens, in the conventional sense. There are salt pans to rake, nets to mend, a wedding, a funeral, a storm. But Marchetti, who also wrote the script, builds these small moments into something that lands with surprising force.

>> It is slow, patient, and entirely confident that you will wait with it.

The cinematography, by Jonas Ekholm, is remarkable: all white light and grey water, with the salt pans glowing like sheets of ice. The sound design is just as careful. You hear the wind before you see it, and the silence of the house after the mother's death is almost unbearable.

Not everything works. A subplot about a developer who wants to buy the island feels like it belongs in a different, more ordinary film, and the final scene explains slightly more than it needs to.

But these are small complaints about a film that trusts its audience as few do. Go, and be patient.

**The Salt Road** (12A, 118 minutes) opens on Friday. Four stars out of five.`,
  },
  {
    slug: "dellbridge-folk-festival-announces-2027-line-up",
    headline: "Dellbridge Folk Festival announces 2027 line-up",
    standfirst:
      "The Marram Sisters will headline the festival's 40th year, with a new stage in the Abbey Gardens and a free family day on the Sunday.",
    section: "culture",
    tags: ["music"],
    authors: ["rosalind-quaye"],
    status: "PUBLISHED",
    publishedAt: "2026-11-19T11:00:00Z",
    hero: illustration("The festival began in the back room of the Packhorse Inn in 1987.", 2),
    body: `The Dellbridge Folk Festival has announced the line-up for its 40th year, with the Marram Sisters topping the bill on the Saturday night.

The festival, which began in 1987 in the back room of the Packhorse Inn and now draws about 12,000 people over three days, will take place from 23 to 25 July. This year it adds a third stage, in the Abbey Gardens.

Headline and featured acts include:

- The Marram Sisters, the Havenmouth trio whose album *Shingle* was one of the surprise hits of last year.
- Tobiah Quell, the fiddler and songwriter, with a new band.
- Old Fen Ceilidh Orchestra, closing the Friday with a four-hour dance.
- The Ulvercombe Community Choir, performing a new piece commissioned for the anniversary.
- Joss Orrin and the Low Road, returning after their 2019 appearance.

The Sunday will be a free family day in the Abbey Gardens, with workshops in clog dancing, songwriting and instrument-making.

“Forty years ago a few people with guitars and a lot of optimism started this. We wanted the anniversary to feel like that again, a bit ramshackle and open to everyone,” said the festival director, Hattie Linnell.

Weekend tickets go on sale on 1 December, priced at £95, with discounts for under-25s and residents of the Dell Valley. Details are on the [festival website](https://example.org/dellbridge-folk-festival/2027).`,
  },
  {
    slug: "agnes-farrow-wins-halberd-prize",
    headline: "Agnes Farrow wins Halberd Prize for debut novel about a lighthouse keeper",
    standfirst:
      "The 71-year-old former nurse is the oldest winner in the prize's history, and the first from a small press.",
    section: "culture",
    tags: ["books"],
    authors: ["rosalind-quaye"],
    status: "PUBLISHED",
    publishedAt: "2026-11-05T21:30:00Z",
    hero: illustration("Farrow wrote the novel over eleven years, mostly at her kitchen table.", 0),
    body: `Agnes Farrow, a retired nurse from the village of Cleave, has won the Halberd Prize for fiction with her first novel, *The Keeper of Skerry Light*, at the age of 71.

She is the oldest winner in the prize's 28-year history, and the first to be published by a small independent press, Dellbridge's own Tidewrack Books, which has four employees and operates from above a launderette.

The novel tells the story of a woman who keeps a remote lighthouse alone through the winter of 1962, after her husband drowns. The judges called it “a book of enormous tenderness and nerve, written in prose as clear as a winter sky”.

>> I wrote it at the kitchen table between the school run and my grandchildren's tea. I never thought anyone would read it. -- Agnes Farrow

Farrow said she began the book eleven years ago, after finding her grandmother's diaries in a box in the loft. Her grandmother had been the wife of a lighthouse keeper on the north coast.

“I sent it to forty agents and forty agents said no,” she said. “Then Tidewrack said yes, and here we are.”

The prize, worth £30,000, was announced at a dinner in Brennock on Thursday night. Tidewrack's publisher, Jude Abernethy, said the press had already ordered a reprint of 20,000 copies. “That's more books than we've printed in the last five years put together,” he said.`,
  },
  {
    slug: "the-arcadia-cinema-reopens-after-a-decade",
    headline: "The Arcadia cinema reopens after a decade, with velvet seats and a waiting list",
    standfirst:
      "Dellbridge's 1930s picture house has been restored by a community group that raised £1.8m, most of it in small donations.",
    section: "culture",
    tags: ["film"],
    authors: ["rosalind-quaye"],
    status: "PUBLISHED",
    publishedAt: "2026-10-20T17:45:00Z",
    hero: illustration("The Arcadia opened in 1936 and closed in 2016.", 1),
    body: `For ten years, the Arcadia cinema on Dellbridge's Crown Street has been a boarded-up shell with a buddleia growing out of its roof. On Friday night, it opens its doors again, with 340 restored velvet seats, a new projector and a waiting list for membership.

The 1936 picture house closed in 2016, when its last operator went out of business. A plan to turn it into flats was rejected by the council after a campaign by residents, who then formed the Arcadia Trust to buy and restore it.

![Abstract illustration in deep red and gold tones](img:auditorium "The auditorium's plasterwork was restored by hand." "Illustration: The Dell Boys")

The trust raised £1.8m over six years. A little over half came from grants; the rest came from more than 4,000 individual donations, the smallest of them 50p and the largest £60,000.

“We had a seven-year-old who sent us her pocket money every week for a year,” said the trust's chair, Marguerite Oduya. “Her name is on seat F12.”

The restoration uncovered the original 1930s plasterwork ceiling, painted with stars, which had been hidden behind a suspended ceiling since the 1970s. Volunteers spent eight months repairing it by hand.

The cinema will show a mix of new releases, classics and community screenings. The first film, on Friday, is *The Salt Road*. Membership, which costs £40 a year and gives discounted tickets, has already sold out, and there is a waiting list of 600.`,
  },
  {
    slug: "five-books-to-read-this-autumn",
    headline: "Five books to read this autumn, chosen by our critics",
    standfirst:
      "A lighthouse, a lost map, a murder in a seed bank, a history of salt and a memoir about learning to swim at sixty.",
    section: "culture",
    tags: ["books"],
    authors: ["rosalind-quaye", "maud-tennant"],
    status: "PUBLISHED",
    publishedAt: "2026-10-03T08:00:00Z",
    hero: illustration("Our critics read more than sixty new books to choose these five.", 2),
    body: `The evenings are drawing in, which means it is time to read. Our critics have been through the season's new books so that you do not have to. Here are the five we liked best.

## The Keeper of Skerry Light, by Agnes Farrow

A debut about a woman who keeps a lighthouse alone through a brutal winter after her husband drowns. It is spare, unsentimental and utterly absorbing, and the descriptions of the sea are the best I have read in years. *Tidewrack Books, £14.99.* (RQ)

## The Cartographer's Error, by Idris Vane

A historian discovers that a famous eighteenth-century map of the coast contains a deliberate mistake, and sets out to find out who put it there and why. Part detective story, part love letter to old maps, and great fun. *Harwell Press, £20.* (MT)

## Cold Storage, by Petra Lund

A crime novel set in a seed bank buried in a mountain, where the body of a botanist is found among the frozen samples. The plot is ingenious, and Lund's detective, a weary insurance investigator, is a wonderful creation. *Blackfell, £16.99.* (RQ)

## Salt: A Life, by Morwenna Tate

A history of salt told through the people who have made it, from Roman pans to modern mines. It sounds dry. It is not. *Orchard & Vale, £25.* (MT)

## Deep End, by Francis Oyelowo

A memoir by a retired bus driver who learned to swim at sixty and swam across the Havenmouth estuary at sixty-three. Funny, moving and likely to make you want to buy a swimming costume. *Tidewrack Books, £12.99.* (RQ)

---

*Reviews by Rosalind Quaye (RQ) and Maud Tennant (MT). Tell us what you are reading at [books@dellboys.example](mailto:books@dellboys.example).*`,
  },
];
