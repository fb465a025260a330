import { describe, expect, it } from "vitest";
import { articleBodySchema, bodyToPlainText, countWords, isSafeHref, isSafeImageSrc, readingMinutes } from "./article-body";

describe("isSafeHref", () => {
  it.each(["https://example.org/a", "http://example.org", "mailto:desk@example.org", "/politics", "#notes"])("allows %s", (href) => {
    expect(isSafeHref(href)).toBe(true);
  });
  it.each(["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example/x", "ftp://x", "not a url"])(
    "refuses %s",
    (href) => {
      expect(isSafeHref(href)).toBe(false);
    },
  );
});

describe("isSafeImageSrc", () => {
  it("allows site media and https only", () => {
    expect(isSafeImageSrc("/media/demo/a.jpg")).toBe(true);
    expect(isSafeImageSrc("https://cdn.example.org/a.jpg")).toBe(true);
    expect(isSafeImageSrc("http://cdn.example.org/a.jpg")).toBe(false);
    expect(isSafeImageSrc("data:image/svg+xml,<svg onload=alert(1)>")).toBe(false);
    expect(isSafeImageSrc("//evil.example/a.jpg")).toBe(false);
  });
});

const doc = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Council vote" }] },
    { type: "paragraph", content: [{ type: "text", text: "Bold move", marks: [{ type: "bold" }] }, { type: "hardBreak" }, { type: "text", text: "next line" }] },
    { type: "pullQuote", attrs: { attribution: "Mayor" }, content: [{ type: "text", text: "We will rebuild" }] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "first item" }] }] }] },
    { type: "image", attrs: { src: "/media/a.jpg", alt: "A bridge", caption: "The bridge", credit: "Photo: Staff", width: 1200, height: 800, mediaId: null } },
    { type: "horizontalRule" },
  ],
};

describe("articleBodySchema", () => {
  it("accepts every node type we render", () => {
    expect(articleBodySchema.parse(doc)).toEqual(doc);
  });

  it("refuses unknown nodes, unknown attributes, unsafe links and images without alt text", () => {
    const bad = [
      { type: "doc", content: [{ type: "script", content: [] }] },
      { type: "doc", content: [{ type: "paragraph", attrs: { onclick: "x" } }] },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] },
      { type: "doc", content: [{ type: "image", attrs: { src: "/media/a.jpg", alt: "", width: 1, height: 1 } }] },
      { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Second h1" }] }] },
    ];
    for (const body of bad) expect(articleBodySchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });
});

describe("plain text and reading time", () => {
  it("extracts the text of every block, captions included", () => {
    const text = bodyToPlainText(articleBodySchema.parse(doc));
    expect(text).toBe("Council vote\n\nBold move\nnext line\n\nWe will rebuild\n\nfirst item\n\nThe bridge");
  });
  it("counts words and rounds reading time, at least one minute", () => {
    expect(countWords("  one two\nthree ")).toBe(3);
    expect(readingMinutes("word ".repeat(10))).toBe(1);
    expect(readingMinutes("word ".repeat(690))).toBe(3);
  });
});

describe("URLs that look site-relative but lead off-site", () => {
  it.each(["/\\evil.example/x", "/\t/evil.example", "/\n/evil.example", "/ /evil.example", "#a\nb"])("refuses %j", (href) => {
    expect(isSafeHref(href)).toBe(false);
    expect(isSafeImageSrc(href)).toBe(false);
  });

  it("drops link attributes other than href", () => {
    const body = articleBodySchema.parse({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "/a", onclick: "alert(1)", target: "_blank" } }] }] }],
    });
    expect(body.content[0]).toEqual({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "/a" } }] }] });
  });
});
