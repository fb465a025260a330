import { instantSchema, NUL_REFUSED, writtenText, z } from "@/lib/zod";
import { articleBodySchema } from "@/lib/article-body";
import { reservedSlugs } from "@/lib/routes";

/**
 * One schema per entity, shared by the editor form, the server actions and the JSON API (and
 * the OpenAPI document generated from it).
 */

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugSchema = z
  .string()
  .trim()
  .min(1, "A slug is required.")
  .max(120, "At most 120 characters.")
  .regex(slugPattern, "Lower-case letters, digits and single hyphens only.")
  .refine((s) => !reservedSlugs.has(s), "This slug is reserved.");

/**
 * Letters a slug spells out in Latin: those that Unicode does not decompose into a Latin letter and
 * accents (Straße, Łódź, Ørsted, Æsop), and the Greek and Cyrillic alphabets (as news sites
 * commonly romanise them: "Зеленский" → "zelenskiy", "Αθήνα" → "athina"). Accents are taken off
 * first, so "ά" is looked up as "α"; "й" is kept whole, for its own spelling. Korean is spelled
 * in the Revised Romanization, letter by letter (Unicode decomposes each syllable into its
 * letters: "서울" → "seoul", without the sound changes between syllables); Arabic, Persian, Urdu
 * and Hebrew by their letters, as they are written, vowels unwritten ("مدينة" → "mdyna"; alef and
 * ayin as "a"). Different words can then share a spelling: nameSlug makes those names' slugs
 * unique. Chinese and Japanese
 * need a dictionary to spell: a headline in them gets the fallback, and editors type a slug.
 */
const LATIN_SPELLING: Record<string, string> = {
  ...Object.fromEntries(
    "ß:ss æ:ae œ:oe ø:o ł:l đ:d ð:d þ:th ı:i ħ:h ŧ:t ŋ:ng".split(" ").map((pair) => pair.split(":")),
  ),
  ...Object.fromEntries(
    "α:a β:v γ:g δ:d ε:e ζ:z η:i θ:th ι:i κ:k λ:l μ:m ν:n ξ:x ο:o π:p ρ:r σ:s ς:s τ:t υ:y φ:f χ:ch ψ:ps ω:o"
      .split(" ")
      .map((pair) => pair.split(":")),
  ),
  ...Object.fromEntries(
    ("а:a б:b в:v г:g д:d е:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh " +
      "щ:shch ъ: ы:y ь: э:e ю:yu я:ya є:ye і:i ї:yi ґ:g ў:u ђ:dj ј:j љ:lj њ:nj ћ:c џ:dz")
      .split(" ")
      .map((pair) => pair.split(":")),
  ),
  // Hangul: leading consonants (U+1100…), vowels (U+1161…) and final consonants (U+11A8…).
  ...jamo(0x1100, "g kk n d tt r m b pp s ss - j jj ch k t p h"),
  ...jamo(0x1161, "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i"),
  ...jamo(0x11a8, "k k k n n n t l k m l l l p l m p p t t ng t t k t p t"),
  ...Object.fromEntries(
    ("ا:a ب:b ت:t ث:th ج:j ح:h خ:kh د:d ذ:dh ر:r ز:z س:s ش:sh ص:s ض:d ط:t ظ:z ع:a غ:gh ف:f ق:q ك:k ل:l م:m ن:n " +
      "ه:h و:w ي:y ى:a ة:a ء: پ:p چ:ch ژ:zh گ:g ک:k ی:y ے:e ٹ:t ڈ:d ڑ:r ں:n ہ:h ھ:h ۃ:a")
      .split(" ")
      .map((pair) => pair.split(":")),
  ),
  ...Object.fromEntries(
    "א:a ב:b ג:g ד:d ה:h ו:v ז:z ח:ch ט:t י:y כ:k ך:kh ל:l מ:m ם:m נ:n ן:n ס:s ע:a פ:p ף:f צ:ts ץ:ts ק:k ר:r ש:sh ת:t"
      .split(" ")
      .map((pair) => pair.split(":")),
  ),
};
const SPELLED = new RegExp(`[${Object.keys(LATIN_SPELLING).join("")}]`, "g");

/** Consecutive code points from `first`, spelled as `spellings` says ("-": silent). */
function jamo(first: number, spellings: string): Record<string, string> {
  return Object.fromEntries(spellings.split(" ").map((latin, i) => [String.fromCodePoint(first + i), latin === "-" ? "" : latin]));
}

/**
 * Marks that are not letters of their own, taken off with the accents: Arabic vowel signs and
 * hamza marks (U+064B–U+065F, U+0670) and Hebrew points and accents (U+0591–U+05C7, except the
 * maqaf, a hyphen, and the other punctuation among them).
 */
const MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]/g;

/** Arabic-script and Hebrew letters: their spelling in a slug leaves out the vowels. */
export const CONSONANTAL_SCRIPT = /[\u0590-\u05ff\u0600-\u06ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** "Héllo, World!" → "hello-world" (for slugs suggested from headlines); `fallback` when nothing is left. */
export function slugify(text: string, maxLength = 80, fallback = "article"): string {
  const slug = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/и\u0306/g, "й")
    .replace(MARKS, "")
    .replace(SPELLED, (letter) => LATIN_SPELLING[letter]!)
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/, "") || fallback;
}

/** A new draft's headline until its writer writes one: it cannot be published under it. */
export const UNTITLED_HEADLINE = "Untitled draft";

export const seoHints = { titleIdeal: 60, titleMax: 70, descriptionIdeal: 155, descriptionMax: 200 } as const;

const id = z.string().trim().min(1).max(64);

/**
 * A tag's name. No commas: the newsroom types an article's tags as one comma-separated list, so a
 * name with a comma could not survive an edit there (it would come back as two tags).
 */
export const tagNameSchema = writtenText()
  .trim()
  .min(1, "A tag needs a name.")
  .max(60, "Tags have at most 60 characters.")
  .refine((name) => !name.includes(","), "A tag name cannot contain a comma: commas separate tags.");

export const articleFieldsSchema = z
  .object({
    headline: writtenText().trim().min(1, "A headline is required.").max(200, "At most 200 characters."),
    standfirst: writtenText().trim().max(400, "At most 400 characters."),
    slug: slugSchema,
    sectionId: id,
    /** Tag names, in order; unknown names create tags when the user may. */
    tags: z.array(tagNameSchema).max(12, "At most 12 tags."),
    /** Byline, in order. */
    authorIds: z.array(id).min(1, "An article needs at least one author.").max(8),
    heroImageId: id.nullable(),
    heroCaption: writtenText().trim().max(500),
    heroCredit: writtenText().trim().max(200),
    seoTitle: writtenText().trim().max(seoHints.titleMax, `At most ${seoHints.titleMax} characters.`),
    seoDescription: writtenText().trim().max(seoHints.descriptionMax, `At most ${seoHints.descriptionMax} characters.`),
    body: articleBodySchema,
  })
  .strict();

/** Creating: only a headline is needed; the rest has defaults (slug from the headline). */
export const articleCreateSchema = articleFieldsSchema.partial().required({ headline: true }).strict();

/** The version a change was based on (optimistic locking): every save and transition sends it. */
const version = z
  .number({ error: (issue) => (issue.input === undefined ? "The version this change is based on is required." : "Must be a number.") })
  .int("Must be a whole number.")
  .min(1, "Must be 1 or more.");

/** Updating: any fields, plus the version the change was based on. */
export const articleUpdateSchema = articleFieldsSchema.partial().extend({ version }).strict();

export const versionSchema = z.object({ version }).strict();
export const scheduleSchema = z
  .object({
    version,
    /** ISO 8601 with an offset or Z; stored in UTC. */
    publishAt: instantSchema,
  })
  .strict();
export const correctionSchema = z.object({ text: writtenText().trim().min(5, "Describe the correction.").max(1000) }).strict();
/** An editor sending an article in review back to its writers says what should change. */
export const returnSchema = z
  .object({ version, note: writtenText().trim().min(5, "Tell the writer what should change (at least 5 characters).").max(2000, "At most 2000 characters.") })
  .strict();

/** A preview link says whom it is for, so that it can be told from the others and stopped alone. */
export const previewLinkSchema = z.object({ label: writtenText().trim().max(80, "At most 80 characters.").default("") }).strict();
/** Stop one preview link (its id), or every link given out (no id). */
export const stopPreviewLinksSchema = z.object({ linkId: z.string().min(1).max(64).optional() }).strict();

export const articleStatusSchema = z.enum(["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"]);
/** A filter's text: PostgreSQL cannot compare a NUL, so one is refused here rather than failing there. */
const filterText = z.string().refine((s) => !s.includes("\u0000"), NUL_REFUSED);

export const articleListQuerySchema = z.object({
  status: articleStatusSchema.optional(),
  section: filterText.optional(),
  author: filterText.optional(),
  q: filterText.trim().max(200).optional(),
  sort: z.enum(["updated", "published", "headline"]).default("updated"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
});

export type ArticleFields = z.infer<typeof articleFieldsSchema>;
export type ArticleCreate = z.infer<typeof articleCreateSchema>;
export type ArticleUpdate = z.infer<typeof articleUpdateSchema>;
export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;
