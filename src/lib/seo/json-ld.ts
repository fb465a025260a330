/**
 * JSON-LD for a `<script type="application/ld+json">` element. The HTML parser ends a script at
 * the first "</script", whatever JSON string it sits in, so a headline such as
 * `</script><script>alert(1)</script>` would otherwise run. Escaping "<", ">" and "&" as \u003c,
 * \u003e and \u0026 keeps every field value inside the element and is still the same JSON;
 * U+2028 and U+2029 are escaped too, for consumers that parse the block as JavaScript.
 */
const unsafe = /[<>&\u2028\u2029]/g;

export function serializeJsonLd(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError("serializeJsonLd: the value has no JSON form");
  return json.replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
