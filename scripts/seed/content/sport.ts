import { illustration, type DemoArticle } from "./types.ts";

export const sportArticles: DemoArticle[] = [
  {
    slug: "dellbridge-rovers-stun-league-leaders-with-late-winner",
    headline: "Dellbridge Rovers stun league leaders with late winner",
    standfirst:
      "Kwame Asante's header in the 89th minute gave Rovers a 2-1 win over Castlemoor Athletic and lifted them into the play-off places.",
    section: "sport",
    tags: ["football"],
    authors: ["declan-fairweather"],
    status: "PUBLISHED",
    publishedAt: "2026-11-26T22:30:00Z",
    hero: illustration("A crowd of 6,412 at Meadow Lane saw Rovers' fourth straight home win.", 0),
    body: `Dellbridge Rovers 2 Castlemoor Athletic 1

Kwame Asante rose highest at the far post in the 89th minute to give Dellbridge Rovers a thrilling win over the league leaders at Meadow Lane on Wednesday night, and lift his side into the play-off places for the first time this season.

It was no more than Rovers deserved. They had pressed Castlemoor relentlessly for most of the second half, and had a goal ruled out for offside on the hour.

Castlemoor, unbeaten in eleven matches before kick-off, took the lead against the run of play in the 23rd minute. Rovers' goalkeeper, Lewis Tandy, could only parry a long-range shot from Dario Pezzini, and Femi Adeyemi tapped in the rebound.

Rovers levelled just before half-time. Jordan Blake's corner was headed back across goal by Sam Whitlow, and the 19-year-old midfielder Ollie Brennan volleyed in from six yards for his first senior goal.

The second half was played almost entirely in Castlemoor's half. Asante hit the post with a curling shot in the 71st minute, and Castlemoor's goalkeeper, Matías Ferro, made three fine saves before he was finally beaten by Asante's header from Blake's deep cross.

>> We didn't stop believing. The crowd didn't let us. -- Kwame Asante

“We didn't stop believing. The crowd didn't let us,” Asante said afterwards. “When the ball came over, I just thought: this is mine.”

Rovers' manager, Niamh Corrigan, said the win was the best performance of her eighteen months in charge. “We've been building towards a night like this. The players were magnificent, and the supporters were our twelfth man,” she said.

The result lifts Rovers to sixth in the table, five points behind Castlemoor with a game in hand. They travel to Havenmouth Harriers on Saturday.

**Rovers:** Tandy; Okoro, Whitlow, Fenwick, Grey; Brennan, Lacey, Blake; Murray (Dunne 66), Asante, Holt (Pryor 80).`,
  },
  {
    slug: "tarrow-vale-appoint-first-female-head-coach",
    headline: "Tarrow Vale appoint Anjali Raman as first female head coach in county cricket",
    standfirst:
      "The former international opener, who has led the county's academy since 2022, signs a three-year contract.",
    section: "sport",
    tags: ["cricket"],
    authors: ["declan-fairweather"],
    status: "PUBLISHED",
    publishedAt: "2026-11-16T12:30:00Z",
    hero: illustration("Raman has run the county's academy since 2022.", 1),
    body: `Tarrow Vale County Cricket Club has appointed Anjali Raman as its head coach, making her the first woman to hold the role at any first-class county.

Raman, 44, played 61 one-day internationals as an opening batter before retiring in 2017. She joined Tarrow Vale as a batting coach in 2019 and has run the club's academy since 2022, where she is credited with bringing through several of the young players who helped the county win promotion last season.

She replaces Graham Hollis, who stepped down in September after six years in charge.

The club's chief executive, Alastair Dunmore, said Raman had been “the outstanding candidate from a very strong field”. “This was not a symbolic appointment. It was a cricket decision, and an easy one,” he said.

Raman said she was “honoured and a little terrified”.

“I've spent seven years watching these players grow up. Now I get to see what they can do against the best. I can't wait for April,” she said.

Tarrow Vale play their first match of the new season at home to Northmere on 9 April.`,
  },
  {
    slug: "dell-valley-marathon-caps-entries-after-record-demand",
    headline: "Dell Valley Marathon caps entries after record demand",
    standfirst:
      "Organisers say 9,000 places sold out in four hours, and a ballot will decide who runs in 2027.",
    section: "sport",
    tags: ["transport"],
    authors: ["demo-author"],
    status: "PUBLISHED",
    publishedAt: "2026-11-08T10:15:00Z",
    hero: null,
    body: `The Dell Valley Marathon will hold a ballot for places for the first time next year, after all 9,000 entries for the 2027 race sold out in just over four hours.

Organisers said more than 22,000 people had tried to enter when registration opened on Friday morning, causing the website to crash twice.

The race director, Caroline Vance, said the number of runners could not be increased because of the width of the route through Dellbridge's old town and along the river path.

The key dates are:

1. The ballot opens on 1 December and closes on 14 December.
2. Results will be emailed to entrants on 20 December.
3. Unclaimed places will be offered to the waiting list from 10 January.
4. The race takes place on Sunday 25 April.

Roads in the centre of Dellbridge will be closed from 7am to 3pm on race day. A full list of closures will be published in March.`,
  },
  {
    slug: "analysis-why-rovers-pressing-game-finally-works",
    headline: "Analysis: why Rovers' pressing game finally works",
    standfirst:
      "Niamh Corrigan's side were overrun in her first season. Three changes have turned them into the league's most aggressive team.",
    section: "sport",
    tags: ["football"],
    authors: ["declan-fairweather"],
    status: "PUBLISHED",
    publishedAt: "2026-10-27T07:00:00Z",
    hero: illustration(
      "Rovers have won the ball back in the opposition half more often than any team in the league.",
      2,
    ),
    body: `When Niamh Corrigan arrived at Dellbridge Rovers in the summer of 2025, she promised a team that would “press high, press together and press all game”. For most of her first season, they pressed high and together for about twenty minutes, and then fell apart.

Rovers conceded 31 goals in the last quarter of matches last season, more than any other side in the league. Opponents learned that if they survived the first half an hour, Rovers would tire and leave gaps behind them.

This season, something has changed. Rovers have won the ball back in the opposition half 214 times in fifteen matches, more than any team in the division, and they have conceded only four goals after the 70th minute.

So what is different?

## A different shape

The most visible change is the shape. Last season, Rovers pressed in a 4-4-2, with two strikers chasing the opposition centre-backs. It left the midfield outnumbered when the press was broken.

This season, they press in a 4-3-3, with the wingers Murray and Holt starting narrow to block passes into midfield and the central striker, Kwame Asante, angling his runs to force the ball to one side of the pitch. Once the ball goes wide, the whole team shifts across.

“It's less running, but smarter running,” Corrigan said after the win at Northmere this month. “We don't chase the ball. We chase the space where the ball wants to go.”

![Abstract illustration of circles arranged in a loose triangle](img:shape "Rovers press in a 4-3-3, with the wingers starting narrow." "Illustration: The Dell Boys")

## The midfield engine

The second change is in personnel. The arrival of Callum Lacey from Castlemoor in the summer has given Rovers a defensive midfielder who reads the game well enough to step in front of passes, rather than chase them.

Lacey has made more interceptions than any midfielder in the league. More importantly, he has freed the young Ollie Brennan to play further forward, where his energy is most useful.

## Fitter, and fresher

The third change happened before a ball was kicked. Over the summer, Rovers hired a new head of sports science, Dr Ewa Nowak, who changed the team's training week to include more recovery and fewer long running sessions.

The club now measures every player's workload in training, and Corrigan has been more willing to rotate her squad. Rovers have used five substitutes in every league match this season, often bringing on fresh legs before the hour.

## Will it last?

The test will come in the winter, on heavy pitches, with injuries piling up. Pressing teams tend to suffer most when the squad is stretched, and Rovers' squad is not large.

But for now, Meadow Lane has a team that runs, and wins. After years of mid-table drift, that is enough to make the long walk up Station Road feel short again.`,
  },
  {
    slug: "havenmouth-harriers-fined-over-crowd-trouble",
    headline: "Havenmouth Harriers fined over crowd trouble at derby",
    standfirst: "The club must pay £12,000 and close part of its away end for two matches.",
    section: "sport",
    tags: ["football", "justice"],
    authors: ["declan-fairweather"],
    status: "PUBLISHED",
    publishedAt: "2026-10-09T16:20:00Z",
    corrections: [
      {
        text: "An earlier version of this article said the fine was £21,000. It is £12,000. It also named the club's chairman as Mark Rowe; he is Martin Rowe.",
        at: "2026-10-10T09:00:00Z",
      },
    ],
    hero: null,
    body: `Havenmouth Harriers have been fined £12,000 and ordered to close part of their away end for two matches after crowd trouble at last month's derby against Dellbridge Rovers.

An independent disciplinary panel found that the club had failed to stop supporters throwing coins and plastic bottles onto the pitch during the second half of the match at the Saltings ground on 14 September. A Rovers player, Jordan Blake, was struck by a coin while taking a corner.

The panel said the club's stewarding had been “inadequate for a match of this profile”.

The Harriers' chairman, Martin Rowe, said the club accepted the decision and had already banned three supporters identified from CCTV footage. “The behaviour of a small number of people embarrassed this club and its real supporters,” he said.

The partial closure of the away end will apply to the Harriers' next two home league matches. Rovers' supporters' trust said the punishment was “fair but overdue”, and asked both clubs to meet before the return fixture in February.`,
  },
];
