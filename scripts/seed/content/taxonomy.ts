import type { DemoAuthor, DemoSection, DemoTag } from "./types.ts";

/** Sections in navigation order. */
export const demoSections: DemoSection[] = [
  {
    slug: "politics",
    name: "Politics",
    description: "Parliament, government and the people who run them, at home and abroad.",
  },
  {
    slug: "world",
    name: "World",
    description: "International news, diplomacy and conflict, from our correspondents.",
  },
  {
    slug: "business",
    name: "Business",
    description: "Companies, jobs, markets and the economy that pays for it all.",
  },
  {
    slug: "technology",
    name: "Technology",
    description: "Gadgets, software, security and the companies that build them.",
  },
  {
    slug: "science",
    name: "Science",
    description: "Research, space, health and the natural world, explained.",
  },
  {
    slug: "culture",
    name: "Culture",
    description: "Film, music, books and the arts, reviewed and reported.",
  },
  {
    slug: "sport",
    name: "Sport",
    description: "Football, cricket and everything else played in and around the Dell Valley.",
  },
  {
    slug: "opinion",
    name: "Opinion",
    description: "Columns, comment and arguments from our writers and guests.",
  },
  {
    slug: "local",
    name: "Local",
    description: "News from Dellbridge and the Dell Valley: council, courts, schools and streets.",
  },
];

export const demoTags: DemoTag[] = [
  { slug: "us-politics", name: "US Politics" },
  { slug: "justice", name: "Justice" },
  { slug: "parliament", name: "Parliament" },
  { slug: "elections", name: "Elections" },
  { slug: "council", name: "Council" },
  { slug: "economy", name: "Economy" },
  { slug: "markets", name: "Markets" },
  { slug: "jobs", name: "Jobs" },
  { slug: "housing", name: "Housing" },
  { slug: "transport", name: "Transport" },
  { slug: "energy", name: "Energy" },
  { slug: "climate", name: "Climate" },
  { slug: "environment", name: "Environment" },
  { slug: "health", name: "Health" },
  { slug: "education", name: "Education" },
  { slug: "artificial-intelligence", name: "Artificial Intelligence" },
  { slug: "cybersecurity", name: "Cybersecurity" },
  { slug: "space", name: "Space" },
  { slug: "diplomacy", name: "Diplomacy" },
  { slug: "film", name: "Film" },
  { slug: "music", name: "Music" },
  { slug: "books", name: "Books" },
  { slug: "football", name: "Football" },
  { slug: "cricket", name: "Cricket" },
];

/**
 * Staff of the (fictional) paper. The ADMIN account comes from environment variables elsewhere.
 * demo-editor, demo-author and demo-contributor are the demo sign-in accounts.
 */
export const demoAuthors: DemoAuthor[] = [
  {
    slug: "hester-calloway",
    name: "Hester Calloway",
    email: "hester.calloway@dellboys.example",
    role: "EDITOR",
    bio: "Hester Calloway is the editor of The Dell Boys. She spent fifteen years on regional papers across the Tarrow Vale before helping to found this one. She reads every correction before it runs.",
  },
  {
    slug: "tobias-renwick",
    name: "Tobias Renwick",
    email: "tobias.renwick@dellboys.example",
    role: "AUTHOR",
    bio: "Tobias Renwick is our political correspondent, based in Brennock. He has covered four general elections and more budget statements than he cares to count.",
  },
  {
    slug: "priya-lindqvist",
    name: "Priya Lindqvist",
    email: "priya.lindqvist@dellboys.example",
    role: "AUTHOR",
    bio: "Priya Lindqvist writes about world affairs and diplomacy. She previously reported from Norvania and the northern ports, and speaks four languages badly and two well.",
  },
  {
    slug: "caspar-okonjo",
    name: "Caspar Okonjo",
    email: "caspar.okonjo@dellboys.example",
    role: "AUTHOR",
    bio: "Caspar Okonjo is our business reporter. Before journalism he spent six years as an accountant, which is why he always reads the footnotes.",
  },
  {
    slug: "ines-marwood",
    name: "Ines Marwood",
    email: "ines.marwood@dellboys.example",
    role: "AUTHOR",
    bio: "Ines Marwood covers technology, security and the companies that sell both. She reviews gadgets so that you do not have to buy them first.",
  },
  {
    slug: "wendell-ashgrove",
    name: "Wendell Ashgrove",
    email: "wendell.ashgrove@dellboys.example",
    role: "AUTHOR",
    bio: "Wendell Ashgrove is our science writer. He trained as an ecologist at Ulvercombe and still counts otters on the Dell at weekends.",
  },
  {
    slug: "rosalind-quaye",
    name: "Rosalind Quaye",
    email: "rosalind.quaye@dellboys.example",
    role: "AUTHOR",
    bio: "Rosalind Quaye is our arts and culture critic. She reviews film, books and music, and programmes the paper's winter reading list.",
  },
  {
    slug: "declan-fairweather",
    name: "Declan Fairweather",
    email: "declan.fairweather@dellboys.example",
    role: "AUTHOR",
    bio: "Declan Fairweather is our sports reporter. He has watched Dellbridge Rovers home and away since he was eight, and is trying hard to be objective about it.",
  },
  {
    slug: "jonah-petrakis",
    name: "Jonah Petrakis",
    email: "jonah.petrakis@dellboys.example",
    role: "AUTHOR",
    bio: "Jonah Petrakis is our local government and community reporter. He attends council meetings so that you do not have to, and answers readers' tips himself.",
  },
  {
    slug: "maud-tennant",
    name: "Maud Tennant",
    email: "maud.tennant@dellboys.example",
    role: "CONTRIBUTOR",
    bio: "Maud Tennant is a columnist and former town planner. She writes a fortnightly column on streets, buildings and the people who use them.",
  },
  {
    slug: "demo-editor",
    name: "Fenella Drummond",
    email: "editor@dellboys.example",
    role: "EDITOR",
    bio: "Fenella Drummond is deputy editor and runs the news desk. She decides what leads the front page and who gets the late shift.",
  },
  {
    slug: "demo-author",
    name: "Arlo Benedetti",
    email: "author@dellboys.example",
    role: "AUTHOR",
    bio: "Arlo Benedetti is a general news reporter who writes for every section that is short-staffed. He joined The Dell Boys from a trade magazine about buses.",
  },
  {
    slug: "demo-contributor",
    name: "Saoirse Blackwood",
    email: "contributor@dellboys.example",
    role: "CONTRIBUTOR",
    bio: "Saoirse Blackwood is a freelance writer and Dellbridge resident. She contributes opinion pieces and features on community life.",
  },
];
