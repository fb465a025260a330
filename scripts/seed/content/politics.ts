import { illustration, type DemoArticle } from "./types.ts";

export const politicsArticles: DemoArticle[] = [
  {
    slug: "coalition-talks-collapse-civic-party-walks-out-over-housing-levy",
    headline: "Coalition talks collapse as Civic Party walks out over housing levy",
    standfirst:
      "Prime Minister Ruth Halloran faces a minority government after her junior partners rejected a last-minute compromise on the levy in the early hours of Friday.",
    section: "politics",
    tags: ["parliament", "housing"],
    authors: ["tobias-renwick"],
    status: "PUBLISHED",
    publishedAt: "2026-11-27T06:45:00Z",
    hero: illustration("Civic Party negotiators left the talks shortly after 3am.", 0),
    seoTitle: "Coalition talks collapse over housing levy",
    seoDescription:
      "The Civic Party has walked out of coalition talks with Ruth Halloran's government over a proposed levy on empty homes.",
    body: `Coalition talks between the Progressive Alliance and the Civic Party collapsed in the early hours of Friday after the smaller party rejected a final compromise on the government's proposed housing levy, leaving Prime Minister Ruth Halloran to govern without a majority.

Civic Party negotiators walked out of the Treasury building in Brennock shortly after 3am, ending eleven days of talks that both sides had described as constructive as recently as Wednesday.

“We came here to fix the housing market, not to tax pensioners out of their family homes,” said the Civic Party leader, Anselm Varga, speaking to reporters on the steps outside. “The government was not willing to move on the one issue that matters most to our voters.”

## What the levy would do

The levy, announced in the autumn statement, would charge owners of homes left empty for more than twelve months an annual fee of 2% of the property's value. Ministers say it would bring at least 40,000 homes back into use and raise £900m a year for social housing.

The Civic Party had demanded an exemption for inherited homes and for properties undergoing renovation. Government negotiators offered an eighteen-month grace period for both, according to a document seen by The Dell Boys, but refused a permanent exemption.

>> We offered them almost everything they asked for. In the end, they wanted an election more than they wanted a deal. -- A senior Progressive Alliance negotiator

A Treasury source said the offer would have cut the levy's expected revenue by about a third. “There is a point at which an exemption becomes a loophole,” the source said.

## A government without a majority

Halloran's Progressive Alliance holds 298 of the 650 seats in parliament, 28 short of a majority. Without the Civic Party's 41 MPs, the government will need support from smaller parties or independents to pass its budget, which faces its first vote on 9 December.

In a short statement issued at 5.30am, the prime minister said she was “disappointed but not discouraged” and would continue to govern.

“The country needs homes, and the country needs a budget. I will put both before parliament and let every member decide whether they stand with the families on our waiting lists,” Halloran said.

Opposition parties were quick to call for an early election. The leader of the Heartland Party, Corin Dace, said the collapse showed that the government had “lost the authority to govern”, and said his party would table a motion of no confidence if the budget was not withdrawn.

## What happens next

Parliamentary clerks said that a no-confidence motion could be debated as early as next Thursday. Constitutional experts said the government was likely to survive it, because the Civic Party has said it will not vote with the Heartland Party.

“Walking out of talks is one thing. Bringing down a government in the run-up to Christmas is quite another,” said Professor Imogen Stroud, who teaches constitutional law at Ulvercombe University. “I would expect the Civic Party to abstain, and the government to limp on until the budget vote.”

The budget vote is now the real test. Tobias Renwick's guide to [what the autumn statement means for you](/politics/budget-2027-what-the-autumn-statement-means-for-you) sets out the measures at stake.

Housing charities reacted with dismay. Shelterline, which runs a national helpline for people facing eviction, said the levy was “the only new idea in housing policy in a decade” and urged MPs not to let it fall victim to party politics.

Local authorities had also backed the plan. In the Tarrow Vale, where the council estimates that 1,900 homes have stood empty for more than a year, the council leader, Ada Pennock, said she hoped the levy would survive “in some form”.

The Civic Party's deputy leader, Lorna Fitch, said her party's door remained open. “If the government comes back with a fair exemption for families, we will be back at the table the same day,” she said.

Markets were calm in early trading, with the currency little changed against the dollar. Economists said a minority government was unlikely to change the budget arithmetic, but could delay spending decisions into the new year.`,
  },
  {
    slug: "transport-minister-faces-inquiry-over-rail-franchise-emails",
    headline: "Transport minister faces inquiry over rail franchise emails",
    standfirst:
      "The standards commissioner will investigate whether Gideon Marsh shared confidential tender details with a bidder for the Northern Loop franchise.",
    section: "politics",
    tags: ["parliament", "transport", "justice"],
    authors: ["tobias-renwick"],
    status: "PUBLISHED",
    publishedAt: "2026-11-25T11:20:00Z",
    hero: illustration("The Northern Loop franchise is worth an estimated £2.4bn over ten years.", 1),
    body: `The parliamentary standards commissioner has opened an inquiry into the transport minister, Gideon Marsh, after emails suggested he discussed confidential details of a rail tender with one of the bidders.

The emails, released under freedom of information rules to the campaign group Open Rails, show that Marsh's private office forwarded a summary of the evaluation criteria for the Northern Loop franchise to an adviser at Cobalt Rail in March, two weeks before the criteria were published.

One email, sent from the minister's personal account late on a Sunday evening, reads:

> Thought this might be useful ahead of the formal announcement. Please keep it close for now.
>
> G.

Cobalt Rail went on to win the ten-year franchise, worth an estimated £2.4bn, in July. The company said it had “complied fully with every rule of the procurement process” and had not used the document.

Marsh said he welcomed the inquiry. “I have nothing to hide. The criteria were about to be published in any case, and I am confident the commissioner will find that no advantage was given to anyone,” he said in a statement.

Opposition MPs called for him to step aside while the investigation runs. The shadow transport secretary, Yusuf Adebayo, said: “If the minister thinks sending secret documents from a private email account is acceptable, he has no business running a department.”

Downing Street said the prime minister retained full confidence in Marsh. The commissioner's office said inquiries of this kind usually take between three and six months.`,
  },
  {
    slug: "electoral-commission-proposes-votes-at-16-for-local-elections",
    headline: "Electoral commission proposes votes at 16 for local elections",
    standfirst:
      "The independent commission's report also recommends automatic voter registration and a single national date for council elections.",
    section: "politics",
    tags: ["elections", "education"],
    authors: ["demo-author"],
    status: "PUBLISHED",
    publishedAt: "2026-11-12T09:00:00Z",
    hero: illustration("The commission took evidence from more than 3,000 young people.", 2),
    body: `Sixteen- and seventeen-year-olds should be allowed to vote in local elections from 2028, the independent Electoral Reform Commission has recommended in a report published on Thursday.

The commission, chaired by the former judge Dame Eleanor Voss, said lowering the voting age for councils would “build the habit of voting before young people leave home” and would bring local elections into line with school-leaving age.

Its main recommendations are:

- Votes at 16 for council and mayoral elections, from May 2028.
- Automatic registration for anyone who receives a national insurance number, with an option to opt out.
- A single national polling day for all council elections, every four years.
- Citizenship lessons on local government in the final two years of secondary school.
- Polling stations in sixth-form colleges and universities on election day.

The government said it would study the report carefully. Ministers have previously said they are “open-minded” about votes at 16 but have not committed to legislation.

Turnout in last year's council elections was 31%, and fell below 20% among voters under 25, according to the commission's figures.

“We heard the same thing from young people across the country: they care about buses, parks and housing, and they are told they have no say in any of them,” Voss said. The full report is available on the [commission's website](https://example.org/electoral-reform-commission/report-2026).`,
  },
  {
    slug: "budget-2027-what-the-autumn-statement-means-for-you",
    headline: "Budget 2027: what the autumn statement means for you",
    standfirst:
      "From the empty-homes levy to the childcare rebate and a freeze on fuel duty, here is how the chancellor's plans would affect households.",
    section: "politics",
    tags: ["economy", "housing", "parliament"],
    authors: ["tobias-renwick", "caspar-okonjo"],
    status: "PUBLISHED",
    publishedAt: "2026-10-30T16:00:00Z",
    updatedAt: "2026-11-27T08:10:00Z",
    hero: illustration("The chancellor delivered her autumn statement on Thursday afternoon.", 0),
    seoTitle: "Budget 2027 explained: what it means for you",
    seoDescription:
      "Income tax thresholds, the empty-homes levy, childcare, pensions and fuel duty: what the autumn statement means for households.",
    body: `*This guide was updated on 27 November after the Civic Party walked out of coalition talks. The budget's measures are unchanged, but it is no longer certain that they will pass.*

The chancellor, Miriam Achterberg, set out her plans for the year ahead in the autumn statement on Thursday. She described it as a budget “for people who rent, people who build and people who care”. Her opponents called it “a tax rise by stealth”.

Here is what the main measures would mean for households, if parliament approves them.

## Income tax

The personal allowance, the amount you can earn before paying income tax, stays at £12,800 for a fourth year. Because wages are rising, that freeze means more people will pay tax, and people already paying it will pay a little more of their income.

The Institute for Household Finance, an independent think tank, estimates that a worker on £30,000 a year will pay about £140 more in 2027 than if the allowance had risen with inflation.

The higher-rate threshold is also frozen. The chancellor did not change the rates themselves.

### Example: a nurse on £34,000

A nurse earning £34,000 who gets a 3% pay rise in April would pay about £200 more in income tax next year. Roughly £45 of that is the effect of the frozen allowance; the rest is tax on the pay rise itself.

### Example: a retired couple

A retired couple living on the state pension and a small private pension would see the state pension rise by 4.1%. If their total income is already close to the personal allowance, some of that rise will be taxed for the first time.

## The empty-homes levy

The most controversial measure is a new levy on homes left empty for more than twelve months. Owners would pay 2% of the property's value each year, collected by councils.

There would be exemptions for:

- homes whose owner has moved into a care home or hospital;
- homes in probate, for up to two years after the owner's death;
- homes that are actively for sale or to let at a fair price;
- homes that are uninhabitable and awaiting planning permission for repairs.

The Treasury expects the levy to raise £900m a year, all of which would go to councils for social housing. It was this measure that broke up the coalition talks with the Civic Party, which wants a permanent exemption for inherited homes.

## Childcare

Working parents of children aged one to four would get a rebate of up to £2,000 a year per child on nursery fees, paid quarterly through the tax system. Parents would need to earn at least the equivalent of sixteen hours a week at the minimum wage to qualify.

Nursery providers welcomed the rebate but warned it would not solve staff shortages. “Money for parents is good. Money for the people who look after their children would be better,” said Janet Orme of the Nursery Providers' Association.

>> Money for parents is good. Money for the people who look after their children would be better. -- Janet Orme, Nursery Providers' Association

## Pensions and benefits

The state pension rises by 4.1% in April, in line with earnings. Working-age benefits rise by 2.6%, in line with September's inflation figure.

The chancellor also announced a review of the age at which people can draw the state pension, which is due to reach 68 in the 2040s. The review will report in 2028.

## Fuel, drink and tobacco

Fuel duty is frozen for another year, at a cost of about £1.4bn. The chancellor said she would “not add to the cost of getting to work” while public transport in rural areas remained poor.

Duty on beer and cider served in pubs falls by a penny a pint. Duty on spirits and wine bought in shops rises with inflation. Tobacco duty rises by inflation plus two percentage points.

## Public transport

Bus fares outside the capital would be capped at £2 a journey for another two years. A new fund of £350m would pay for bus routes in rural areas, where the chancellor said services had “withered to almost nothing”.

In the Dell Valley, the council has said it would bid for money to restore the evening service on the Dellbridge to Havenmouth route, which was cut in 2024.

## Business

Small firms would pay a lower rate of business rates on premises with a rateable value below £20,000. Larger retailers would pay more, a change the chancellor said would “level the field between the high street and the warehouse”.

Corporation tax is unchanged at 25%.

## Will it pass?

That depends on arithmetic. The Progressive Alliance does not have a majority on its own, and the budget faces its first vote on 9 December.

Ministers hope to win over independent MPs and the smaller regional parties, several of which support the childcare rebate and the bus fund. Our political correspondent's report on [the collapse of the coalition talks](/politics/coalition-talks-collapse-civic-party-walks-out-over-housing-levy) explains what happens next.

## What should I do now?

Nothing, yet. None of the measures takes effect until April, and some could change before then. If you own a home that has been empty for a long time, or plan to use nursery care next year, it is worth keeping an eye on the budget's progress through parliament.

1. Check whether your home would fall under one of the levy's exemptions.
2. If you use a nursery, ask whether it plans to raise fees in April.
3. If you are close to the higher-rate threshold, consider whether pension contributions could keep you below it.

We will update this guide as the budget goes through parliament.`,
  },
  {
    slug: "backbench-rebellion-over-water-bill-fizzles",
    headline: "Backbench rebellion over water bill fizzles as ministers offer concessions",
    standfirst:
      "Only nine government MPs voted against the Water Quality Bill after ministers promised tougher fines for sewage spills.",
    section: "politics",
    tags: ["parliament", "environment"],
    authors: ["tobias-renwick"],
    status: "PUBLISHED",
    publishedAt: "2026-10-08T19:40:00Z",
    hero: null,
    body: `A threatened rebellion by government backbenchers over the Water Quality Bill fizzled out on Wednesday evening, after ministers agreed to raise the maximum fine for sewage spills and to publish monthly data on every overflow.

The bill passed its second reading by 341 votes to 262. Only nine Progressive Alliance MPs voted against it, far fewer than the forty who had signed a letter last week demanding changes.

Under the concessions, announced by the environment secretary, Harriet Okafor, an hour before the vote, water companies could be fined up to 10% of their annual turnover for repeated spills, up from 3%. Companies would also have to publish the location and length of every overflow within a month.

“This is not everything we asked for, but it is a great deal more than we had on Monday,” said Ewan Tully, the MP for Dell Valley North, who organised the letter. “Rivers like the Dell will be cleaner because of it.”

Campaigners were less impressed. The group Clear Water said fines had rarely been imposed under the existing rules and called for water company directors to face personal liability.

The bill now goes to committee, where further amendments are expected.`,
  },
];
