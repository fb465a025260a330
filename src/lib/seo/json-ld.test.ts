import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "@/lib/seo/json-ld";
import { newsArticleJsonLd } from "@/lib/seo/structured-data";

const hostile = [
  "</script><script>alert(1)</script>",
  "</SCRIPT ><img src=x onerror=alert(1)>",
  "<!-- <script>",
  'Tom & Jerry\'s "quote" \\ backslash',
  "line\u2028separator and paragraph\u2029separator",
  "]]> --> <![CDATA[",
];

describe("serializeJsonLd", () => {
  it.each(hostile)("keeps %j inside the script element and parses back to the same value", (text) => {
    const json = serializeJsonLd({ headline: text, nested: [{ text }] });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json.toLowerCase()).not.toContain("</script");
    expect(JSON.parse(json)).toEqual({ headline: text, nested: [{ text }] });
  });

  it("writes the escapes as \\u sequences", () => {
    expect(serializeJsonLd("<>&\u2028\u2029")).toBe('"\\u003c\\u003e\\u0026\\u2028\\u2029"');
  });

  it("leaves other text as it is", () => {
    expect(serializeJsonLd({ a: "Café – “Zürich” 東京 😀", n: 1, b: true, z: null })).toBe(
      '{"a":"Café – “Zürich” 東京 😀","n":1,"b":true,"z":null}',
    );
  });

  it("rejects values JSON cannot represent", () => {
    expect(() => serializeJsonLd(undefined)).toThrow(TypeError);
  });

  it("escapes every field of a real NewsArticle block", () => {
    const evil = "</script><script>alert(1)</script>\u2028";
    const data = newsArticleJsonLd(
      {
        headline: evil,
        standfirst: evil,
        seoDescription: "",
        url: "/politics/evil",
        publishedAt: "2026-01-01T10:00:00.000Z",
        updatedAt: null,
        authors: [{ slug: "a", name: evil }],
        section: { slug: "politics", name: evil },
        tags: [{ slug: "t", name: evil }],
        image: null,
        corrections: [{ text: evil, createdAt: "2026-01-02T10:00:00.000Z" }],
      },
      { siteName: evil, tagline: "", siteUrl: "https://news.example", language: "en" },
    );
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>\u2028]/);
    const parsed = JSON.parse(json) as { headline: string; correction: { text: string }[] };
    expect(parsed).toEqual(JSON.parse(JSON.stringify(data)));
    expect(parsed.headline).toContain("</script><script>alert(1)</script>");
    expect(parsed.correction[0]!.text).toBe(evil);
  });
});
