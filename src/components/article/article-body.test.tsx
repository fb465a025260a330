import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ArticleBody } from "@/lib/article-body";
import { ArticleBodyView } from "./article-body";

const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });

function render(content: unknown[]): string {
  return renderToStaticMarkup(<ArticleBodyView body={{ type: "doc", content } as ArticleBody} />);
}

describe("ArticleBodyView", () => {
  it("renders paragraphs, headings, quotes, pull quotes, lists and rules as their elements", () => {
    const html = render([
      { type: "heading", attrs: { level: 2 }, content: [text("What happened")] },
      {
        type: "paragraph",
        content: [
          text("Plain "),
          text("bold", [{ type: "bold" }]),
          text(" and "),
          text("italic", [{ type: "italic" }]),
        ],
      },
      { type: "blockquote", content: [{ type: "paragraph", content: [text("Quoted")] }] },
      { type: "pullQuote", attrs: { attribution: "A resident" }, content: [text("It was loud")] },
      {
        type: "orderedList",
        attrs: { start: 3 },
        content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("three")] }] }],
      },
      { type: "horizontalRule" },
    ]);
    expect(html).toContain("<h2>What happened</h2>");
    expect(html).toContain("<p>Plain <strong>bold</strong> and <em>italic</em></p>");
    expect(html).toContain("<blockquote><p>Quoted</p></blockquote>");
    expect(html).toMatch(
      /<figure class="pull-quote[^"]*"><blockquote[^>]*><p>It was loud<\/p><\/blockquote><figcaption[^>]*>A resident<\/figcaption><\/figure>/,
    );
    expect(html).toContain('<ol start="3"><li><p>three</p></li></ol>');
    expect(html).toContain("<hr/>");
  });

  it("escapes text: markup in content is shown, never run", () => {
    const html = render([
      { type: "paragraph", content: [text('<script>alert(1)</script><img src=x onerror="alert(2)">')] },
    ]);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("keeps safe links, marks external ones noopener, and drops unsafe ones to plain text", () => {
    const html = render([
      {
        type: "paragraph",
        content: [
          text("site", [{ type: "link", attrs: { href: "/politics" } }]),
          text(" web", [{ type: "bold" }, { type: "link", attrs: { href: "https://example.org/x" } }]),
          text(" evil", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
        ],
      },
    ]);
    expect(html).toContain('<a href="/politics">site</a>');
    expect(html).toContain(
      '<a href="https://example.org/x" rel="noopener noreferrer"><strong> web</strong></a>',
    );
    expect(html).toContain(" evil");
    expect(html).not.toContain("javascript:");
  });

  it("renders images with alt text, dimensions, caption and credit", () => {
    const html = render([
      {
        type: "image",
        attrs: {
          src: "/media/demo/x.jpg",
          alt: "Flooded street",
          caption: "High Street at noon",
          credit: "Photo: Staff",
          width: 1200,
          height: 800,
          mediaId: null,
        },
      },
    ]);
    expect(html).toMatch(/<img[^>]*alt="Flooded street"/);
    expect(html).toMatch(/<img[^>]*width="1200"[^>]*height="800"/);
    expect(html).toContain("High Street at noon");
    expect(html).toContain("Photo: Staff");
  });
});
