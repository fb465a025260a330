import { illustration, type DemoArticle } from "./types.ts";

export const businessArticles: DemoArticle[] = [
  {
    slug: "harrowgate-foods-to-close-dellbridge-bakery",
    headline: "Harrowgate Foods to close Dellbridge bakery with 230 jobs at risk",
    standfirst:
      "The company says the Mill Road site is too old to modernise. Unions say it is the heart of the town's economy and want the decision reversed.",
    section: "business",
    tags: ["jobs", "economy"],
    authors: ["caspar-okonjo"],
    status: "PUBLISHED",
    publishedAt: "2026-11-26T09:10:00Z",
    hero: illustration("The Mill Road bakery has made bread in Dellbridge since 1961.", 2),
    body: `Harrowgate Foods plans to close its bakery on Mill Road in Dellbridge next summer, putting 230 jobs at risk, the company told staff on Wednesday morning.

The bakery, which makes sliced bread and rolls for supermarkets across the region, has operated on the site since 1961. Harrowgate said production would move to its larger plant in Havenmouth, which was expanded last year.

In a statement, the company said the Dellbridge site was “too old and too small to modernise economically”, and that it would cost more than £20m to bring its ovens and packing lines up to date.

![Abstract illustration in warm ochre and brown tones](img:millroad "Harrowgate is the town's third-largest private employer." "Illustration: The Dell Boys")

Staff were told at a meeting at 7am, at the end of the night shift. Several workers said they had learned of the plan from a local radio report before the meeting began.

>> People have worked here for thirty years. Their parents worked here. They deserved to hear it from the company, not from the radio. -- Bev Kowalczyk, Bakers' Union representative

Harrowgate said it would offer jobs in Havenmouth to every worker who wanted one, and would pay for transport for the first year. Havenmouth is about 40 minutes away by car; the direct bus takes more than an hour.

The company will begin a formal consultation with the union next week. It said no compulsory redundancies would be made before June.

The leader of Dell Valley Council, Ada Pennock, said the council would “do everything it can” to keep the bakery open, and had asked to meet Harrowgate's chief executive, Simon Ferrand.

The bakery is the town's third-largest private employer, after the Dell Valley hospital trust and the distribution centre on the bypass. Dellbridge's unemployment rate, at 4.9%, is already above the national average.`,
  },
  {
    slug: "kestrel-air-posts-first-profit-since-2019",
    headline: "Kestrel Air posts first profit since 2019 as fares climb",
    standfirst:
      "The regional airline made £18.6m in the year to September, helped by higher fares and fuller planes, but warned of rising costs.",
    section: "business",
    tags: ["markets", "transport"],
    authors: ["caspar-okonjo"],
    status: "PUBLISHED",
    publishedAt: "2026-11-18T08:00:00Z",
    updatedAt: "2026-11-18T13:30:00Z",
    corrections: [
      {
        text: "An earlier version of this article said Kestrel Air made a profit of £81.6m. The correct figure is £18.6m.",
        at: "2026-11-18T13:30:00Z",
      },
    ],
    hero: illustration("Kestrel Air flies to 34 destinations from Havenmouth and Brennock.", 0),
    body: `Kestrel Air made a pre-tax profit of £18.6m in the year to the end of September, its first annual profit since 2019, as higher fares and fuller planes made up for rising fuel and staff costs.

The regional airline, which flies to 34 destinations from Havenmouth and Brennock, carried 3.1 million passengers, up 9% on the year before. On average its planes were 87% full.

The average fare rose by 12% to £74. The chief executive, Orla Brannigan, said demand had been “remarkably resilient” despite the price rises, particularly on business routes to Larsvik and Pell.

But she warned that the next year would be harder. The company expects its fuel bill to rise by about £9m, and it faces new airport charges at Brennock from April.

Shares in Kestrel Air rose 6% in morning trading. The company said it would not pay a dividend this year, preferring to pay down the debts it took on during the years of losses, but hoped to resume payments in 2028.`,
  },
  {
    slug: "small-firms-squeezed-as-card-fees-rise",
    headline: "Small firms squeezed as card fees rise, survey finds",
    standfirst:
      "Two in five small shops and cafés say card processing fees have risen by more than a quarter in two years.",
    section: "business",
    tags: ["economy", "markets"],
    authors: ["demo-author"],
    status: "PUBLISHED",
    publishedAt: "2026-11-06T07:00:00Z",
    hero: illustration("Most small shops now take more than 80% of their sales by card.", 1),
    body: `Small businesses are paying significantly more to accept card payments than they did two years ago, according to a survey by the Federation of Independent Traders.

Of the 1,400 shops, cafés and market traders who responded, 41% said their card processing fees had risen by more than a quarter since 2024. One in ten said they had begun asking customers to pay in cash for small purchases.

The survey's main findings:

- 41% of firms said card fees had risen by more than 25% in two years.
- 63% said they did not understand how their fees were calculated.
- 28% had switched payment provider in the past year; most said the new deal was only slightly cheaper.
- 12% now set a minimum spend for card payments.

Most small firms now take the large majority of their sales by card. The federation's chair, Deepa Kulkarni, said many traders were locked into contracts with terminal providers that were “impossible to compare and expensive to leave”.

“Nobody wants to go back to cash. But a café making 50p on a coffee cannot afford to give 10p of it to the card machine,” she said.

The payments regulator said it was already reviewing fees charged to small businesses and would publish its findings in the spring.`,
  },
  {
    slug: "how-a-family-hardware-chain-beat-the-warehouse-giants",
    headline: "The long read: how a family hardware chain beat the warehouse giants",
    standfirst:
      "Pellow & Sons has eleven shops, no website worth the name and profits that have risen every year for a decade. We spent a week finding out how.",
    section: "business",
    tags: ["economy", "jobs"],
    authors: ["caspar-okonjo"],
    status: "PUBLISHED",
    publishedAt: "2026-10-24T06:00:00Z",
    hero: illustration("Pellow & Sons opened its first shop on Dellbridge's Bridge Street in 1954.", 2),
    seoTitle: "How Pellow & Sons beat the warehouse giants",
    body: `At ten past eight on a wet Tuesday morning, there is a queue at the counter of Pellow & Sons on Bridge Street in Dellbridge. A plumber wants a compression fitting he cannot name. A retired teacher wants to know why her shed door has dropped. A young couple want to paint a nursery and have no idea where to start.

Behind the counter, Gwen Pellow, 61, deals with all three in under ten minutes. The plumber gets his fitting, and a second one “because you'll need it”. The teacher gets a pack of hinge screws and a sketch on the back of a receipt. The couple get a tester pot, a roller, a tray, a dust sheet, and a warning not to buy the expensive brush.

“That's the whole business, really,” she says afterwards, over a mug of tea in the stock room. “People come in with a problem. They go out with the answer, and they come back.”

## Against the odds

On paper, Pellow & Sons should not exist. In the past fifteen years, the home improvement market in the Tarrow Vale has been carved up by two warehouse chains, each with stores the size of aircraft hangars on the edges of Havenmouth and Brennock, and by online sellers who will deliver a box of screws the next morning.

Hundreds of independent hardware shops closed in that time. The trade association for independent builders' merchants estimates that there are fewer than half as many as there were in 2010.

Pellow & Sons went the other way. It now has eleven shops, all within forty miles of Dellbridge, and employs 146 people. Its accounts show sales of £31m last year and a pre-tax profit of £2.9m. Profits have risen in each of the past ten years.

>> We never tried to be cheaper than the warehouses. We tried to be the place you go when the warehouse has let you down. -- Gwen Pellow, managing director

## Advice is the product

The first thing you notice in a Pellow shop is the number of staff. On a weekday morning, the Bridge Street branch, which is smaller than a supermarket's car park, has six people on the shop floor. Most are tradespeople: a former electrician, two retired joiners, a plasterer who hurt his back.

They are paid more than the warehouses pay, about 15% above the local average for retail work, and they are expected to spend as long as it takes with each customer.

“The warehouses sell you a product,” says Tom Achebe, the former electrician, who has worked at the shop for nine years. “We sell you a job done properly. Sometimes that means telling people they don't need to buy anything at all.”

Gwen Pellow is unapologetic about the cost. “Our staff are our marketing budget,” she says. “We don't advertise. We don't need to. A plumber who gets the right part first time tells ten other plumbers.”

![Abstract illustration in muted ochre and slate](img:counter "The Bridge Street shop still has its original 1950s counter." "Illustration: The Dell Boys")

## The trade counter

The second secret is less visible. About 60% of Pellow's sales are to tradespeople, who have accounts, pay monthly and can order by phone before 7am for collection at 7.30.

The warehouses offer trade accounts too, but their stores open later and their trade counters, customers say, are slower. For a builder paying a team of four by the hour, twenty minutes saved each morning is worth more than a few pence off a bag of cement.

“I could probably get most things a bit cheaper elsewhere,” says Dev Malhotra, a builder who has had an account with Pellow for eighteen years. “But I'd lose more in wasted time than I'd save.”

The firm also lends tools to account holders for free, from tile cutters to scaffold towers, and keeps a van on call to deliver anything a builder has forgotten. It costs the business about £400,000 a year. Gwen Pellow calls it “the cheapest loyalty scheme in the country”.

## A family firm, still

The business was founded by Gwen's grandfather, Arthur Pellow, who came home from the war with a demob suit, a bad knee and £200 in savings. He rented the Bridge Street shop in 1954, sold paraffin and nails by the pound, and lived with his wife above the counter.

Three generations later, the family still owns every share. Gwen, Rob and their cousin Alun sit on the board with two long-serving managers, and the board meets, by tradition, in the Bridge Street stock room on the first Monday of every month.

Every new member of staff spends their first week in that shop, whatever branch they will work in. They are taught to find any item in the building in under a minute, and to say “I don't know, but I'll find out” rather than guess.

“Grandad's rule was that nobody leaves without an answer,” says Gwen. “Even if the answer is that they need a different shop.”

## Slow growth

The third secret, according to the family, is patience. Pellow has opened a new shop roughly every three years since 1990, always in a market town, always in an existing building on the high street, and never with borrowed money.

“My father said you should never open a shop you couldn't afford to close,” says Gwen's brother, Rob Pellow, who runs the firm's finances. “We've stuck to that.”

The family turned down an offer from one of the warehouse chains in 2018. Rob Pellow will not say how much it was for, except that it was “a very large number” and that the decision took “about five minutes”.

## Can it last?

Not everyone is convinced the model will survive another generation. Retail analysts point out that Pellow's customers are getting older, and that younger homeowners are more likely to search online than to ask at a counter.

“The Pellow model works brilliantly in towns where people still walk to the high street,” says Marta Lisowska, a retail analyst at the consultancy Shopfront. “The question is how many of those towns will be left in twenty years.”

The family is aware of the risk. The firm has quietly built a website that lets account customers order online, and it has begun running free weekend workshops for first-time buyers on painting, tiling and basic plumbing. The workshops are fully booked until February.

Gwen Pellow's daughter, Nia, who is 29 and runs the workshops, is expected to take over the business in the next few years. She says she will not change the basics.

“People think the internet killed shops like ours. It didn't. It killed shops that had nothing to offer except stuff,” she says. “If you know what you're talking about, people will always come through the door.”

Back on the shop floor, the queue has gone. Tom Achebe is explaining to a teenager, very patiently, the difference between a wall plug and a rawlplug. There isn't one, it turns out; the teenager buys a packet anyway.

What Pellow's does differently, in brief:

- staff drawn from the trades, paid above the local average;
- a trade counter that opens at 7am, with phone orders ready by 7.30;
- free tool loans and emergency deliveries for account holders;
- slow growth, with no borrowing and no shop it could not afford to close;
- free workshops to win the next generation of customers.`,
  },
  {
    slug: "port-of-havenmouth-to-electrify-cranes",
    headline: "Port of Havenmouth to electrify cranes in £60m upgrade",
    standfirst:
      "The port says the switch from diesel will cut its carbon emissions by a fifth and make the docks quieter for neighbours.",
    section: "business",
    tags: ["energy", "transport", "climate"],
    authors: ["caspar-okonjo"],
    status: "PUBLISHED",
    publishedAt: "2026-10-05T09:30:00Z",
    hero: illustration("Havenmouth handles about 900,000 containers a year.", 0),
    body: `The Port of Havenmouth will replace its fleet of diesel-powered container cranes with electric ones over the next four years, in a £60m upgrade announced on Monday.

The port, which handles about 900,000 containers a year, said the switch would cut its carbon emissions by about 20% and reduce noise for homes in the Quayside and Saltings districts, where residents have long complained about engines running through the night.

The work will be paid for partly by a £22m grant from the national infrastructure bank. The port will also build a substation and connect to the offshore wind farm at Grey Sands, which began generating power last year.

“Our neighbours have been patient with us for a long time,” said the port's chief executive, Lars Hendry. “Quieter, cleaner cranes are the least we can give them.”

The first electric cranes are due to arrive in the spring. The port said no jobs would be lost, and that crane drivers would be retrained to operate the new machines.`,
  },
];
