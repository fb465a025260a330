import { serializeJsonLd } from "@/lib/seo/json-ld";
import type { JsonLd as JsonLdData } from "@/lib/seo/structured-data";

/** One structured-data block, from the builders in lib/seo/structured-data.ts. */
export function JsonLd({ data }: { data: JsonLdData }) {
  return (
    <script
      type="application/ld+json"
      // Why inner HTML: a script's content is raw text, which React writes out unescaped whether it
      // is a child or inner HTML, so the safety has to come from the JSON itself. serializeJsonLd
      // escapes "<", ">" and "&" (and U+2028/9), so no field value — a headline such as
      // "</script><script>…" — can end the element. This is the Next.js JSON-LD pattern, and one of
      // two places the project sets inner HTML (the other: the theme script, a constant, in
      // app/html-document.tsx); nothing here is markup a user wrote.
      // eslint-disable-next-line react/no-danger
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  );
}
