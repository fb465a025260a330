import { illustration, type DemoArticle } from "./types.ts";

export const technologyArticles: DemoArticle[] = [
  {
    slug: "council-ai-chatbot-told-residents-to-recycle-batteries",
    headline: "Council's AI chatbot told residents to put batteries in recycling bin",
    standfirst:
      "Dell Valley Council has switched off its new assistant after it gave wrong and potentially dangerous advice on waste, parking fines and council tax.",
    section: "technology",
    tags: ["artificial-intelligence", "council"],
    authors: ["ines-marwood"],
    status: "PUBLISHED",
    publishedAt: "2026-11-27T07:30:00Z",
    updatedAt: "2026-11-27T08:40:00Z",
    hero: illustration("The assistant was launched on the council website in October.", 1),
    body: `Dell Valley Council has switched off an artificial intelligence chatbot on its website after it told residents to put lithium batteries in their recycling bins, advice that fire services say causes hundreds of fires in bin lorries every year.

The assistant, called “Ask Dell”, was launched in October to answer questions about bin collections, parking permits and council tax. The council said it would reduce waiting times on its phone lines, which had reached forty minutes at busy times.

But residents began sharing screenshots of its answers this week. In one, seen by The Dell Boys, the chatbot told a user that “batteries of all kinds can be placed in your blue recycling bin”. Batteries should be taken to a collection point: the council's own website says so in bold.

In other conversations, the assistant told a resident that parking fines could be appealed “at any time”, when the deadline is 28 days, and invented a council tax discount for “households with pets”.

>> It said it with such confidence. If I hadn't checked, I'd have done exactly what it told me. -- Karen Doyle, Dellbridge resident

The council's head of digital services, Martin Fairlie, said the chatbot had been switched off on Tuesday evening while its answers were reviewed.

“The assistant was meant to find answers in our own web pages, and in most conversations it did,” he said. “In a small number of cases it gave answers that were simply wrong. That is not acceptable, and we apologise.”

The contract for the assistant, supplied by the software company Parallax Civic, cost £86,000 for two years, according to council papers. Opposition councillors have asked for the full contract to be published.

Dellbridge fire station's watch manager, Paul Greaves, said fires caused by batteries in bin lorries were “a real and growing problem”. He urged residents to take old batteries to supermarkets or the recycling centre on Tanyard Lane.

*Updated at 8.40am with a response from Parallax Civic.* A spokesperson for Parallax Civic said the company was “working closely with the council” and that the errors were caused by an outdated page in the council's website that the assistant had been given to read. The council said it had no record of such a page.`,
  },
  {
    slug: "ransomware-attack-takes-tarrow-vale-hospital-bookings-offline",
    headline: "Ransomware attack takes Tarrow Vale hospital booking system offline",
    standfirst:
      "Outpatient appointments are going ahead, but patients are being asked to bring letters with them and to expect delays.",
    section: "technology",
    tags: ["cybersecurity", "health"],
    authors: ["ines-marwood"],
    status: "PUBLISHED",
    publishedAt: "2026-11-21T10:45:00Z",
    hero: illustration("The trust runs hospitals in Dellbridge, Havenmouth and Ulvercombe.", 2),
    body: `The hospital trust that runs the Tarrow Vale's three main hospitals has been hit by a ransomware attack that took its appointment booking system offline on Thursday night.

The Tarrow Vale Hospitals Trust said emergency departments and wards were working normally, and that outpatient appointments would go ahead. But staff were using paper records and phone calls to manage bookings, and patients should expect delays.

The trust said it had “no evidence at this stage” that patient records had been stolen, but that investigators from the national cyber security agency were working with its own IT team to find out.

Ransomware encrypts an organisation's files and demands payment for the key to unlock them. The trust said it would not pay.

What patients should do:

1. Attend appointments as normal unless the hospital contacts you to rearrange.
2. Bring your appointment letter or text message with you.
3. Bring a list of any medicines you take.
4. Do not call the booking line unless your appointment is in the next 48 hours.
5. Be wary of calls or emails claiming to be from the trust and asking for personal details.

The trust's chief executive, Dr Helen Mbatha, said: “I am sorry for the disruption. Our staff are working extremely hard to keep services running, and I am grateful to patients for their patience.”

Security researchers said hospitals had become a frequent target because they cannot afford long interruptions. “Criminals go where the pressure to pay is highest,” said Ravi Sandhu, a security consultant who has advised several health trusts.`,
  },
  {
    slug: "review-lumen-fold-3",
    headline: "Review: the Lumen Fold 3 is a clever phone with a battery problem",
    standfirst:
      "The third folding phone from Lumen is thinner, tougher and far better to type on. Just do not expect it to last until bedtime.",
    section: "technology",
    tags: [],
    authors: ["ines-marwood"],
    status: "PUBLISHED",
    publishedAt: "2026-11-10T12:00:00Z",
    hero: illustration("The Fold 3 opens into a 7.9-inch screen.", 0),
    seoTitle: "Lumen Fold 3 review: clever, but the battery lets it down",
    body: `Folding phones have spent five years trying to prove they are more than a party trick. The Lumen Fold 3, which goes on sale this week for £1,499, comes closer than any I have used. It is also the first I have wanted to keep using after the review period ended, which is saying something, given its one serious flaw.

## Design

Closed, the Fold 3 looks and feels almost like an ordinary phone. It is 9.8mm thick, about a third thinner than the first Fold, and the hinge no longer leaves a gap when the phone is shut. Open, it becomes a 7.9-inch tablet with a crease you can feel but rarely see.

The hinge is stiff enough to hold the screen at any angle, which makes the phone useful as a tiny laptop for video calls. Lumen says it will survive 400,000 folds, or about a hundred a day for ten years.

![Abstract illustration of overlapping circles in grey and teal](img:hinge "The new hinge closes flat, with no gap." "Illustration: The Dell Boys")

## Screen and software

The inner screen is bright and sharp, and, for the first time on a Lumen folding phone, the software makes good use of it. Apps open side by side with a swipe, and the keyboard splits in two so that you can type with your thumbs while holding the phone like a book.

It is genuinely good for reading. I read most of a novel on it over a week of train journeys, and did not miss my e-reader once.

## Camera

The cameras are good but not the best at this price. Photos in daylight are crisp and natural; in low light they are noticeably softer than those from Lumen's own flagship phone, the L12, which costs £500 less.

## Battery

This is the problem. With the inner screen in regular use, the Fold 3 rarely lasted past 7pm in my testing. On the heaviest day, with navigation, video calls and a lot of photographs, it was at 5% by mid-afternoon.

Lumen says the thinner body left less room for the battery, which is smaller than the Fold 2's. Charging is fast, at least: half an hour with the supplied charger took it from empty to 60%.

## Verdict

The Fold 3 is the best folding phone I have tested, and the first I would recommend to someone who reads a lot on their phone and can live near a charger. Everyone else should wait for the Fold 4, or buy a normal phone and a small tablet for the same money.

**Rating: 4 out of 5.**`,
  },
  {
    slug: "quillfeather-raises-12m-for-newsroom-ai-tools",
    headline: "Start-up Quillfeather raises £12m to build AI tools for local newsrooms",
    standfirst:
      "The Ulvercombe company says its software will help small newspapers transcribe council meetings and search their archives.",
    section: "technology",
    tags: ["artificial-intelligence", "markets"],
    authors: ["demo-author"],
    status: "PUBLISHED",
    publishedAt: "2026-10-22T08:30:00Z",
    hero: null,
    body: `Quillfeather, a start-up founded by two former local newspaper reporters, has raised £12m from investors to develop artificial intelligence tools for small newsrooms.

The Ulvercombe-based company's software transcribes recordings of council meetings and court hearings, and lets reporters search years of their own archives in plain language. It is used by 38 local titles, including this one.

Its co-founder, Beatrix Hallam, said the company would not build tools that write articles. “Reporters don't need a machine to write for them. They need a machine to sit through the four-hour planning committee so they can go and knock on doors,” she said.

The funding round was led by the investment firm Copperline Ventures. Quillfeather plans to double its staff of 24 over the next year.

Some journalists remain wary. The National Union of Reporters said it would watch closely to make sure the tools were used “to support reporters, not to replace them”, and called on publishers to be open with readers about how they use them.`,
  },
  {
    slug: "how-to-check-whether-your-data-was-in-the-brightline-leak",
    headline: "How to check whether your data was in the Brightline leak",
    standfirst:
      "The energy supplier has confirmed that names, addresses and partial bank details of 1.2 million customers were exposed. Here is what to do.",
    section: "technology",
    tags: ["cybersecurity", "energy"],
    authors: ["ines-marwood"],
    status: "PUBLISHED",
    publishedAt: "2026-10-11T13:00:00Z",
    hero: illustration("Brightline says the exposed database has now been secured.", 1),
    body: `The energy supplier Brightline has confirmed that personal details of about 1.2 million customers were exposed after a database was left unprotected on the internet for at least three weeks.

The exposed data included names, addresses, email addresses, phone numbers, meter readings and the last four digits of bank account numbers. Brightline said passwords and full bank details were not affected.

Brightline is emailing every affected customer. But criminals often take advantage of leaks like this to send convincing fake emails of their own, so it is worth checking for yourself.

## How to check

1. Go to Brightline's website by typing the address yourself, not by following a link in an email.
2. Sign in to your account and open the “Security notice” banner at the top of the page.
3. The notice will say whether your details were in the exposed database.
4. You can also check the independent breach register at [example.org/breach-check](https://example.org/breach-check), which has added the Brightline data.

## What to do if you were affected

- Be suspicious of any call, text or email that mentions your meter readings or your Brightline account, even if it knows your name and address.
- Brightline will never ask for your full bank details or your password by phone.
- Watch your bank statements for direct debits you do not recognise.
- If you use your Brightline password elsewhere, change it, even though passwords were not exposed.

The data protection regulator said it was investigating. Brightline said it was “deeply sorry” and would offer affected customers a year of free credit monitoring.`,
  },
];
