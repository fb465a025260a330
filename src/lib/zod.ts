import { z } from "zod";

/**
 * zod, as every schema of ours imports it. In the browser it compiles no code from strings: it
 * would otherwise probe `new Function` to speed up its parsers, which the dashboard's
 * Content-Security-Policy (no 'unsafe-eval') refuses and reports as a violation.
 */
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };

/** PostgreSQL stores no NUL character in text: what a field holding one is told (forms, API, filters). */
export const NUL_REFUSED = "Contains a NUL character, which cannot be stored.";

/** How far ahead a time may be set (a schedule, a banner's expiry): further is a typo. */
export const MAX_YEARS_AHEAD = 10;

/**
 * A moment as ISO 8601 with an offset or Z, at most MAX_YEARS_AHEAD years from now. Unbounded,
 * "9999-12-31T23:59:59-14:00" (year 10000 in UTC) was accepted and stored as no time at all: a
 * story scheduled for never.
 */
export const instantSchema = z.iso
  .datetime({ offset: true, message: "Give a date and time with a time zone." })
  .refine((value) => Date.parse(value) <= Date.now() + MAX_YEARS_AHEAD * 366 * 24 * 3_600_000, `Choose a time within the next ${MAX_YEARS_AHEAD} years.`);

/**
 * Control characters other than tab, line feed and carriage return (NUL aside: it is refused,
 * NUL_REFUSED), and DEL. Invisible, not allowed in HTML or XML 1.0, and pasted from word
 * processors (U+000B is Word's line break): they became raw bytes in headlines, pages and JSON-LD.
 */
const CONTROL_CHARACTERS = /[ \t]*[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]+[ \t]*/g;

/**
 * The bidirectional embeddings and overrides (U+202A-U+202E). An override shows letters in the
 * order it forces, so "\u202Eevil" reads "live" in a headline, a byline or a preview link's name:
 * a way to make text say what it does not. Unicode's own advice is to use the isolates instead
 * (U+2066-U+2069), which cannot reorder a word's letters; they, and the marks U+200E/U+200F that
 * mixed Arabic, Hebrew and Latin text needs, are kept.
 */
const BIDI_OVERRIDES = /[\u202A-\u202E]/g;

/**
 * Text a person wrote: control characters (and the spaces around them) become one space, and
 * bidirectional overrides are dropped; checks such as trim() come after.
 */
export const writtenText = () => z.string().overwrite((text) => text.replace(CONTROL_CHARACTERS, " ").replace(BIDI_OVERRIDES, ""));

/**
 * URL filters read as far as they are valid: the keys whose values fail are left out (named in
 * `ignored`, with why in `messages`), the rest kept, rather than one bad value dropping every filter.
 */
export function parseValidFilters<T extends z.ZodObject>(
  schema: T,
  raw: Record<string, string>,
): { data: z.infer<T>; ignored: string[]; messages?: Record<string, string> } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data, ignored: [] };
  /** Why each key was left out (its first issue), to say so next to its field. */
  const messages: Record<string, string> = {};
  for (const issue of parsed.error.issues) messages[String(issue.path[0])] ??= issue.message;
  const ignored = Object.keys(messages);
  const kept = schema.safeParse(Object.fromEntries(Object.entries(raw).filter(([key]) => !ignored.includes(key))));
  return { data: kept.success ? kept.data : schema.parse({}), ignored, messages };
}
