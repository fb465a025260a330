import { illustration, type DemoArticle } from "./types.ts";

export const opinionArticles: DemoArticle[] = [
  {
    slug: "the-bypass-will-not-save-dellbridges-high-street",
    headline: "The bypass will not save Dellbridge's high street. Here's what would",
    standfirst:
      "Every town that has built a bypass to rescue its shops has learned the same lesson: traffic was never the problem.",
    section: "opinion",
    tags: ["transport", "council"],
    authors: ["maud-tennant"],
    status: "PUBLISHED",
    publishedAt: "2026-11-25T07:00:00Z",
    hero: illustration("Market Street carries about 14,000 vehicles a day.", 0),
    body: `I spent twenty-two years as a town planner, and in that time I watched nine market towns build bypasses. In every case, the council promised that taking lorries and through-traffic out of the centre would bring shoppers back to the high street. In most cases, the shops kept closing.

The reason is simple. Traffic was never what kept people away. What keeps people away is that there is not enough reason to come.

Dell Valley Council will vote this week on whether to build the Dellbridge bypass, a £48m road that would take traffic off Market Street and Bridge Street. There are good arguments for it. The air on Market Street is dirty, the pavements are narrow, and crossing the road with a pushchair is an act of faith.

But if councillors vote for it in the belief that it will save the high street, they are going to be disappointed.

>> A bypass can make a town centre pleasant. It cannot make it necessary.

Look at Ashcombe, twelve miles up the valley. Its bypass opened in 2011. Within two years, a supermarket had opened beside the new junction, followed by a drive-through coffee shop and a retail park. Traffic in the centre fell by half, and so did footfall. The bypass did not bring people into the town. It gave them a faster way to avoid it.

A bypass can make a town centre pleasant. It cannot make it necessary. If Dellbridge wants a high street that people choose to visit, it should do the following, with or without a new road:

- Stop the council approving out-of-town shops that compete directly with the centre.
- Turn the empty upper floors above shops into flats, so that more people live in the centre and spend money there in the evenings.
- Bring services back: a health centre, a library branch, a post office counter.
- Make Market Street pleasant to sit in, with trees, benches and fewer parking spaces.
- Give the weekly market more than one day a week.

None of these is as exciting as a ribbon-cutting on a new road. All of them are cheaper. And towns that have tried them, like Northmere and Cleave, have high streets that are busier now than they were a decade ago.

Build the bypass if you must. But do not confuse moving traffic with bringing a town back to life.

*Maud Tennant is a former town planner and a columnist for The Dell Boys.*`,
  },
  {
    slug: "in-praise-of-the-boring-council-meeting",
    headline: "In praise of the boring council meeting",
    standfirst:
      "I went to a planning committee for the first time. I came out with a new respect for local democracy.",
    section: "opinion",
    tags: ["council"],
    authors: ["demo-contributor"],
    status: "PUBLISHED",
    publishedAt: "2026-11-13T18:00:00Z",
    hero: null,
    body: `Last Tuesday, I did something I had never done in nineteen years of living in Dellbridge. I went to a council meeting.

It was the planning committee, in the council chamber on Church Street, and it began at 6pm. I went because a neighbour had applied to build a two-storey extension that would, I was convinced, put my garden in permanent shade.

I expected to be bored, and I was, for a while. The first item was a change of use for a former bank. The second was a dispute about a fence. The third took forty minutes and concerned drainage.

But somewhere around the drainage, I started to pay attention. The councillors had read everything. One had visited the site twice, once in the rain. Another asked a question about soakaways that revealed, to my surprise, that she understood soakaways. Nobody shouted. Nobody grandstanded. When a resident spoke, nervously and at length, about flooding in her cellar, the chair thanked her and asked two sensible follow-up questions.

My neighbour's extension was item seven. I had three minutes to speak. I used about ninety seconds, most of them badly. The committee approved the extension, with a condition lowering the roof by half a metre, which I suspect was the right decision.

I walked home thinking that I had seen something rather rare: a group of people making dull, important decisions carefully, in public, for no glory at all. There were four members of the public in the room. There should have been forty.

Go to a meeting. Bring a flask. You might be surprised.

*Saoirse Blackwood is a freelance writer who lives in Dellbridge.*`,
  },
  {
    slug: "what-readers-want-from-local-news",
    headline: "We asked readers what they want from local news. Here's what they said",
    standfirst:
      "More than 2,300 of you answered our survey. You want more courts and council coverage, fewer lists, and no more stories about parking.",
    section: "opinion",
    tags: [],
    authors: ["hester-calloway"],
    status: "PUBLISHED",
    publishedAt: "2026-11-02T08:00:00Z",
    hero: illustration("More than 2,300 readers answered the survey in September.", 1),
    body: `In September, we asked you what you wanted from The Dell Boys. More than 2,300 of you answered, which is roughly one in every twelve of our regular readers, and many of you wrote at length. Thank you. We read every response.

Here is what you told us, and what we are going to do about it.

## What you want more of

Your top five requests were:

1. Council decisions, explained before they are made, not after.
2. Court reporting, especially from the magistrates' court in Havenmouth.
3. Schools: results, inspections, admissions and building work.
4. Planning applications near you.
5. Longer investigations, even if there are fewer of them.

## What you want less of

You were just as clear about what you do not want. Lists of “ten things to do this weekend” came bottom of the survey. So did stories about celebrities with a distant connection to the valley. And about a fifth of you, unprompted, asked us to stop writing about parking. (We are sorry. We will try.)

## What we will change

From January, Jonah Petrakis will write a weekly guide to upcoming council decisions, published every Monday in our [Local](/local) section. We are recruiting a part-time court reporter. And we will publish at least one long investigation a month, starting with a look at the state of the valley's school buildings.

Many of you also asked for a way to tell us about stories. You can now email the newsdesk at [news@dellboys.example](mailto:news@dellboys.example), and a reporter will reply.

Local journalism only works if it answers to the people it serves. Keep telling us what you think.

*Hester Calloway is the editor of The Dell Boys.*`,
  },
  {
    slug: "ai-will-not-write-your-local-paper",
    headline: "AI will not write your local paper. It might help us write it better",
    standfirst:
      "Our deputy editor explains how The Dell Boys uses artificial intelligence, and the lines we will not cross.",
    section: "opinion",
    tags: ["artificial-intelligence"],
    authors: ["demo-editor"],
    status: "PUBLISHED",
    publishedAt: "2026-10-21T12:00:00Z",
    hero: illustration("The newsroom uses transcription software for council and court recordings.", 2),
    body: `Readers sometimes ask whether our articles are written by a machine. The answer is no, and I want to explain why, and what we do use these tools for.

Every article in The Dell Boys is researched, written and checked by a named journalist. Every quotation comes from a real person who said it to one of us, or in a public meeting that one of us attended or watched. When we get something wrong, a human being corrects it, and says so at the bottom of the article.

We do use software to help. We transcribe recordings of council meetings and court hearings automatically, so that a reporter can search four hours of a planning committee for the moment a councillor mentions their street. We use it to search our own archive. We use a spelling and grammar checker, as every newspaper has for decades.

>> A machine can sit through a meeting. It cannot knock on a door, notice who is missing from a room, or ask the question nobody wants to answer.

What we will not do is publish text that a journalist has not written, or use artificial images in place of photographs of real events. Our demo illustrations are clearly labelled as illustrations.

We think these tools can free reporters to spend more time doing the things only reporters can do. A machine can sit through a meeting. It cannot knock on a door, notice who is missing from a room, or ask the question nobody wants to answer.

If you ever think we have broken these rules, write to me at [editor@dellboys.example](mailto:editor@dellboys.example).

*Fenella Drummond is the deputy editor of The Dell Boys.*`,
  },
  {
    slug: "let-the-children-cross-the-road",
    headline: "Let the children cross the road: the case for school streets",
    standfirst: "Closing roads outside primary schools for an hour a day is cheap, popular and it works.",
    section: "opinion",
    tags: ["transport", "education", "health"],
    authors: ["maud-tennant"],
    status: "PUBLISHED",
    publishedAt: "2026-10-06T07:30:00Z",
    hero: null,
    body: `Every weekday at 8.30am, Orchard Lane in Dellbridge becomes one of the most dangerous roads in the valley. Three hundred children arrive at St Anne's Primary, and about a hundred cars arrive with them, double-parking, reversing into driveways and stopping on the zigzags.

There is a simple fix. Close the road to traffic for half an hour at the start and end of the school day, with exceptions for residents and blue badge holders. Towns across the country call these “school streets”, and they work. Studies of schemes elsewhere have found fewer cars, cleaner air at the school gate, and more children walking or cycling.

They are also cheap. A school street needs some signs, a camera or a volunteer with a barrier, and a council willing to try it. Dell Valley Council has resisted for years, citing objections from drivers.

I understand the objections. Parents are busy, and some live too far away to walk. But a car park five minutes away and a safe walk to the gate is not a great deal to ask, in exchange for a road where a child can cross without fear.

The council should start a trial at St Anne's next term. If it does not work, it can be undone in an afternoon.`,
  },
];
