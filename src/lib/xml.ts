/** XML text helpers shared by the feeds and the sitemaps. */

// Everything outside XML 1.0's Char production: C0 controls other than tab, LF and CR, U+FFFE,
// U+FFFF and unpaired surrogates (with the u flag a lone surrogate is one code point here).
// These cannot appear in a document at all, not even as character references.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text with every character XML 1.0 forbids removed. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

// &apos; is XML's own entity (some XML parsers leave numeric references in attributes undecoded).
export const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text or attribute content: the five predefined entities, and characters XML cannot carry dropped. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** A CDATA section that stays one: "]]>" in the text is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${stripInvalidXmlChars(text).replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** W3C Datetime / RFC 3339 in UTC to the second ("2026-11-27T09:30:00Z"). */
export function w3cDatetime(value: string | Date): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${String(value)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
