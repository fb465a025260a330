import { illustration, type DemoArticle } from "./types.ts";

export const localArticles: DemoArticle[] = [
  {
    slug: "dellbridge-bypass-approved-after-six-hour-meeting",
    headline: "Dellbridge bypass approved after six-hour council meeting",
    standfirst:
      "Councillors voted 27 to 19 for the £48m road, which will take traffic off Market Street but cut across the edge of the Dell Marshes.",
    section: "local",
    tags: ["council", "transport", "environment"],
    authors: ["jonah-petrakis"],
    status: "PUBLISHED",
    publishedAt: "2026-11-26T20:30:00Z",
    hero: illustration("The bypass would run for 3.2 miles around the east of the town.", 1),
    body: `Dell Valley Council has approved plans for a £48m bypass around Dellbridge, after a six-hour meeting at which more than forty residents spoke for and against the road.

Councillors voted by 27 to 19 to approve the scheme, with two abstentions. Construction could begin in 2028 if the government agrees to pay for most of the cost.

The 3.2-mile road would run from the Havenmouth road roundabout to the Ashcombe road north of the town, taking an estimated 9,000 vehicles a day off Market Street and Bridge Street. The council says it would cut air pollution in the town centre by about a third.

## A divided chamber

The council's leader, Ada Pennock, who proposed the scheme, said residents of the town centre had “waited thirty years” for relief from lorries.

>> People on Market Street have been breathing diesel fumes for three decades. Tonight we decided that was long enough. -- Ada Pennock, leader of Dell Valley Council

Opponents said the road would damage the Dell Marshes, where the route crosses the edge of the nature reserve on a raised embankment, and would encourage more people to drive to out-of-town shops.

Councillor Bethan Lloyd-Hale, who led the opposition, said the council had “chosen a 1990s solution to a 2020s problem”. She urged the council to spend the money on buses and cycle routes instead.

The Dell Valley Wildlife Trust said it would consider a legal challenge. Its reserve manager, Sunita Oyelaran, said the embankment would cut through “some of the most important wet grassland in the region”, where a rare orchid was found flowering this summer for the first time in seventy years.

## What happens next

The council will now submit a business case to the transport ministry, which would pay up to 85% of the cost. A decision is expected next autumn.

If the money is approved, the council says:

- a public inquiry into compulsory purchases of land would be held in 2027;
- construction would take about two years;
- the road would open in 2030 at the earliest.

Our columnist Maud Tennant argued this week that [the bypass will not save the high street on its own](/opinion/the-bypass-will-not-save-dellbridges-high-street).`,
  },
  {
    slug: "water-main-burst-floods-market-street-shops",
    headline: "Water main burst floods Market Street shops",
    standfirst:
      "Six businesses were flooded and hundreds of homes left without water after a main burst beneath the road early on Friday.",
    section: "local",
    tags: ["council"],
    authors: ["jonah-petrakis"],
    status: "PUBLISHED",
    publishedAt: "2026-11-27T05:50:00Z",
    updatedAt: "2026-11-27T08:20:00Z",
    hero: illustration("Market Street is closed between Bridge Street and Church Street.", 2),
    body: `A water main burst beneath Market Street in Dellbridge early on Friday, flooding six shops and leaving about 400 homes without water.

Water began pouring from the road outside Marsden's grocery shortly before 4am, according to residents, and was several inches deep across the street within half an hour.

Market Street is closed between Bridge Street and Church Street, and buses are being diverted along Station Road.

*Updated at 8.20am:* Dell Valley Water said engineers had isolated the main and expected supplies to be restored to most homes by midday. Bottled water is being handed out at the library car park on Church Street.

The owner of the Cornerstone Café, Lena Farrukh, said she had lost all her stock. “We opened this place eighteen months ago. The water was halfway up the counter when I got here,” she said.

The council said the road would stay closed for at least two days while the main is repaired.`,
  },
  {
    slug: "library-opening-hours-to-be-cut-under-savings-plan",
    headline: "Library opening hours to be cut under council savings plan",
    standfirst:
      "Branches in Ashcombe, Cleave and Farrow Bridge would open three days a week instead of five under proposals to save £420,000.",
    section: "local",
    tags: ["council", "education"],
    authors: ["jonah-petrakis", "demo-author"],
    status: "PUBLISHED",
    publishedAt: "2026-11-17T16:00:00Z",
    hero: illustration("The valley has seven public libraries.", 0),
    body: `Opening hours at four of the Dell Valley's seven public libraries would be cut by almost half under plans published by the council on Monday.

The council needs to save £6.2m next year. Its proposals for libraries would save £420,000, mostly by reducing staff hours.

Under the plans:

- Ashcombe, Cleave and Farrow Bridge libraries would open on three days a week instead of five.
- Northgate library in Dellbridge would close on Saturdays.
- The mobile library, which serves eighteen villages, would visit each village once a fortnight instead of weekly.
- The central library in Dellbridge and the branches in Havenmouth Road and Saltings would not change.

The council's cabinet member for communities, Councillor Dev Sharma, said no library would close. “We have protected every building. What we cannot protect is every hour,” he said.

Library users said the cuts would hit older people and children hardest. “For some people in Cleave, the library is the only place they talk to another person all week,” said Jean Aldous, who runs a reading group there.

A public consultation runs until 12 January. Residents can respond online, or on paper forms available at every library.`,
  },
  {
    slug: "meet-the-volunteers-keeping-the-dell-valley-railway-running",
    headline: "Meet the volunteers keeping the Dell Valley Railway running",
    standfirst:
      "Two hundred people give up their weekends to run a seven-mile heritage line. Some of them have been doing it for fifty years.",
    section: "local",
    tags: ["transport"],
    authors: ["jonah-petrakis"],
    status: "PUBLISHED",
    publishedAt: "2026-11-07T06:00:00Z",
    hero: illustration("The line runs for seven miles from Dellbridge to Ashcombe.", 1),
    seoTitle: "The volunteers who keep the Dell Valley Railway running",
    body: `At half past five on a frosty Saturday morning, the engine shed at Dellbridge's old goods yard is already warm. Inside, Derek Halloway, 76, is on his back beneath a seventy-year-old steam locomotive, shining a torch into the gap between two wheels.

“Just checking she's still got everything she had yesterday,” he says, sliding out and wiping his hands on a rag that is, if anything, dirtier than they are.

Derek has been a volunteer on the Dell Valley Railway since 1974, when he was 24 and the line was a weed-choked trackbed that had closed ten years earlier. He is one of about two hundred volunteers who run the seven-mile heritage line between Dellbridge and Ashcombe, carrying about 60,000 passengers a year.

None of them is paid. Between them, they drive and fire the engines, sell the tickets, serve the tea, repair the track, paint the stations and, this morning, light the fire in the locomotive's firebox: a job that takes four hours before the first train can leave.

## Starting from nothing

When the national railway closed the Dell Valley branch in 1964, the track was lifted within a year and the stations were sold off. Ashcombe station became a builder's yard. Dellbridge's became a car park.

In 1971, a group of enthusiasts formed a society to rebuild it. “People thought we were mad,” says Derek. “They were right, probably. But it's amazing what you can do with a few hundred people and fifty years.”

The first mile of track reopened in 1979. The line reached Ashcombe in 1996. The volunteers have since rebuilt three stations, two bridges and a signal box, mostly by hand and mostly at weekends.

![Abstract illustration of circles and dark blocks against a pale sky](img:shed "The engine shed at Dellbridge was rebuilt by volunteers in the 1980s." "Illustration: The Dell Boys")

## A new generation

For years, the railway's biggest worry was that its volunteers were getting older. In 2015, the average age was 67.

That has changed. The railway now runs a youth programme for people aged 14 to 21, which has about forty members. They learn to clean and maintain engines, work in the signal box and, from 18, train as firemen.

One of them is Hana Okonkwo, 19, who is studying engineering at Ulvercombe and comes home most weekends to work on the line. This morning she is on the footplate with Derek, shovelling coal into the firebox with a practised flick of the wrist.

>> My friends think it's a bit odd. But where else do you get to drive a steam engine at nineteen? -- Hana Okonkwo, volunteer fireman

“I came on a school trip when I was eleven, and I just never left,” she says. “My friends think it's a bit odd. But where else do you get to drive a steam engine at nineteen?”

Derek, who taught her to fire, pretends not to be proud. “She's better than I was at her age,” he says. “Don't tell her.”

## Keeping the money coming in

Running a heritage railway is expensive. Coal alone costs the Dell Valley Railway about £90,000 a year, and the boiler of each locomotive must be overhauled every ten years at a cost of up to £300,000.

Ticket sales cover about two-thirds of the railway's costs. The rest comes from donations, special events and the railway's most successful invention: the Christmas “Santa Special”, which carries more than 14,000 passengers over four weekends in December and sells out every year by October.

The railway's chair, Linda Farrant, says the line contributes about £3m a year to the valley's economy, mostly through visitors who stay in local hotels and eat in local pubs. “We're not just a hobby. We're one of the biggest tourist attractions in the valley,” she says.

## The last train of the day

By four o'clock, the light is going. The last train of the day pulls into Dellbridge, its carriages full of tired families and a coach party from Brennock. Derek and Hana bring the engine back to the shed, drop the fire and begin cleaning.

It will take another two hours before they go home. Tomorrow, they will do it all again.

Asked why, after fifty-two years, he still gets up at five on a Saturday to lie under a cold engine, Derek thinks for a long time.

“Because it goes,” he says eventually. “Every Saturday, it goes. There's not much in life you can say that about.”

The Dell Valley Railway runs at weekends from March to October, and daily in the school summer holidays. Details of services and volunteering are on the [railway's website](https://example.org/dell-valley-railway).`,
  },
  {
    slug: "new-homes-on-former-gasworks-site-approved",
    headline: "New homes on former gasworks site win planning approval",
    standfirst:
      "The 180-home scheme on Tanyard Lane includes 54 homes for social rent and a new riverside path.",
    section: "local",
    tags: ["housing", "council"],
    authors: ["jonah-petrakis"],
    status: "PUBLISHED",
    publishedAt: "2026-10-25T18:30:00Z",
    hero: illustration("The gasworks site on Tanyard Lane has been empty since 2003.", 2),
    body: `Plans for 180 homes on the site of the old gasworks on Tanyard Lane in Dellbridge have been approved by the council's planning committee.

The site, beside the River Dell, has stood empty since 2003. Its contaminated soil has deterred several developers, and an earlier scheme collapsed in 2012 when the cost of cleaning it up was found to be higher than expected.

The new plans, by the housing association Valley Homes and the developer Greystone Living, include 54 homes for social rent, 36 for shared ownership and 90 for sale. There would also be a riverside path linking Tanyard Lane to the town centre, and a small park.

Councillors approved the scheme by eight votes to one. The committee's chair, Councillor Rhian Pugh, said it was “exactly the kind of development this town needs: homes people can afford, on land nobody else wanted”.

Some neighbours raised concerns about traffic on Tanyard Lane, which is narrow and has no pavement for part of its length. The developers have agreed to pay for a new pavement and a pedestrian crossing.

Clean-up work on the site is due to begin in the spring. The first homes could be ready by 2029.`,
  },
  {
    slug: "storm-ffion-trees-down-and-power-cut-in-dell-valley",
    headline: "Storm Ffion: trees down and power cut to 3,000 homes in Dell Valley",
    standfirst:
      "Gusts of up to 78mph brought down trees and power lines overnight, closing roads and the Dellbridge to Havenmouth railway line.",
    section: "local",
    tags: ["energy", "climate"],
    authors: ["jonah-petrakis"],
    status: "PUBLISHED",
    publishedAt: "2026-10-12T06:40:00Z",
    updatedAt: "2026-10-12T17:15:00Z",
    hero: illustration("Gusts of up to 78mph were recorded on the Ashcombe road.", 0),
    body: `Storm Ffion brought down dozens of trees and power lines across the Dell Valley overnight, leaving about 3,000 homes without electricity and closing several roads.

Gusts of up to 78mph were recorded on the high ground above Ashcombe. Fire crews dealt with more than sixty calls between midnight and 6am, most of them for fallen trees.

*Updated at 5.15pm:* Power has been restored to all but about 200 homes, mostly in the villages above Cleave. The network operator said the rest should be reconnected by Sunday morning.

Closures and disruption on Saturday:

- The A-road between Ashcombe and Cleave is closed at Hollins Wood because of fallen trees.
- Trains between Dellbridge and Havenmouth are replaced by buses until at least Sunday.
- Dellbridge's Saturday market has been cancelled.
- The Dell Valley Railway will not run this weekend.

No one was seriously hurt. A car was crushed by a falling tree on Orchard Lane in Dellbridge, but its driver had left it moments earlier to move a branch from the road.

The national weather service said winds would ease through Saturday but warned of heavy rain on Sunday, with a risk of flooding near the river.`,
  },
];
