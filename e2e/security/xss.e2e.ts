import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { apiJson, apiSession, signIn } from "../newsroom/staff";
import { inspectMarkup, type InspectArgs, type InspectResult } from "./xss-inspect";
import { hostileImageSources, hostileLinkTargets, withMarker, xssPayloads } from "./xss-payloads";

/**
 * Stored XSS, end to end. Staff put the payload corpus into every field they can write, through
 * the JSON API and (where only the dashboard reaches a field) the dashboard's own forms; then
 * real Chromium opens every page that shows those values, as a reader and as staff, and every
 * machine output is fetched and parsed. Any dialog (alert, confirm, prompt, print) or uncaught
 * error fails; so does payload markup found anywhere it could act (see xss-inspect.ts), and so
 * does a value that does not show up as text where it should (a check that looked at nothing
 * would pass for the wrong reason). Values the API refuses must be refused with a message and
 * change nothing.
 *
 * It publishes, curates the front page and sets the breaking-news banner, then undoes all of it
 * (afterAll, also after a failure). playwright.config.ts runs it in the "security" project alone,
 * after the newsroom specs and the permission matrix.
 */

// ---------------------------------------------------------------------------------------------
// Markers: RUN (9 digits) + field (2) + payload index (3), a plain number in every payload.

const RUN = String(100_000_000 + Math.floor(Math.random() * 900_000_000));
const MARKER = `${RUN}\\d{5}`;
/** A word in every article's headline and body: for search and the dashboard's filter. */
const SEARCH_WORD = `xss${RUN}`;
const N = xssPayloads.length;

const FIELD = {
  headline: 10, standfirst: 11, seoTitle: 12, seoDescription: 13, heroCaption: 14, heroCredit: 15, correction: 16, tag: 17, tagDescription: 18,
  paragraph: 20, heading: 21, emphasis: 22, linkText: 23, bulletItem: 24, orderedItem: 25, blockquote: 26, pullQuote: 27, attribution: 28,
  imageAlt: 29, imageCaption: 30, imageCredit: 31, linkHref: 32, imageSrc: 33,
  sectionName: 40, sectionDescription: 41, inviteName: 42, authorName: 43, bio: 44, mediaAlt: 45, mediaCaption: 46, mediaCredit: 47,
  bannerText: 48, bannerUrl: 49, tokenName: 50, returnNote: 51, previewLabel: 52,
  slug: 60, sectionSlug: 61, tagSlug: 62, refusedHref: 63, refusedImageSrc: 64, refusedBannerUrl: 65, searchQuery: 66, dashboardQuery: 67,
  refusedUpload: 68, schema: 69,
} as const;
type Field = keyof typeof FIELD;
const FIELD_NAMES = new Map(Object.entries(FIELD).map(([name, code]) => [String(code), name]));

const markerFor = (field: Field, index: number) => `${RUN}${FIELD[field]}${String(index).padStart(3, "0")}`;
const planted = (field: Field, index: number) => withMarker(xssPayloads[index]!, markerFor(field, index));
const markersIn = (...texts: string[]) => [...new Set(texts.join("\n").match(new RegExp(MARKER, "g")) ?? [])];
const fieldOf = (marker: string) => marker.slice(RUN.length, RUN.length + 2);

/** Fields whose markers number values of their own (URL lists, uploads), not corpus payloads. */
const OWN_VALUES = new Set<Field>(["linkHref", "imageSrc", "bannerUrl", "refusedHref", "refusedImageSrc", "refusedBannerUrl", "refusedUpload", "schema"]);

/** "headline #12 <img src=x onerror=…": which value a marker came from. */
function describeMarker(marker: string): string {
  const field = (FIELD_NAMES.get(fieldOf(marker)) ?? "?") as Field;
  const index = Number(marker.slice(RUN.length + 2));
  return OWN_VALUES.has(field) ? `${field} #${index}` : `${field} #${index} ${JSON.stringify((xssPayloads[index] ?? "").slice(0, 70))}`;
}
/** A finding with the payloads it shows named. */
const explain = (text: string) => {
  const markers = markersIn(text);
  return markers.length ? `${text}  [${markers.map(describeMarker).join("; ")}]` : text;
};

/** Single-line fields that Open Graph cards draw, and <input>s, get printable ASCII only: the card
 * font has no glyphs for the rest (and would try to fetch one), and inputs drop line breaks. */
const printable = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** Every value written anywhere, for the coverage count. */
const written: string[] = [];

/** Fills values of one field with whole payloads, each value up to a length, moving through the corpus. */
class Filler {
  private next: number;
  constructor(private readonly field: Field, start: number, private readonly accept: (text: string) => boolean = () => true) {
    this.next = ((start % N) + N) % N;
  }

  take(max: number): string {
    const pieces: string[] = [];
    let length = 0;
    for (let tried = 0; tried < N; tried++) {
      const index = this.next;
      const piece = planted(this.field, index);
      const added = piece.length + (pieces.length ? 1 : 0);
      if (this.accept(piece) && length + added <= max) {
        pieces.push(piece);
        length += added;
      } else if (pieces.length && this.accept(piece) && piece.length <= max) {
        break; // full: this payload starts the next value
      }
      this.next = (index + 1) % N;
    }
    // Single-line fields are trimmed on save (zod .trim()): compare with what is stored.
    const value = pieces.join(" ").trim();
    written.push(value);
    return value;
  }
}

// ---------------------------------------------------------------------------------------------
// What the run creates (module state: the cleanup hook needs it even when the test fails).

interface Media { id: string; url: string; alt: string; caption: string; credit: string; width: number; height: number }
interface Section { id: string; slug: string; name: string; description: string }
interface Tag { id: string; slug: string; name: string; description?: string }
interface Author { id: string; slug: string; name: string; email: string; bio: string }
interface Article {
  id: string; slug: string; path: string; status: string; version: number; headline: string; standfirst: string;
  body: { type: "doc"; content: unknown[] }; section: { id: string; slug: string; name: string };
  tags: Tag[]; authors: { id: string; name: string; slug: string }[];
  heroImage: { id: string; url: string; alt: string } | null; heroCaption: string; heroCredit: string;
  seoTitle: string; seoDescription: string; corrections: { id: string; text: string }[]; publishedAt: string | null;
}
interface Banner { text: string; url: string | null }

const state = {
  baseURL: "",
  media: [] as Media[],
  sections: [] as Section[],
  authors: [] as Author[],
  articles: [] as Article[],
  tokens: [] as { id: string; name: string }[],
  /** A draft an editor sent back from review with a note of payloads. */
  returned: null as { id: string; note: string; labels: string[] } | null,
  /** A preview link to the first article. */
  previewLink: null as string | null,
  /** The first tag of each article, with a description: their pages and feeds are visited. */
  visitedTags: [] as Tag[],
  frontPageBefore: null as string[] | null,
  bannerBefore: null as Banner | null,
  /** Set before the first attempt: a save that went through unnoticed is undone too. */
  bannerTouched: false,
  banner: null as Banner | null,
  ogImages: new Set<string>(),
  /** Emails of invited authors: their accounts are disabled afterwards. */
  invited: [] as string[],
  /** Anything a refused request created after all (a failure of its own): removed too. */
  extraMedia: [] as string[],
  extraSections: [] as string[],
};

const ARTICLES = 5;
const SECTIONS = 2;
const AUTHORS = 2;
const MEDIA = 3;
const TAGS_PER_ARTICLE = 12;
const AUTHOR_PASSWORD = "a long enough password for xss";

// ---------------------------------------------------------------------------------------------
// Small helpers

async function call<T>(api: APIRequestContext, method: string, path: string, data?: unknown): Promise<T> {
  const response = await apiJson<T>(api, method, path, state.baseURL, data);
  expect(response.status, `${method} ${path} → ${JSON.stringify(response.body?.error ?? null)}`).toBeLessThan(300);
  return response.body?.data as T;
}

/** A refusal is a 4xx with a message naming the field, and nothing saved (the caller checks that). */
async function refusal(api: APIRequestContext, method: string, path: string, data: unknown, field: string, what: string): Promise<string | null> {
  const response = await apiJson(api, method, path, state.baseURL, data);
  const error = response.body?.error;
  if (response.status < 400 || response.status >= 500) return explain(`${what}: answered ${response.status}, not a 4xx refusal`);
  if (!error?.message) return explain(`${what}: ${response.status} without an error message`);
  if (field && !Object.keys(error.fields ?? {}).some((f) => f === field || f.startsWith(`${field}.`))) {
    return explain(`${what}: the refusal names no "${field}" field: ${JSON.stringify(error)}`);
  }
  return null;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

const text = (value: string, marks?: unknown[]) => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });
const listItem = (value: string) => ({ type: "listItem", content: [paragraph(text(value))] });
const fits = (value: string, max: number) => (value.length <= max ? value : "");
const imageNode = (src: string, alt: string, caption: string, credit: string, width: number, height: number, mediaId: string | null) => ({
  type: "image",
  attrs: { src, alt, caption, credit, width, height, mediaId },
});

async function pngOf(width: number, height: number, color: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
}

// ---------------------------------------------------------------------------------------------
// Browsers: every page is watched for dialogs and uncaught errors.

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: state.baseURL, viewport: { width: 1280, height: 900 } });
  // Headless Chromium shows no dialog for print(): make it one, so payloads calling it are caught.
  await context.addInitScript(() => {
    window.print = () => window.alert("print() was called");
  });
  // Nothing leaves the site: an injected resource goes nowhere, and pages settle without DNS waits.
  const origin = new URL(state.baseURL).origin;
  await context.route((url) => url.origin !== origin, (route) => route.abort());
  return context;
}

function guard(page: Page, where: string, found: string[]): void {
  page.on("dialog", (dialog) => {
    if (dialog.type() === "beforeunload") {
      void dialog.accept().catch(() => undefined);
      return;
    }
    found.push(explain(`${where}: a ${dialog.type()} dialog opened: ${JSON.stringify(dialog.message())}`));
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("pageerror", (error) => found.push(explain(`${where}: uncaught error: ${error.message}`)));
}

interface PageCheck {
  name: string;
  path: string;
  /** Markers that must be seen as text on the page. */
  expect: string[];
  /**
   * Loaded, then at most 15 s for the network to go idle. The preview page (a frame inside): with
   * every request answered, Playwright waited out the whole 60 s for an idle that never came.
   */
  boundedIdle?: boolean;
  /** Wait for client-rendered parts (the editor). */
  ready?: (page: Page) => Promise<void>;
  /** Further checks of this page. */
  more?: (page: Page, live: InspectResult) => Promise<void> | void;
}

const inspect = (page: Page, args: Omit<InspectArgs, "marker"> = {}) => page.evaluate(inspectMarkup, { marker: MARKER, ...args });

/** One page load: status, dialogs and errors, the live DOM and the HTML as served, the values shown. */
async function visit(context: BrowserContext, check: PageCheck, found: string[]): Promise<InspectResult | null> {
  const page = await context.newPage();
  guard(page, check.name, found);
  try {
    const response = await page.goto(check.path, { waitUntil: check.boundedIdle ? "load" : "networkidle", timeout: 60_000 });
    if (check.boundedIdle) await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
    expect.soft(response?.status(), `${check.name} (${check.path}) answers 200`).toBe(200);
    if (!response || response.status() !== 200) return null;
    const served = await response.text();
    await check.ready?.(page);
    // Streamed parts (Suspense) are moved into place by React's inline scripts, batched on animation
    // frames, possibly after the network is idle: inspect once nothing streamed is left hidden.
    await page.waitForFunction(() => document.querySelectorAll('div[hidden][id^="S:"]').length === 0, undefined, { timeout: 15_000 });
    const live = await inspect(page);
    const raw = await inspect(page, { source: { text: served, type: "text/html" } });
    found.push(...live.findings.map((f) => explain(`${check.name}, live page: ${f}`)), ...raw.findings.map((f) => explain(`${check.name}, HTML as served: ${f}`)));
    const missing = check.expect.filter((m) => !live.seen.includes(m));
    expect.soft(missing.map(describeMarker), `${check.name}: values that should show as text`).toEqual([]);
    await check.more?.(page, live);
    return live;
  } catch (error) {
    found.push(`${check.name}: ${(error as Error).message.split("\n")[0]}`);
    return null;
  } finally {
    await page.close();
  }
}

/** A few pages at a time: the server does the waiting, not the test. */
async function visitAll(context: BrowserContext, checks: PageCheck[], found: string[], parallel = 3): Promise<void> {
  const queue = [...checks];
  const worker = async () => {
    for (let check = queue.shift(); check; check = queue.shift()) await visit(context, check, found);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

// ---------------------------------------------------------------------------------------------
// What each article should show

/** Markers in an article body that readers see as text (not those inside hrefs and image srcs). */
function bodyMarkers(a: Article): string[] {
  return markersIn(JSON.stringify(a.body)).filter((m) => fieldOf(m) !== String(FIELD.linkHref) && fieldOf(m) !== String(FIELD.imageSrc));
}

function heroMedia(a: Article): Media | undefined {
  return state.media.find((m) => m.id === a.heroImage?.id);
}

/** Everything the article page shows as text. */
function articleMarkers(a: Article, { seo }: { seo: boolean }): string[] {
  const hero = heroMedia(a);
  return [
    ...markersIn(
      a.headline, a.standfirst, a.heroCaption || hero?.caption || "", a.heroCredit || hero?.credit || "", hero?.alt ?? "",
      a.section.name, ...a.tags.map((t) => t.name), ...a.authors.map((x) => x.name), ...a.corrections.map((c) => c.text),
      state.banner?.text ?? "", seo ? `${a.seoTitle} ${a.seoDescription}` : "",
    ),
    ...bodyMarkers(a),
  ];
}

function editorMarkers(a: Article): string[] {
  return [
    ...markersIn(a.headline, a.standfirst, a.seoTitle, a.seoDescription, a.heroCaption, a.heroCredit, ...a.tags.map((t) => t.name), ...a.corrections.map((c) => c.text),
      ...state.sections.map((s) => s.name), ...state.authors.map((x) => x.name)),
    ...bodyMarkers(a),
  ];
}

const norm = (value: string) => value.replace(/\s+/g, " ").trim();

/** Head, Open Graph and JSON-LD of an article page: exact text, nothing injected. */
function checkArticleHead(a: Article, live: InspectResult): void {
  const metaOf = (key: string) => live.meta.filter(([k]) => k === key).map(([, v]) => v);
  const title = a.seoTitle || a.headline;
  const description = a.seoDescription || a.standfirst || a.headline;
  const where = `article ${a.slug}`;
  expect.soft(metaOf("og:title"), `${where}: og:title is the title as text`).toEqual([title]);
  expect.soft(metaOf("og:description"), `${where}: og:description`).toEqual([description]);
  expect.soft(metaOf("description"), `${where}: meta description`).toEqual([description]);
  for (const key of ["twitter:title", "twitter:description"]) {
    const values = metaOf(key);
    if (values.length) expect.soft(values, `${where}: ${key}`).toEqual([key === "twitter:title" ? title : description]);
  }
  expect.soft(metaOf("article:section"), `${where}: article:section`).toEqual([a.section.name]);
  expect.soft(metaOf("article:tag"), `${where}: article:tag`).toEqual(a.tags.map((t) => t.name));
  expect.soft(norm(live.title), `${where}: <title>`).toContain(norm(title));
  expect.soft(live.headTags.filter((t) => !["meta", "title", "link", "script", "style", "noscript"].includes(t)), `${where}: only metadata elements in <head>`).toEqual([]);
  expect.soft(live.headTags.filter((t) => t === "title"), `${where}: one <title>`).toHaveLength(1);
  for (const key of ["og:image", "twitter:image"]) for (const url of metaOf(key)) state.ogImages.add(url);

  const blocks = live.jsonLd.map((t) => JSON.parse(t) as Record<string, unknown>);
  const article = blocks.find((b) => b["@type"] === "NewsArticle") as Record<string, unknown> | undefined;
  expect.soft(article, `${where}: a NewsArticle block`).toBeTruthy();
  if (article) {
    const headline = String(article.headline);
    const full = norm(a.headline);
    // Truncated for Google at 110 characters, at a word, with "…".
    expect.soft(headline === full || (headline.endsWith("…") && full.startsWith(headline.slice(0, -1))), `${where}: JSON-LD headline ${JSON.stringify(headline)}`).toBe(true);
    expect.soft(article.description, `${where}: JSON-LD description`).toBe(a.seoDescription || a.standfirst);
    expect.soft((article.author as { name: string }[]).map((x) => x.name), `${where}: JSON-LD authors`).toEqual(a.authors.map((x) => x.name));
    expect.soft(article.articleSection, `${where}: JSON-LD section`).toBe(a.section.name);
    expect.soft(article.keywords, `${where}: JSON-LD keywords`).toEqual(a.tags.map((t) => t.name));
    expect.soft(((article.correction ?? []) as { text: string }[]).map((c) => c.text), `${where}: JSON-LD corrections`).toEqual(a.corrections.map((c) => c.text));
  }
  const crumbs = blocks.find((b) => b["@type"] === "BreadcrumbList") as { itemListElement: { name: string }[] } | undefined;
  expect.soft(crumbs?.itemListElement.map((i) => i.name), `${where}: breadcrumb names`).toEqual(["Home", a.section.name, a.headline]);
}

/** Section, tag and author pages: Open Graph carries the name and description as written. */
function checkListingHead(where: string, name: string, description: string, live: InspectResult): void {
  const metaOf = (key: string) => live.meta.filter(([k]) => k === key).map(([, v]) => v);
  expect.soft(metaOf("og:title"), `${where}: og:title`).toEqual([name]);
  expect.soft(metaOf("og:description"), `${where}: og:description`).toEqual([description]);
  expect.soft(norm(live.title), `${where}: <title>`).toContain(norm(name));
  // JSON-LD: a CollectionPage (sections, tags) or a ProfilePage's Person (authors), as written.
  const blocks = live.jsonLd.map((t) => JSON.parse(t) as { "@type": string; name?: string; description?: string; mainEntity?: { name: string; description?: string } });
  const described = blocks.find((b) => b["@type"] === "CollectionPage") ?? blocks.find((b) => b["@type"] === "ProfilePage")?.mainEntity;
  expect.soft(described && { name: described.name, description: described.description }, `${where}: JSON-LD name and description`).toEqual({ name, description });
}

/** Links whose hostile-looking href the rule allows: rendered as that exact attribute, inert. */
function checkAllowedHrefs(a: Article, live: InspectResult): void {
  const wanted = new Set<string>();
  JSON.stringify(a.body, (key, value: unknown) => {
    if (key === "href" && typeof value === "string") wanted.add(value.trim());
    return value;
  });
  const missing = [...wanted].filter((href) => !live.hrefs.includes(href));
  expect.soft(missing, `article ${a.slug}: allowed links rendered with their exact href`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Writing the payloads

async function uploadMedia(api: APIRequestContext, refusals: string[]): Promise<void> {
  const colors = ["#3a6ea5", "#a53a6e", "#6ea53a"];
  for (let m = 0; m < MEDIA; m++) {
    const alt = new Filler("mediaAlt", 11 + m * 60).take(500);
    const caption = new Filler("mediaCaption", 23 + m * 60).take(500);
    const credit = new Filler("mediaCredit", 37 + m * 60).take(200);
    const response = await api.post("/api/v1/media", {
      multipart: { file: { name: `xss-${RUN}-${m}.png`, mimeType: "image/png", buffer: await pngOf(1200, 800, colors[m]!) }, alt, caption, credit },
    });
    expect(response.status(), `upload ${m}: ${await response.text()}`).toBe(201);
    const item = ((await response.json()) as { data: Media }).data;
    state.media.push(item);
    // The media service turns line breaks in alt text and credits into spaces: the markers stay.
    expect(markersIn(item.alt, item.caption, item.credit).sort()).toEqual(markersIn(alt, caption, credit).sort());
  }
  // Script dressed as an image is refused by its bytes, whatever its name and type say.
  const fakes = [
    { name: "innocent.png", mimeType: "image/png", body: `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(${markerFor("refusedUpload", 0)})"><script>alert(${markerFor("refusedUpload", 1)})</script></svg>` },
    { name: "innocent.svg", mimeType: "image/svg+xml", body: `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(${markerFor("refusedUpload", 2)})</script></svg>` },
    { name: "innocent.jpg", mimeType: "image/jpeg", body: `<!doctype html><img src=x onerror=alert(${markerFor("refusedUpload", 3)})>` },
    { name: "innocent.gif", mimeType: "image/gif", body: `GIF89a/*<svg onload=alert(${markerFor("refusedUpload", 4)})>*/=alert(${markerFor("refusedUpload", 5)})` },
  ];
  const alt = `Refused upload ${SEARCH_WORD}`;
  for (const fake of fakes) {
    const response = await api.post("/api/v1/media", { multipart: { file: { name: fake.name, mimeType: fake.mimeType, buffer: Buffer.from(fake.body) }, alt } });
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (response.status() < 400 || response.status() >= 500 || !body?.error?.message) refusals.push(explain(`upload of ${fake.name} as ${fake.mimeType}: ${response.status()} ${JSON.stringify(body)}`));
  }
  const stored = await call<Media[]>(api, "GET", `/api/v1/media?q=${encodeURIComponent(alt)}`);
  state.extraMedia.push(...stored.map((m) => m.id)); // removed afterwards, should any have got in
  expect.soft(stored, "refused uploads left nothing in the library").toEqual([]);
}

async function createSections(api: APIRequestContext, refusals: string[]): Promise<void> {
  for (let s = 0; s < SECTIONS; s++) {
    // Short payloads only, so that each of the few names carries two.
    const name = new Filler("sectionName", 5 + s * 90, (p) => printable(p) && p.length <= 39).take(80);
    const description = new Filler("sectionDescription", 17 + s * 90, printable).take(500);
    // No slug given: it is made from the name, which is all payload.
    const section = await call<Section>(api, "POST", "/api/v1/sections", { name, description });
    state.sections.push(section);
    expect(section).toMatchObject({ name, description });
    expect(section.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  }
  const prefix = `Refused section ${SEARCH_WORD}`;
  const indices = Array.from({ length: N }, (_, k) => k).filter((k) => k % 5 === 0);
  written.push(...indices.map((k) => planted("sectionSlug", k)));
  await inBatches(indices, 8, async (k) => {
    const problem = await refusal(api, "POST", "/api/v1/sections", { name: `${prefix} ${k}`, slug: planted("sectionSlug", k) }, "slug", `section slug ${describeMarker(markerFor("sectionSlug", k))}`);
    if (problem) refusals.push(problem);
  });
  const leaked = (await call<Section[]>(api, "GET", "/api/v1/sections")).filter((s) => s.name.startsWith(prefix));
  state.extraSections.push(...leaked.map((s) => s.id)); // removed afterwards, should any have got in
  expect.soft(leaked.map((s) => s.name), "sections with refused slugs were not created").toEqual([]);
}

/** An author account made through the dashboard: invited by an admin, accepted, profile written. */
async function createAuthor(browser: Browser, admin: Page, adminApi: APIRequestContext, n: number, found: string[]): Promise<void> {
  const email = `xss-${RUN}-${n}@dellboys.example`;
  // Short payloads only, so that each of the few names carries two.
  const inviteName = new Filler("inviteName", 3 + n * 70, (p) => printable(p) && p.length <= 49).take(100);
  const name = new Filler("authorName", 29 + n * 70, (p) => printable(p) && p.length <= 49).take(100);
  const bio = new Filler("bio", 41 + n * 70).take(1000);

  await admin.goto("/dashboard/users");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption("AUTHOR");
  await admin.getByRole("button", { name: "Create invitation" }).click();
  const link = await admin.getByLabel("Invitation link").inputValue();
  state.invited.push(email); // from now on an account may exist: disabled afterwards whatever happens

  const context = await newContext(browser);
  const page = await context.newPage();
  guard(page, `author ${n} accepting the invitation`, found);
  await page.goto(new URL(link, state.baseURL).pathname);
  await page.getByLabel("Your name").fill(inviteName);
  await page.getByLabel("Password", { exact: true }).fill(AUTHOR_PASSWORD);
  await page.getByLabel("Password again").fill(AUTHOR_PASSWORD);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/signin\?welcome=1/);

  await page.goto("/signin?next=%2Fdashboard%2Fprofile");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(AUTHOR_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/dashboard/profile", { timeout: 20_000 });
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Bio", { exact: true }).fill(bio);
  await page.getByLabel("Photo", { exact: true }).selectOption(state.media[n % MEDIA]!.id);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible({ timeout: 15_000 });
  await page.close();

  const member = (await call<{ id: string; email: string; name: string; slug: string }[]>(adminApi, "GET", "/api/v1/users")).find((u) => u.email === email);
  expect(member, `the invited author ${email} exists`).toBeTruthy();
  expect(member!.name).toBe(name);
  state.authors.push({ id: member!.id, slug: member!.slug, name, email, bio: bio.trim() });

  // Their own profile page shows name, bio and the library's alt texts (the photo choices).
  await visit(context, { name: `profile of author ${n}`, path: "/dashboard/profile", expect: markersIn(name, bio, ...state.media.map((m) => m.alt)) }, found);
  await context.close();
}

/** One article's body: its share of the corpus in every node type the body schema has. */
function articleBody(i: number, hrefs: string[], imageSources: string[]): { sent: Article["body"]; stored: Article["body"] } {
  const slice = Array.from({ length: N }, (_, k) => k).filter((k) => k % ARTICLES === i);
  const content: unknown[] = [paragraph(text(`Stored XSS battery ${SEARCH_WORD}.`))];
  for (const [n, k] of slice.entries()) {
    const media = state.media[k % MEDIA]!;
    const href = hrefs[k % hrefs.length]!;
    content.push(
      { type: "heading", attrs: { level: n % 2 ? 3 : 2 }, content: [text(planted("heading", k))] },
      paragraph(
        text(planted("paragraph", k)),
        { type: "hardBreak" },
        text(planted("emphasis", k), [{ type: "bold" }, { type: "italic" }]),
        text(" "),
        // Only href is kept: the extra attributes must be dropped on save (checked below).
        text(planted("linkText", k), [
          { type: "link", attrs: { href, onclick: `alert(${markerFor("linkHref", k)})`, target: "_blank", style: `background:url(javascript:alert(${markerFor("linkHref", k)}))` } },
        ]),
      ),
      { type: "pullQuote", attrs: { attribution: fits(planted("attribution", k), 200) }, content: [text(planted("pullQuote", k))] },
      imageNode(media.url, planted("imageAlt", k), planted("imageCaption", k), fits(planted("imageCredit", k), 200), media.width, media.height, media.id),
    );
  }
  content.push(
    { type: "bulletList", content: slice.map((k) => listItem(planted("bulletItem", k))) },
    { type: "orderedList", attrs: { start: 3 }, content: slice.map((k) => listItem(planted("orderedItem", k))) },
    { type: "blockquote", content: slice.map((k) => paragraph(text(planted("blockquote", k)))) },
    { type: "horizontalRule" },
    ...imageSources.map((src, j) => imageNode(src, `An allowed image address ${j} ${SEARCH_WORD}`, "", "", 1200, 800, null)),
  );
  written.push(JSON.stringify(content));
  const sent = { type: "doc" as const, content };
  const stored = JSON.parse(JSON.stringify(sent), (key, value: unknown) =>
    key === "attrs" && value && typeof value === "object" && "href" in value ? { href: (value as { href: string }).href } : value,
  ) as Article["body"];
  return { sent, stored };
}

async function createArticles(api: APIRequestContext): Promise<void> {
  // Each address with a marker of its own (the lists take one marker for all their entries).
  const hrefs = hostileLinkTargets("").allowed.map((_, j) => hostileLinkTargets(markerFor("linkHref", j)).allowed[j]!);
  const imageSources = hostileImageSources("").allowed.map((_, j) => hostileImageSources(markerFor("imageSrc", j)).allowed[j]!);
  const stride = Math.floor(N / ARTICLES);
  for (let i = 0; i < ARTICLES; i++) {
    const start = i * stride;
    const last = i === ARTICLES - 1;
    // The last article leaves the hero caption and credit empty: readers get the library's.
    const fields = {
      headline: `${new Filler("headline", start, printable).take(200 - SEARCH_WORD.length - 1)} ${SEARCH_WORD}`,
      standfirst: new Filler("standfirst", start + 7).take(400),
      seoTitle: new Filler("seoTitle", start + 13).take(70),
      seoDescription: new Filler("seoDescription", start + 19).take(200),
      heroCaption: last ? "" : new Filler("heroCaption", start + 23).take(500),
      heroCredit: last ? "" : new Filler("heroCredit", start + 29).take(200),
      // No commas in tag names (the editor separates tags by commas): those payloads are refused below.
      tags: ((filler) => Array.from({ length: TAGS_PER_ARTICLE }, () => filler.take(60)))(new Filler("tag", start + 31, (p) => !p.includes(","))),
    };
    written.push(fields.headline);
    const { sent, stored } = articleBody(i, hrefs, imageSources);
    const created = await call<Article>(api, "POST", "/api/v1/articles", {
      ...fields,
      sectionId: state.sections[i % SECTIONS]!.id,
      authorIds: last ? state.authors.map((a) => a.id) : [state.authors[i % AUTHORS]!.id],
      heroImageId: state.media[i % MEDIA]!.id,
      body: sent,
    });
    state.articles.push(created);
    const { tags, ...single } = fields;
    expect(created).toMatchObject(single);
    // New tags, named exactly as written (not matched to an existing tag).
    expect(created.tags.map((t) => t.name)).toEqual(tags);
    expect(created.body, "the body is stored as sent, link attributes other than href dropped").toEqual(stored);
  }
}

/** Values the API must refuse on an article: slugs, unsafe link and image addresses, unknown markup. */
async function refuseOnArticle(api: APIRequestContext, refusals: string[]): Promise<void> {
  const a = state.articles[0]!;
  const before = await call<Article>(api, "GET", `/api/v1/articles/${a.id}`);
  const patch = (data: Record<string, unknown>) => ({ version: before.version, ...data });
  const cases: { data: Record<string, unknown>; field: string; what: string }[] = [];

  // Every payload as a slug.
  const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  for (let k = 0; k < N; k++) {
    const slug = planted("slug", k);
    if (!slugPattern.test(slug.trim())) cases.push({ data: patch({ slug }), field: "slug", what: `slug ${describeMarker(markerFor("slug", k))}` });
  }
  // Every payload with a comma as a tag name.
  for (let k = 0; k < N; k++) {
    const tag = planted("tag", k).trim();
    if (tag.includes(",") && tag.length <= 60) cases.push({ data: patch({ tags: [tag] }), field: "tags", what: `tag ${describeMarker(markerFor("tag", k))}` });
  }
  const link = (href: string) => ({ type: "doc", content: [paragraph(text("a link", [{ type: "link", attrs: { href } }]))] });
  hostileLinkTargets("").refused.forEach((_, j) => {
    const href = hostileLinkTargets(markerFor("refusedHref", j)).refused[j]!;
    cases.push({ data: patch({ body: link(href) }), field: "body", what: `link href ${JSON.stringify(href)}` });
  });
  hostileImageSources("").refused.forEach((_, j) => {
    const src = hostileImageSources(markerFor("refusedImageSrc", j)).refused[j]!;
    cases.push({ data: patch({ body: { type: "doc", content: [imageNode(src, "alt", "", "", 10, 10, null)] } }), field: "body", what: `image src ${JSON.stringify(src)}` });
  });
  // Markup the body schema does not have: unknown nodes and marks, extra attributes.
  const evil = (k: number) => planted("schema", k);
  const unknownMarkup: unknown[] = [
    { type: "html", attrs: { html: evil(0) } },
    { type: "iframe", attrs: { src: `javascript:alert(${markerFor("schema", 1)})` } },
    { type: "codeBlock", content: [text(evil(2))] },
    { type: "paragraph", attrs: { onclick: `alert(${markerFor("schema", 3)})` }, content: [text("x")] },
    paragraph({ type: "text", text: "x", html: evil(4) }),
    paragraph(text("x", [{ type: "link", attrs: { href: "https://example.com/" }, onclick: `alert(${markerFor("schema", 5)})` }])),
    paragraph(text("x", [{ type: "highlight", attrs: { color: `red;background:url(javascript:alert(${markerFor("schema", 6)}))` } }])),
    { type: "image", attrs: { src: state.media[0]!.url, alt: "x", caption: "", credit: "", width: 10, height: 10, mediaId: null, onerror: `alert(${markerFor("schema", 7)})` } },
    { type: "pullQuote", attrs: { attribution: "x", html: evil(8) }, content: [text("x")] },
    { type: "orderedList", attrs: { start: 1, type: `javascript:alert(${markerFor("schema", 9)})` }, content: [listItem("x")] },
    { type: "heading", attrs: { level: 1 }, content: [text(evil(10))] },
  ];
  for (const [j, node] of unknownMarkup.entries()) cases.push({ data: patch({ body: { type: "doc", content: [node] } }), field: "body", what: `body markup ${j} ${JSON.stringify(node).slice(0, 80)}` });
  for (const c of cases) written.push(JSON.stringify(c.data));

  await inBatches(cases, 8, async (c) => {
    const problem = await refusal(api, "PATCH", `/api/v1/articles/${a.id}`, c.data, c.field, c.what);
    if (problem) refusals.push(problem);
  });
  const after = await call<Article>(api, "GET", `/api/v1/articles/${a.id}`);
  expect.soft({ version: after.version, slug: after.slug, body: after.body }, "refused article saves changed nothing").toEqual({ version: before.version, slug: before.slug, body: before.body });
}

async function describeTags(api: APIRequestContext, refusals: string[]): Promise<void> {
  for (const [i, a] of state.articles.entries()) {
    const tag = a.tags[0]!;
    const description = new Filler("tagDescription", 53 + i * 40).take(500);
    const updated = await call<Tag>(api, "PATCH", `/api/v1/tags/${tag.id}`, { description });
    expect(updated).toMatchObject({ id: tag.id, name: tag.name, slug: tag.slug, description });
    state.visitedTags.push(updated);
  }
  const tag = state.visitedTags[0]!;
  const indices = Array.from({ length: N }, (_, k) => k).filter((k) => k % 5 === 2);
  written.push(...indices.map((k) => planted("tagSlug", k)));
  await inBatches(indices, 8, async (k) => {
    const problem = await refusal(api, "PATCH", `/api/v1/tags/${tag.id}`, { slug: planted("tagSlug", k) }, "slug", `tag slug ${describeMarker(markerFor("tagSlug", k))}`);
    if (problem) refusals.push(problem);
  });
  expect.soft((await call<Tag>(api, "GET", `/api/v1/tags/${tag.id}`)).slug, "refused tag slugs changed nothing").toBe(tag.slug);
}

async function publishAndCorrect(api: APIRequestContext): Promise<void> {
  for (const [i, a] of state.articles.entries()) {
    const published = await call<Article>(api, "POST", `/api/v1/articles/${a.id}/publish`, { version: a.version });
    expect(published.status).toBe("PUBLISHED");
    await call(api, "POST", `/api/v1/articles/${a.id}/corrections`, { text: new Filler("correction", 59 + i * 40).take(1000) });
    state.articles[i] = await call<Article>(api, "GET", `/api/v1/articles/${a.id}`);
  }
}

/** Our articles lead the front page (restored afterwards), so that they are on it whatever else is published. */
async function curateFrontPage(api: APIRequestContext): Promise<void> {
  const before = await call<{ lists: { FRONT_PAGE: { id: string }[] } }>(api, "GET", "/api/v1/curation");
  state.frontPageBefore = before.lists.FRONT_PAGE.map((item) => item.id);
  const ours = state.articles.map((a) => a.id);
  await call(api, "PUT", "/api/v1/curation/front_page", { articleIds: [...ours, ...state.frontPageBefore.filter((id) => !ours.includes(id))].slice(0, 12) });
}

async function bannerState(api: APIRequestContext): Promise<Banner | null> {
  const current = await call<{ breakingNews: Banner | null }>(api, "GET", "/api/v1/curation");
  return current.breakingNews ? { text: current.breakingNews.text, url: current.breakingNews.url } : null;
}

/** The breaking-news banner has no API: set it through the dashboard form, unsafe links refused. */
async function setBanner(admin: Page, api: APIRequestContext, refusals: string[]): Promise<void> {
  state.bannerBefore = await bannerState(api);
  state.bannerTouched = true;
  const bannerText = new Filler("bannerText", 67, printable).take(200);
  const refused = [
    `javascript:alert(${markerFor("refusedBannerUrl", 0)})`,
    `data:text/html,<script>alert(${markerFor("refusedBannerUrl", 1)})</script>`,
    `//evil.example/${markerFor("refusedBannerUrl", 2)}`,
  ];
  const allowed = `https://example.com/?q="><svg/onload=alert(${markerFor("bannerUrl", 0)})>`;
  written.push(bannerText, ...refused, allowed);
  for (const url of refused) {
    await admin.goto("/dashboard/curation");
    await admin.getByLabel("Banner text").fill(bannerText);
    await admin.getByLabel("Link (optional)").fill(url);
    await admin.getByRole("button", { name: "Set banner" }).click();
    await expect(admin.locator("#breaking-url-error")).toBeVisible({ timeout: 15_000 });
    const after = await bannerState(api);
    if (JSON.stringify(after) !== JSON.stringify(state.bannerBefore)) refusals.push(explain(`banner link ${JSON.stringify(url)} was saved: ${JSON.stringify(after)}`));
  }
  await admin.goto("/dashboard/curation");
  await admin.getByLabel("Banner text").fill(bannerText);
  await admin.getByLabel("Link (optional)").fill(allowed);
  await admin.getByRole("button", { name: "Set banner" }).click();
  await expect(admin.getByText("Banner set — it shows above every page.")).toBeVisible({ timeout: 15_000 });
  state.banner = { text: bannerText, url: allowed };
  expect(await bannerState(api)).toEqual(state.banner);
}

/**
 * A draft of plain text, submitted and sent back from review with a note of payloads, and shared
 * by a preview link whose label (whom it is for) is payloads; a preview link to the first article.
 */
async function returnAndShare(api: APIRequestContext): Promise<void> {
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "A plain draft." }] }] };
  const draft = await call<Article>(api, "POST", "/api/v1/articles", { headline: `Returned draft ${RUN}`, sectionId: state.sections[0]!.id, body });
  state.returned = { id: draft.id, note: "", labels: [] };
  const inReview = await call<Article>(api, "POST", `/api/v1/articles/${draft.id}/submit`, { version: draft.version });
  const note = new Filler("returnNote", 71).take(2000);
  const back = await call<Article & { returned: { note: string } | null }>(api, "POST", `/api/v1/articles/${draft.id}/return`, { version: inReview.version, note });
  expect(back.returned?.note).toBe(note);
  state.returned.note = note;
  // Three links: a label holds a payload or two (80 characters).
  const labels = new Filler("previewLabel", 83);
  for (let i = 0; i < 3; i++) {
    const label = labels.take(80);
    expect((await call<{ label: string }>(api, "POST", `/api/v1/articles/${draft.id}/preview-links`, { label })).label).toBe(label);
    state.returned.labels.push(label);
  }
  state.previewLink = (await call<{ path: string }>(api, "POST", `/api/v1/articles/${state.articles[0]!.id}/preview-links`, {})).path;
}

async function createTokens(api: APIRequestContext): Promise<void> {
  for (let t = 0; t < 2; t++) {
    const name = new Filler("tokenName", 79 + t * 30, (p) => printable(p) && p.length <= 49).take(100);
    const token = await call<{ id: string; name: string }>(api, "POST", "/api/v1/tokens", { name, scope: "READ" });
    expect(token.name).toBe(name);
    state.tokens.push({ id: token.id, name });
  }
}

// ---------------------------------------------------------------------------------------------
// Machine outputs

const RSS_ELEMENTS = ["rss", "channel", "title", "link", "description", "language", "lastBuildDate", "item", "guid", "pubDate", "encoded", "creator", "category", "enclosure", "content", "credit"];
const ATOM_ELEMENTS = ["feed", "id", "title", "subtitle", "updated", "link", "author", "name", "uri", "entry", "published", "category", "summary", "content"];
const SITEMAP_ELEMENTS = ["sitemapindex", "sitemap", "loc", "lastmod", "urlset", "url", "image", "caption", "title", "news", "publication", "name", "language", "publication_date"];

type XmlRecord = Record<string, string[]>;

/** Child elements of every `record` element, by path ("author/name", "link@href"), as parsed by Chromium. */
function xmlRecords({ source, record }: { source: string; record: string }): XmlRecord[] {
  const doc = new DOMParser().parseFromString(source, "application/xml");
  return Array.from(doc.getElementsByTagName(record)).map((el) => {
    const out: XmlRecord = {};
    const add = (key: string, value: string) => (out[key] ??= []).push(value);
    const walk = (node: Element, prefix: string) => {
      for (const child of Array.from(node.children)) {
        const key = `${prefix}${child.nodeName}`;
        for (const attribute of Array.from(child.attributes)) add(`${key}@${attribute.name}`, attribute.value);
        if (child.children.length) walk(child, `${key}/`);
        else add(key, child.textContent ?? "");
      }
    };
    walk(el, "");
    return out;
  });
}

interface FeedScope { name: string; base: string; articles: Article[]; extra: string[] }

async function checkFeeds(request: APIRequestContext, scratch: Page, scope: FeedScope, found: string[]): Promise<void> {
  const expected = [
    ...markersIn(...scope.articles.flatMap((a) => [a.headline, a.section.name, ...a.tags.map((t) => t.name), ...a.authors.map((x) => x.name)])),
    ...scope.extra,
    ...scope.articles.flatMap(bodyMarkers),
  ];
  const formats = [
    { ext: "xml", type: "application/rss+xml", elements: RSS_ELEMENTS, htmlIn: ["content:encoded"], record: "item", title: "title", link: "link", author: "dc:creator" },
    { ext: "atom", type: "application/atom+xml", elements: ATOM_ELEMENTS, htmlIn: ["content"], record: "entry", title: "title", link: "link@href", author: "author/name" },
  ];
  for (const format of formats) {
    const path = `${scope.base}/feed.${format.ext}`;
    const response = await request.get(path);
    expect.soft(response.status(), `${path} answers 200`).toBe(200);
    if (response.status() !== 200) continue;
    expect.soft(response.headers()["content-type"], `${path} is served as a feed, not as HTML`).toContain(format.type);
    const body = await response.text();
    const result = await inspect(scratch, { source: { text: body, type: "application/xml" }, xmlElements: format.elements, htmlIn: format.htmlIn });
    found.push(...result.findings.map((f) => explain(`${path}: ${f}`)));
    expect.soft(expected.filter((m) => !result.seen.includes(m)).map(describeMarker), `${path}: values carried as text`).toEqual([]);
    const records = await scratch.evaluate(xmlRecords, { source: body, record: format.record }).catch(() => [] as XmlRecord[]);
    for (const a of scope.articles) {
      const entry = records.find((r) => (r[format.link] ?? []).some((url) => url.endsWith(a.path)));
      expect.soft(entry?.[format.title], `${path}: the title of ${a.slug}, exactly`).toEqual([a.headline]);
      expect.soft(entry?.[format.author], `${path}: the authors of ${a.slug}, exactly`).toEqual(a.authors.map((x) => x.name));
    }
  }

  const path = `${scope.base}/feed.json`;
  const response = await request.get(path);
  expect.soft(response.status(), `${path} answers 200`).toBe(200);
  if (response.status() !== 200) return;
  expect.soft(response.headers()["content-type"], `${path} is JSON Feed`).toContain("application/feed+json");
  const raw = await response.text();
  // "<", ">" and "&" are \u-escaped: the JSON is safe even if someone inlines it in a page.
  expect.soft(/[<>]/.test(raw), `${path}: no raw < or > in the JSON text`).toBe(false);
  type Item = { url: string; title: string; content_html?: string; summary?: string; authors?: { name: string }[]; tags?: string[] };
  const feed = JSON.parse(raw) as { title: string; description?: string; items: Item[] };
  const seen = new Set<string>(markersIn(feed.title, feed.description ?? ""));
  for (const item of feed.items) {
    if (!item.content_html) continue;
    expect.soft(/<script/i.test(item.content_html), `${path}: content_html of ${item.url} has no <script`).toBe(false);
    const result = await inspect(scratch, { source: { text: item.content_html, type: "text/html" } });
    found.push(...result.findings.map((f) => explain(`${path}, content_html of ${item.url}: ${f}`)));
    result.seen.forEach((m) => seen.add(m));
    markersIn(item.title, item.summary ?? "", ...(item.tags ?? []), ...(item.authors ?? []).map((x) => x.name)).forEach((m) => seen.add(m));
  }
  expect.soft(expected.filter((m) => !seen.has(m)).map(describeMarker), `${path}: values carried`).toEqual([]);
  for (const a of scope.articles) {
    const item = feed.items.find((i) => i.url.endsWith(a.path));
    expect.soft(item?.title, `${path}: the title of ${a.slug}`).toBe(a.headline);
    expect.soft(item?.authors?.map((x) => x.name), `${path}: the authors of ${a.slug}`).toEqual(a.authors.map((x) => x.name));
  }
}

async function checkSitemaps(request: APIRequestContext, scratch: Page, found: string[]): Promise<void> {
  const index = await request.get("/sitemap.xml");
  expect(index.status()).toBe(200);
  const indexBody = await index.text();
  const months = new Set(state.articles.map((a) => a.publishedAt!.slice(0, 7)));
  const locs = (await scratch.evaluate(xmlRecords, { source: indexBody, record: "sitemap" })).flatMap((r) => r.loc ?? []).map((loc) => new URL(loc).pathname);
  const wanted = locs.filter((p) => /\/sitemaps\/(sections|tags|authors)\.xml$/.test(p) || [...months].some((m) => p.startsWith(`/sitemaps/articles-${m}`)));
  expect.soft(wanted.length, "the sitemap index lists this month's articles and the section, tag and author sitemaps").toBeGreaterThanOrEqual(4);
  const paths = ["/sitemap.xml", ...wanted, "/sitemaps/news.xml"];
  const seen = new Set<string>();
  const newsTitles = new Map<string, string[]>();
  for (const path of paths) {
    const response = path === "/sitemap.xml" ? index : await request.get(path);
    expect.soft(response.status(), `${path} answers 200`).toBe(200);
    if (response.status() !== 200) continue;
    expect.soft(response.headers()["content-type"], `${path} is XML`).toMatch(/xml/);
    const body = path === "/sitemap.xml" ? indexBody : await response.text();
    const result = await inspect(scratch, { source: { text: body, type: "application/xml" }, xmlElements: SITEMAP_ELEMENTS });
    found.push(...result.findings.map((f) => explain(`${path}: ${f}`)));
    result.seen.forEach((m) => seen.add(m));
    if (path.endsWith("/news.xml")) {
      for (const r of await scratch.evaluate(xmlRecords, { source: body, record: "url" })) newsTitles.set(new URL(r.loc?.[0] ?? "http://x/").pathname, r["news:news/news:title"] ?? []);
    }
  }
  for (const a of state.articles) {
    expect.soft(newsTitles.get(a.path), `news sitemap: the title of ${a.slug}, exactly`).toEqual([a.headline]);
    const hero = heroMedia(a);
    const caption = a.heroCaption || hero?.caption || hero?.alt || "";
    expect.soft(markersIn(caption).filter((m) => !seen.has(m)).map(describeMarker), `article sitemap: the image caption of ${a.slug}`).toEqual([]);
  }
}

async function checkOgImages(request: APIRequestContext): Promise<void> {
  expect.soft(state.ogImages.size, "og:image of every article and section page").toBeGreaterThanOrEqual(ARTICLES + SECTIONS);
  for (const url of state.ogImages) {
    const { pathname, search } = new URL(url, state.baseURL);
    const response = await request.get(pathname + search);
    expect.soft(response.status(), `${pathname} answers 200`).toBe(200);
    expect.soft(response.headers()["content-type"], `${pathname} is an image`).toMatch(/^image\//);
    const bytes = await response.body();
    expect.soft(bytes.subarray(0, 4).toString("latin1"), `${pathname} is a PNG`).toBe("\x89PNG");
  }
}

/** The public JSON API carries the values too: as JSON, never as something a browser renders. */
async function checkPublicApi(request: APIRequestContext): Promise<void> {
  const paths = [
    ...state.articles.map((a) => `/api/v1/articles/${a.id}`),
    ...state.sections.map((s) => `/api/v1/sections/${s.id}`),
    ...state.visitedTags.map((t) => `/api/v1/tags/${t.id}`),
    ...state.authors.map((a) => `/api/v1/authors/${a.slug}`),
    `/api/v1/articles?q=${SEARCH_WORD}`,
  ];
  for (const path of paths) {
    const response = await request.get(path);
    expect.soft(response.status(), `${path} answers 200`).toBe(200);
    expect.soft(response.headers()["content-type"], `${path} is JSON`).toMatch(/^application\/json/);
  }
}

// ---------------------------------------------------------------------------------------------

test.describe.configure({ mode: "serial" });

test.describe("stored XSS", () => {
  test("payloads in every field staff can write stay text on every page and in every output", async ({ browser, playwright, baseURL, request }, testInfo) => {
    test.setTimeout(300_000);
    state.baseURL = baseURL!;

    // The corpus itself: big enough, no duplicates, every payload carries its marker slot.
    expect(xssPayloads.length).toBeGreaterThanOrEqual(150);
    expect(new Set(xssPayloads).size).toBe(xssPayloads.length);
    expect(xssPayloads.filter((p) => !p.includes("{M}"))).toEqual([]);

    const found: string[] = [];
    const refusals: string[] = [];
    const editor = await apiSession(playwright, state.baseURL, "editor");
    const adminApi = await apiSession(playwright, state.baseURL, "admin");
    const staff = await newContext(browser);
    const adminPage = await staff.newPage();
    guard(adminPage, "the dashboard (setting up)", found);
    await signIn(adminPage, "admin");

    await test.step("staff write the payloads into every field", async () => {
      await uploadMedia(editor, refusals);
      await createSections(editor, refusals);
      for (let n = 0; n < AUTHORS; n++) await createAuthor(browser, adminPage, adminApi, n, found);
      await createArticles(editor);
      await refuseOnArticle(editor, refusals);
      await describeTags(editor, refusals);
      await publishAndCorrect(editor);
      await curateFrontPage(editor);
      await setBanner(adminPage, editor, refusals);
      await createTokens(adminApi);
      await returnAndShare(editor);
      expect.soft(refusals, "refused values: a 4xx with a message, nothing saved").toEqual([]);

      // Every payload went into some field, and every field got many.
      const byField = new Map<string, Set<number>>();
      for (const m of markersIn(...written)) {
        const field = FIELD_NAMES.get(fieldOf(m))!;
        (byField.get(field) ?? byField.set(field, new Set()).get(field)!).add(Number(m.slice(RUN.length + 2)));
      }
      const used = new Set([...byField.values()].flatMap((s) => [...s]));
      expect(xssPayloads.map((_, k) => k).filter((k) => !used.has(k)), "payloads used nowhere").toEqual([]);
      const coverage = Object.fromEntries([...byField].map(([field, set]) => [field, set.size]));
      await testInfo.attach("payloads-per-field.json", { body: JSON.stringify(coverage, null, 2), contentType: "application/json" });
      const thin = Object.entries(coverage).filter(([field, count]) => !OWN_VALUES.has(field as Field) && count < 3);
      expect(thin, "fields with fewer than 3 payloads").toEqual([]);
    });

    const reader = await newContext(browser);
    const banner = markersIn(state.banner?.text ?? "");

    await test.step("reader pages: article, front page, section, tag, author, search", async () => {
      const byAuthor = (author: Author) => state.articles.filter((a) => a.authors.some((x) => x.id === author.id));
      const bySection = (section: Section) => state.articles.filter((a) => a.section.id === section.id);
      const searchQuery = new Filler("searchQuery", 97).take(200);
      const checks: PageCheck[] = [
        ...state.articles.map((a) => ({
          name: `article ${a.slug}`,
          path: a.path,
          expect: articleMarkers(a, { seo: true }),
          more: (_page: Page, live: InspectResult) => {
            checkArticleHead(a, live);
            checkAllowedHrefs(a, live);
          },
        })),
        {
          name: "front page",
          path: "/",
          expect: [...markersIn(...state.articles.flatMap((a) => [a.headline, a.standfirst, a.section.name, ...a.authors.map((x) => x.name)])), ...banner],
          more: (_page, live) => expect.soft(live.hrefs, "the banner links to its address, as an inert attribute").toContain(state.banner!.url),
        },
        ...state.sections.map((s) => ({
          name: `section ${s.slug}`,
          path: `/${s.slug}`,
          expect: [...markersIn(s.name, s.description, ...bySection(s).map((a) => a.headline)), ...banner],
          more: (_page: Page, live: InspectResult) => {
            checkListingHead(`section ${s.slug}`, s.name, s.description, live);
            for (const [key, value] of live.meta) if (key === "og:image") state.ogImages.add(value);
          },
        })),
        ...state.visitedTags.map((t) => ({
          name: `tag ${t.slug}`,
          path: `/tag/${t.slug}`,
          expect: [...markersIn(t.name, t.description ?? "", ...state.articles.filter((a) => a.tags.some((x) => x.id === t.id)).map((a) => a.headline)), ...banner],
          more: (_page: Page, live: InspectResult) => checkListingHead(`tag ${t.slug}`, t.name, t.description ?? "", live),
        })),
        ...state.authors.map((x) => ({
          name: `author ${x.slug}`,
          path: `/author/${x.slug}`,
          expect: [...markersIn(x.name, x.bio, ...byAuthor(x).map((a) => a.headline)), ...banner],
          more: (_page: Page, live: InspectResult) => checkListingHead(`author ${x.slug}`, x.name, x.bio, live),
        })),
        { name: "search results", path: `/search?q=${SEARCH_WORD}`, expect: [...markersIn(...state.articles.map((a) => a.headline)), ...banner] },
        { name: "search for payloads (reflected)", path: `/search?${new URLSearchParams({ q: searchQuery })}`, expect: markersIn(searchQuery) },
      ];
      await visitAll(reader, checks, found);
    });

    await test.step("machine outputs: feeds, sitemaps, JSON-LD (above), Open Graph images, public API", async () => {
      const scratch = await reader.newPage();
      guard(scratch, "feed and sitemap parsing", found);
      const scopes: FeedScope[] = [
        { name: "site", base: "", articles: state.articles, extra: [] },
        ...state.sections.map((s) => ({ name: `section ${s.slug}`, base: `/${s.slug}`, articles: state.articles.filter((a) => a.section.id === s.id), extra: markersIn(s.name, s.description) })),
        ...state.visitedTags.map((t) => ({
          name: `tag ${t.slug}`,
          base: `/tag/${t.slug}`,
          articles: state.articles.filter((a) => a.tags.some((x) => x.id === t.id)),
          extra: markersIn(t.name, t.description ?? ""),
        })),
        ...state.authors.map((x) => ({
          name: `author ${x.slug}`,
          base: `/author/${x.slug}`,
          articles: state.articles.filter((a) => a.authors.some((y) => y.id === x.id)),
          extra: markersIn(x.name, x.bio),
        })),
      ];
      for (const scope of scopes) await checkFeeds(request, scratch, scope, found);
      await checkSitemaps(request, scratch, found);
      await checkOgImages(request);
      await checkPublicApi(request);
      await scratch.close();
    });

    await test.step("staff pages: article list, editor, preview, returned draft, preview link, taxonomy, media, staff, tokens, curation, audit log", async () => {
      const dashboardQuery = new Filler("dashboardQuery", 151).take(200);
      const everyHeadline = markersIn(...state.articles.map((a) => a.headline));
      const checks: PageCheck[] = [
        {
          name: "dashboard article list",
          path: `/dashboard?q=${SEARCH_WORD}`,
          expect: markersIn(...state.articles.flatMap((a) => [a.headline, a.section.name, ...a.authors.map((x) => x.name)])),
        },
        { name: "dashboard list filtered by payloads (reflected)", path: `/dashboard?${new URLSearchParams({ q: dashboardQuery })}`, expect: markersIn(dashboardQuery) },
        ...state.articles.map((a) => ({
          name: `editor of ${a.slug}`,
          path: `/dashboard/articles/${a.id}`,
          expect: editorMarkers(a),
          ready: async (page: Page) => {
            await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible({ timeout: 20_000 });
            await expect(page.locator(".ProseMirror h2").first()).toBeVisible({ timeout: 20_000 });
          },
        })),
        ...state.articles.map((a) => ({ name: `preview of ${a.slug}`, path: `/preview/${a.id}`, expect: [...articleMarkers(a, { seo: false })] })),
        {
          name: "preview frame",
          path: `/dashboard/articles/${state.articles[0]!.id}/preview`,
          expect: [],
          boundedIdle: true,
          more: async (page: Page) => {
            // The frame shows the same preview: watched for dialogs (page.on covers frames) and inspected.
            // It is made once the page has hydrated.
            const frame = await (await page.locator('iframe[src^="/preview/"]').elementHandle({ timeout: 20_000 }).catch(() => null))?.contentFrame();
            expect.soft(frame, "the preview frame loaded").toBeTruthy();
            if (frame) {
              await frame.waitForLoadState("load", { timeout: 20_000 });
              // At most 10 s for network idle (a frame that never goes idle must not take the test's
              // whole budget), then until nothing streamed is left hidden, as in visit().
              await frame.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
              await frame.waitForFunction(() => document.querySelectorAll('div[hidden][id^="S:"]').length === 0, undefined, { timeout: 15_000 });
              const result = await frame.evaluate(inspectMarkup, { marker: MARKER });
              found.push(...result.findings.map((f) => explain(`preview frame: ${f}`)));
              const missing = markersIn(state.articles[0]!.headline).filter((m) => !result.seen.includes(m));
              expect.soft(missing.map(describeMarker), "preview frame: the headline shows as text").toEqual([]);
            }
          },
        },
        {
          name: "editor of the returned draft",
          path: `/dashboard/articles/${state.returned!.id}`,
          expect: markersIn(state.returned!.note, ...state.returned!.labels),
          ready: async (page: Page) => {
            await expect(page.getByRole("region", { name: "Returned from review" })).toBeVisible({ timeout: 20_000 });
            await expect(page.getByRole("list", { name: "Preview links that work" }).getByRole("listitem")).toHaveCount(3);
            // Its history shows the note again, read from the audit log through the API.
            await page.getByText("History", { exact: true }).click();
            const history = page.getByRole("list", { name: "History, newest first" }).getByRole("listitem");
            await expect(history.filter({ hasText: "Returned to its writer" })).toHaveCount(1, { timeout: 20_000 });
            await expect(history.filter({ hasText: "Preview link made" })).toHaveCount(3);
          },
        },
        { name: "preview link", path: state.previewLink!, expect: [...articleMarkers(state.articles[0]!, { seo: false })] },
        {
          name: "sections & tags",
          path: "/dashboard/taxonomy",
          expect: markersIn(
            ...state.sections.flatMap((s) => [s.name, s.description]),
            ...state.articles.flatMap((a) => a.tags.map((t) => t.name)),
            ...state.visitedTags.map((t) => t.description ?? ""),
          ),
        },
        { name: "media library", path: "/dashboard/media", expect: markersIn(...state.media.flatMap((m) => [m.alt, m.caption, m.credit])) },
        { name: "staff", path: "/dashboard/users", expect: markersIn(...state.authors.map((x) => x.name)) },
        { name: "API tokens", path: "/dashboard/tokens", expect: markersIn(...state.tokens.map((t) => t.name)) },
        { name: "curation", path: "/dashboard/curation", expect: [...everyHeadline, ...markersIn(state.banner?.text ?? "", state.banner?.url ?? "")] },
        {
          name: "audit log",
          path: "/dashboard/audit",
          expect: [],
          more: (_page, live) => expect.soft(live.seen.length, "the audit log shows this run's values").toBeGreaterThan(0),
        },
      ];
      await visitAll(staff, checks, found);
    });

    await Promise.all([editor.dispose(), adminApi.dispose(), staff.close(), reader.close()]);
    expect(found, "dialogs, errors and payload markup on pages and in outputs").toEqual([]);
  });

  // Undo everything, also after a failure, so that specs that count front-page items are not disturbed.
  test.afterAll(async ({ browser, playwright }) => {
    test.setTimeout(120_000);
    if (!state.baseURL) return;
    const problems: string[] = [];
    const attempt = async (what: string, run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        problems.push(`${what}: ${(error as Error).message.split("\n")[0]}`);
      }
    };
    const editor = await apiSession(playwright, state.baseURL, "editor");
    const admin = await apiSession(playwright, state.baseURL, "admin");
    const ok = async (api: APIRequestContext, method: string, path: string, data?: unknown) => {
      const response = await apiJson(api, method, path, state.baseURL, data);
      if (response.status >= 300 && response.status !== 404) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    };

    const context = await newContext(browser);
    const page = await context.newPage();
    // Disabling an account asks for confirmation: that one dialog is expected here.
    page.on("dialog", (dialog) => void (dialog.message().startsWith("Disable ") ? dialog.accept() : dialog.dismiss()));
    await attempt("sign in", () => signIn(page, "admin"));
    if (state.bannerTouched) {
      const before = state.bannerBefore;
      await attempt("put the banner back", async () => {
        await page.goto("/dashboard/curation");
        if (before) {
          await page.getByLabel("Banner text").fill(before.text);
          await page.getByLabel("Link (optional)").fill(before.url ?? "");
          await page.getByRole("button", { name: "Set banner" }).click();
          await expect(page.getByText("Banner set — it shows above every page.")).toBeVisible({ timeout: 15_000 });
        } else {
          await page.getByRole("button", { name: "Clear banner" }).click();
          await expect(page.getByText("Banner cleared.")).toBeVisible({ timeout: 15_000 });
        }
      });
    }
    if (state.frontPageBefore) {
      const before = state.frontPageBefore;
      await attempt("restore the front page", async () => {
        const response = await apiJson(editor, "PUT", "/api/v1/curation/front_page", state.baseURL, { articleIds: before });
        if (response.status === 422) {
          // A story that stopped being public meanwhile cannot be curated: put back the others.
          const gone = new Set(Object.keys(response.body?.error?.fields ?? {}).map((f) => Number(f.split(".")[1])));
          await ok(editor, "PUT", "/api/v1/curation/front_page", { articleIds: before.filter((_, i) => !gone.has(i)) });
        } else if (response.status >= 300) {
          throw new Error(`PUT front_page: ${response.status} ${JSON.stringify(response.body)}`);
        }
      });
    }
    for (const a of [...state.articles, ...(state.returned ? [state.returned] : [])]) {
      await attempt(`delete article ${a.id}`, async () => {
        const current = await apiJson<Article>(editor, "GET", `/api/v1/articles/${a.id}`, state.baseURL);
        if (current.status === 404) return;
        await ok(editor, "DELETE", `/api/v1/articles/${a.id}?version=${current.body!.data!.version}`);
      });
    }
    for (const tag of state.articles.flatMap((a) => a.tags)) await attempt(`delete tag ${tag.slug}`, () => ok(editor, "DELETE", `/api/v1/tags/${tag.id}`));
    for (const id of [...state.sections.map((s) => s.id), ...state.extraSections]) await attempt(`delete section ${id}`, () => ok(editor, "DELETE", `/api/v1/sections/${id}`));
    for (const id of [...state.media.map((m) => m.id), ...state.extraMedia]) await attempt(`delete media ${id}`, () => ok(editor, "DELETE", `/api/v1/media/${id}`));
    for (const t of state.tokens) await attempt(`revoke token ${t.id}`, () => ok(admin, "DELETE", `/api/v1/tokens/${t.id}`));
    for (const email of state.invited) {
      await attempt(`disable author ${email}`, async () => {
        await page.goto("/dashboard/users");
        // The staff row (not a pending invitation's): the one with the account buttons.
        const row = page.getByRole("row").filter({ hasText: email }).filter({ has: page.getByRole("button", { name: /^(Disable|Enable)\b/ }) });
        const disable = row.getByRole("button", { name: /^Disable\b/ });
        if ((await disable.count()) === 0) return; // never accepted (no account), or disabled already
        await disable.click();
        await expect(row).toContainText("Disabled", { timeout: 15_000 });
      });
    }
    await Promise.all([editor.dispose(), admin.dispose(), context.close()]);
    expect(problems, "cleanup").toEqual([]);
  });
});
