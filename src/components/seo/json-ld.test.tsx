import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JsonLd } from "./json-ld";

describe("JsonLd", () => {
  it("renders one ld+json script whose text parses back, whatever the headline holds", () => {
    const headline = "</script><script>alert(1)</script>\u2028 & <b>";
    const html = renderToStaticMarkup(
      <JsonLd data={{ "@context": "https://schema.org", "@type": "NewsArticle", headline }} />,
    );
    const match = /^<script type="application\/ld\+json">(.*)<\/script>$/s.exec(html);
    expect(match).not.toBeNull();
    // Exactly one closing tag: nothing in the data ended the element early.
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(JSON.parse(match![1]!)).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline,
    });
  });
});
