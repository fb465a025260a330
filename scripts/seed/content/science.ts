import { illustration, type DemoArticle } from "./types.ts";

export const scienceArticles: DemoArticle[] = [
  {
    slug: "ulvercombe-astronomers-spot-comet-visible-in-march",
    headline: "Astronomers spot a comet that should be visible to the naked eye in March",
    standfirst:
      "Comet Halden-Ruiz was found by a telescope at Ulvercombe Observatory and could become the brightest comet in the northern sky for fifteen years.",
    section: "science",
    tags: ["space"],
    authors: ["wendell-ashgrove"],
    status: "PUBLISHED",
    publishedAt: "2026-11-24T15:30:00Z",
    hero: illustration("The comet is currently beyond the orbit of Jupiter.", 2),
    body: `Astronomers at Ulvercombe Observatory have discovered a comet that could be bright enough to see without binoculars next spring, if it survives its close approach to the Sun.

The comet, officially named C/2026 H3 (Halden-Ruiz) after the two astronomers who spotted it, was first seen on images taken on 3 November by the observatory's survey telescope. Follow-up observations from three other observatories confirmed its orbit last week.

It is currently beyond the orbit of Jupiter, and far too faint to see. But calculations suggest it will pass within 40 million kilometres of the Sun in late February, and could brighten dramatically as its ice turns to gas and dust.

>> Comets are like cats. They have tails and they do exactly what they want. -- Dr Maya Halden, Ulvercombe Observatory

Dr Maya Halden, who spotted the faint smudge on the survey images, said she had checked the data four times before telling anyone. “You look at thousands of moving dots every night, and almost all of them are asteroids. When one of them was fuzzy, I didn't quite believe it,” she said.

![Abstract illustration of soft circles on a dark blue background](img:orbit "The comet's path will carry it across the evening sky in March." "Illustration: The Dell Boys")

If it behaves as predicted, the comet should be visible low in the western sky after sunset in the first two weeks of March, with a tail pointing away from the Sun.

Her colleague, Dr Tomás Ruiz, warned against raising hopes too high. Several promising comets in recent years have broken apart as they approached the Sun. “The best advice is: be hopeful, and buy binoculars anyway,” he said.

The observatory plans to hold public viewing evenings in March, weather permitting.`,
  },
  {
    slug: "rare-orchid-returns-to-dell-marshes",
    headline: "Rare orchid returns to Dell Marshes after 70 years",
    standfirst:
      "Volunteers found eleven flowering marsh helleborines during a survey of the restored wetland.",
    section: "science",
    tags: ["environment"],
    authors: ["wendell-ashgrove"],
    status: "PUBLISHED",
    publishedAt: "2026-11-14T10:00:00Z",
    hero: illustration("Part of the Dell Marshes was restored from farmland in 2019.", 0),
    body: `A rare orchid has been found flowering on the Dell Marshes for the first time in more than seventy years, in what conservationists say is a sign that the restoration of the wetland is working.

Volunteers from the Dell Valley Wildlife Trust found eleven marsh helleborines during a survey this summer. The sighting was confirmed this month by botanists at Ulvercombe University, who examined photographs and a sample of pollen.

The last recorded sighting on the marshes was in 1954, before much of the land was drained for farming. The trust bought 140 hectares of former fields in 2016 and began flooding them again in 2019.

“We hoped for birds, and we got birds. We didn't dare hope for orchids,” said the trust's reserve manager, Sunita Oyelaran. The exact location is being kept secret to protect the plants.

The trust now hopes to find the orchid's pollinators, a group of small wasps, on the same site next summer.`,
  },
  {
    slug: "study-four-day-school-week-exam-results",
    headline: "Four-day school week did not harm exam results, three-year study finds",
    standfirst:
      "Pupils at twelve rural schools that moved to a four-day week did as well as those at similar schools, researchers say, but younger children lost out on reading.",
    section: "science",
    tags: ["education", "health"],
    authors: ["wendell-ashgrove"],
    status: "PUBLISHED",
    publishedAt: "2026-11-01T09:00:00Z",
    hero: illustration("Twelve rural schools took part in the trial.", 1),
    body: `Secondary school pupils whose schools moved to a four-day week did just as well in their exams as pupils at similar schools that kept five days, according to a three-year study published on Saturday.

The study, by researchers at Ulvercombe University's school of education, followed twelve rural secondary schools in the Tarrow Vale that adopted longer school days from Monday to Thursday in 2023, and compared them with twelve similar schools that did not.

The paper's summary of its findings reads:

> We find no statistically significant difference in examination outcomes at age sixteen between pupils in four-day and five-day schools. Attendance was modestly higher in four-day schools, and staff turnover was substantially lower.
>
> However, pupils aged eleven and twelve in four-day schools made less progress in reading than their peers, an effect that was concentrated among pupils from low-income households.

The lead author, Professor Rhiannon Kaye, said the results should reassure parents in the trial schools, but should not be read as a recommendation for every school.

“For a rural school that struggles to recruit teachers, a four-day week seems to be a reasonable option,” she said. “But the youngest children, especially those who do not have many books at home, need something on that fifth day. The schools that ran reading clubs on Fridays largely closed that gap.”

Teaching unions welcomed the findings on staff turnover. The education department said it had no plans to encourage four-day weeks nationally.`,
  },
  {
    slug: "why-the-dells-river-otters-are-thriving",
    headline: "Why the Dell's river otters are thriving, and what it says about cleaner water",
    standfirst:
      "Thirty years ago there were no otters on the Dell. Now there are at least forty. Our science writer went looking for them.",
    section: "science",
    tags: ["environment", "climate"],
    authors: ["wendell-ashgrove"],
    status: "PUBLISHED",
    publishedAt: "2026-10-15T06:30:00Z",
    hero: illustration("Otters are now found along almost the whole length of the Dell.", 2),
    seoTitle: "The return of the Dell's otters",
    body: `It is a little after six on an October morning, and Carys Mwangi is lying on her stomach on a muddy bank below the old mill at Farrow Bridge, holding her breath.

Forty metres upstream, a dark, sleek head breaks the surface of the river, turns, and disappears again. A few seconds later, a second head appears beside it, and then a third, smaller one.

“Mother and two cubs,” Mwangi whispers. “That's the family from the mill race. They've been here all summer.”

Thirty years ago, this would have been impossible. When Mwangi, now 58, first surveyed the Dell for the Dell Valley Wildlife Trust in 1995, she walked its entire length, from the springs above Ashcombe to the estuary at Havenmouth, and found no sign of otters at all. No footprints, no droppings, no half-eaten fish.

Last year's survey found at least forty otters along the river and its tributaries, and signs of breeding at nine sites.

## Why they disappeared

Otters vanished from most lowland rivers in the second half of the twentieth century. The main cause, scientists now agree, was a group of pesticides used on farms from the 1950s, which washed into rivers and built up in the fish that otters eat. The chemicals made otters infertile, and populations collapsed within a generation.

On the Dell, the damage was compounded by pollution from the tanneries and paper mills that lined the river through Dellbridge, and by the straightening of long stretches of its banks for drainage.

“By the 1970s, the Dell was essentially a drain,” says Dr Owain Pryce, a freshwater ecologist at Ulvercombe University. “There was very little in it for an otter to eat, and nowhere for one to live.”

>> By the 1970s, the Dell was essentially a drain. There was very little in it for an otter to eat, and nowhere for one to live. -- Dr Owain Pryce, Ulvercombe University

## Why they came back

The pesticides were banned in the 1980s. The last of the mills closed in 1993. But Pryce says the otters' return owes as much to what people did afterwards as to what they stopped doing.

Since 2000, volunteers and landowners have planted more than twelve kilometres of trees along the Dell's banks, giving otters cover and places to build their dens, which are called holts. The trust has built thirty artificial holts from logs and stone. And in several places, old weirs have been removed or bypassed, letting fish move freely up and down the river again.

Fish numbers have recovered, too. The river authority's surveys show that the weight of fish per hectare in the middle Dell has roughly tripled since 1995.

## A warning as well as a success

But the otters' return does not mean the Dell is healthy. Sewage overflows still discharge into the river on more than a hundred days a year at some sites, and run-off from farmland carries fertiliser into the water after heavy rain, feeding algae that use up oxygen in the summer.

“Otters are tough, adaptable animals. They can live in a river that is far from perfect,” Pryce says. “The fact that they're back tells us the worst poisons have gone. It doesn't tell us the river is clean.”

That is why scientists are watching another animal closely: the white-clawed crayfish, a native species far more sensitive to pollution than the otter. It has not been seen on the Dell since 2009.

## What happens next

The Water Quality Bill now going through parliament would require water companies to publish data on every sewage overflow and could raise fines for repeated spills. The MP for Dell Valley North, Ewan Tully, has said he wants the Dell to be among the first rivers covered.

Back at Farrow Bridge, the sun is up and the otters have gone. Mwangi stands, brushes off the worst of the mud, and points to a flat stone at the water's edge. On it is a small, dark dropping.

She crouches down and sniffs it. “Jasmine tea,” she says, grinning. “Fresh otter spraint always smells of jasmine tea. Honestly. Ask anyone.”

The trust runs guided dawn walks along the river on the first Saturday of each month. Details are on its [website](https://example.org/dell-valley-wildlife-trust/otter-walks).`,
  },
  {
    slug: "satellite-built-by-dellbridge-sixth-formers-reaches-orbit",
    headline: "Satellite built by Dellbridge sixth-formers reaches orbit",
    standfirst:
      "The shoebox-sized CubeSat, called Dellstar-1, sent its first signal to the school's ground station on Tuesday night.",
    section: "science",
    tags: ["space", "education"],
    authors: ["wendell-ashgrove", "jonah-petrakis"],
    status: "PUBLISHED",
    publishedAt: "2026-09-30T08:00:00Z",
    hero: illustration("Dellstar-1 is about the size of a shoebox.", 0),
    body: `A small satellite designed and built by students at Dellbridge Sixth Form College has reached orbit and sent its first signal home.

The satellite, called Dellstar-1, was launched on Tuesday afternoon on a commercial rocket alongside thirty-four other small satellites. At 9.42pm, students gathered around a homemade antenna on the roof of the college's science block heard a faint series of beeps: the satellite's beacon, passing overhead at 500 kilometres.

“People were crying. I was crying. Our physics teacher was definitely crying,” said Amara Quist, 17, one of the fourteen students on the project.

The satellite, about the size of a shoebox, carries a small camera and an instrument to measure radiation. It is expected to stay in orbit for about three years before falling back and burning up in the atmosphere.

The project began in 2023, when the college won a national competition for schools to build CubeSats. The launch was paid for by the competition's sponsors; the students raised £9,000 for parts themselves, through bake sales, a sponsored walk and a raffle.

>> People were crying. I was crying. Our physics teacher was definitely crying. -- Amara Quist, 17

Their physics teacher, Gareth Nwosu, said the students had done everything from writing the flight software to testing the satellite in a vacuum chamber at Ulvercombe University.

“They were told over and over that it was too hard for a sixth-form college. They didn't listen,” he said.

The first photographs from the satellite's camera are expected next week. The college plans to share them, along with live tracking data, on its website.`,
  },
];
