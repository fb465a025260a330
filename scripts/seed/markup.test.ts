import { describe, it, expect } from "vitest";
import { articleBodySchema } from "../../src/lib/article-body.ts";
import { markupToBody, MarkupError, parseInline } from "./markup.ts";

const images = (key: string) => ({
  src: `/media/demo/${key}.jpg`,
  width: 1600,
  height: 900,
  mediaId: key === "stored" ? "media_123" : null,
});

const body = (src: string) => markupToBody(src, images);
const para = (src: string) => {
  const doc = body(src);
  expect(doc.content).toHaveLength(1);
  const block = doc.content[0]!;
  expect(block.type).toBe("paragraph");
  return block.type === "paragraph" ? block.content : undefined;
};
const t = (text: string) => ({ type: "text", text });
const bold = { type: "bold" } as const;
const italic = { type: "italic" } as const;
const link = (href: string) => ({ type: "link", attrs: { href } }) as const;

describe("markupToBody: blocks", () => {
  it("returns an empty doc for empty markup", () => {
    expect(body("")).toEqual({ type: "doc", content: [] });
    expect(body("\n\n  \n")).toEqual({ type: "doc", content: [] });
  });

  it("splits paragraphs on blank lines and joins wrapped lines with a space", () => {
    expect(body("First line\nstill first.\n\n\nSecond.")).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [t("First line still first.")] },
        { type: "paragraph", content: [t("Second.")] },
      ],
    });
  });

  it("accepts Windows line endings and trims indentation", () => {
    expect(body("  One\r\n\r\n\tTwo  ")).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [t("One")] },
        { type: "paragraph", content: [t("Two")] },
      ],
    });
  });

  it("makes a hard break from a line ending in a backslash", () => {
    expect(para("Line one\\\nLine two")).toEqual([t("Line one"), { type: "hardBreak" }, t("Line two")]);
  });

  it("parses ## and ### headings", () => {
    expect(body("## Two\n\n### Three *it*")).toEqual({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [t("Two")] },
        {
          type: "heading",
          attrs: { level: 3 },
          content: [t("Three "), { type: "text", text: "it", marks: [italic] }],
        },
      ],
    });
  });

  it("parses a blockquote with several paragraphs", () => {
    expect(body("> One,\n> continued.\n>\n> Two.")).toEqual({
      type: "doc",
      content: [
        {
          type: "blockquote",
          content: [
            { type: "paragraph", content: [t("One, continued.")] },
            { type: "paragraph", content: [t("Two.")] },
          ],
        },
      ],
    });
  });

  it("parses a pull quote with and without attribution", () => {
    expect(body(">> We will not be moved -- Ada Pennock, council leader\n\n>> No attribution here")).toEqual({
      type: "doc",
      content: [
        {
          type: "pullQuote",
          attrs: { attribution: "Ada Pennock, council leader" },
          content: [t("We will not be moved")],
        },
        {
          type: "pullQuote",
          attrs: { attribution: "" },
          content: [t("No attribution here")],
        },
      ],
    });
  });

  it("splits a pull quote at the last --, so the quote may contain one", () => {
    expect(body(">> First -- then second -- Someone")).toEqual({
      type: "doc",
      content: [
        {
          type: "pullQuote",
          attrs: { attribution: "Someone" },
          content: [t("First -- then second")],
        },
      ],
    });
  });

  it("parses bullet lists", () => {
    expect(body("- One\n- Two **b**")).toEqual({
      type: "doc",
      content: [
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [t("One")] }],
            },
            {
              type: "listItem",
              content: [
                {
                  type: "paragraph",
                  content: [t("Two "), { type: "text", text: "b", marks: [bold] }],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it("parses ordered lists, starting from the first number", () => {
    const item = (text: string) => ({
      type: "listItem",
      content: [{ type: "paragraph", content: [t(text)] }],
    });
    expect(body("1. One\n2. Two")).toEqual({
      type: "doc",
      content: [
        {
          type: "orderedList",
          attrs: { start: 1 },
          content: [item("One"), item("Two")],
        },
      ],
    });
    expect(body("4. Four\n9. Five")).toEqual({
      type: "doc",
      content: [
        {
          type: "orderedList",
          attrs: { start: 4 },
          content: [item("Four"), item("Five")],
        },
      ],
    });
  });

  it("parses a horizontal rule", () => {
    expect(body("Before\n\n---\n\nAfter")).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [t("Before")] },
        { type: "horizontalRule" },
        { type: "paragraph", content: [t("After")] },
      ],
    });
  });

  it("parses images with caption and credit, resolving the key", () => {
    expect(body('![A grey harbour wall](img:wall "The wall in 1990" "Photo: Archive")')).toEqual({
      type: "doc",
      content: [
        {
          type: "image",
          attrs: {
            src: "/media/demo/wall.jpg",
            alt: "A grey harbour wall",
            caption: "The wall in 1990",
            credit: "Photo: Archive",
            width: 1600,
            height: 900,
            mediaId: null,
          },
        },
      ],
    });
  });

  it("parses images without caption or credit, or with a caption only, and keeps mediaId", () => {
    const [a, b] = body('![Alt one](img:stored)\n\n![Alt two](img:x-2 "Only a \\"caption\\"")').content;
    expect(a).toEqual({
      type: "image",
      attrs: {
        src: "/media/demo/stored.jpg",
        alt: "Alt one",
        caption: "",
        credit: "",
        width: 1600,
        height: 900,
        mediaId: "media_123",
      },
    });
    expect(b).toEqual({
      type: "image",
      attrs: {
        src: "/media/demo/x-2.jpg",
        alt: "Alt two",
        caption: 'Only a "caption"',
        credit: "",
        width: 1600,
        height: 900,
        mediaId: null,
      },
    });
  });

  it("passes every construct together through the schema unchanged", () => {
    const src = [
      "## Heading",
      "Intro with **bold**, *italic* and [a link](/politics).",
      "> Quoted",
      ">> Pulled -- Someone",
      "- a\n- b",
      "1. c\n2. d",
      "---",
      '![Alt](img:k "Cap" "Credit")',
      "### Sub",
    ].join("\n\n");
    const doc = body(src);
    expect(doc.content.map((b) => b.type)).toEqual([
      "heading",
      "paragraph",
      "blockquote",
      "pullQuote",
      "bulletList",
      "orderedList",
      "horizontalRule",
      "image",
      "heading",
    ]);
    expect(articleBodySchema.parse(doc)).toEqual(doc);
  });
});

describe("markupToBody: inline", () => {
  it("marks bold, italic and links", () => {
    expect(para("a **b** c *d* e [f](https://example.org/g) h")).toEqual([
      t("a "),
      { type: "text", text: "b", marks: [bold] },
      t(" c "),
      { type: "text", text: "d", marks: [italic] },
      t(" e "),
      { type: "text", text: "f", marks: [link("https://example.org/g")] },
      t(" h"),
    ]);
  });

  it("nests a link inside bold, outer mark first", () => {
    expect(para("**read [the report](/business) now**")).toEqual([
      { type: "text", text: "read ", marks: [bold] },
      { type: "text", text: "the report", marks: [bold, link("/business")] },
      { type: "text", text: " now", marks: [bold] },
    ]);
  });

  it("nests bold and italic inside a link", () => {
    expect(para("[see **this** and *that*](mailto:desk@dellboys.example)")).toEqual([
      {
        type: "text",
        text: "see ",
        marks: [link("mailto:desk@dellboys.example")],
      },
      {
        type: "text",
        text: "this",
        marks: [link("mailto:desk@dellboys.example"), bold],
      },
      {
        type: "text",
        text: " and ",
        marks: [link("mailto:desk@dellboys.example")],
      },
      {
        type: "text",
        text: "that",
        marks: [link("mailto:desk@dellboys.example"), italic],
      },
    ]);
  });

  it("nests italic in bold, bold in italic, and *** for both", () => {
    expect(para("**a *b* c**")).toEqual([
      { type: "text", text: "a ", marks: [bold] },
      { type: "text", text: "b", marks: [bold, italic] },
      { type: "text", text: " c", marks: [bold] },
    ]);
    expect(para("*a **b** c*")).toEqual([
      { type: "text", text: "a ", marks: [italic] },
      { type: "text", text: "b", marks: [italic, bold] },
      { type: "text", text: " c", marks: [italic] },
    ]);
    expect(para("***both***")).toEqual([{ type: "text", text: "both", marks: [bold, italic] }]);
  });

  it("keeps marks across wrapped lines and hard breaks", () => {
    expect(para("**bold\nstill bold\\\nafter break**")).toEqual([
      { type: "text", text: "bold still bold", marks: [bold] },
      { type: "hardBreak" },
      { type: "text", text: "after break", marks: [bold] },
    ]);
  });

  it("allows balanced parentheses in hrefs", () => {
    expect(para("[wiki](https://example.org/a_(b))")).toEqual([
      {
        type: "text",
        text: "wiki",
        marks: [link("https://example.org/a_(b)")],
      },
    ]);
  });

  it("passes typographic quotes and apostrophes through unchanged", () => {
    const text = "‘Single’, “double”, it’s — and \"straight\" 'ones' too…";
    expect(para(text)).toEqual([t(text)]);
    expect(body(`>> “We’re ready” -- O’Brien`).content[0]).toEqual({
      type: "pullQuote",
      attrs: { attribution: "O’Brien" },
      content: [t("“We’re ready”")],
    });
  });

  it("treats a lone asterisk between spaces as text and honours escapes", () => {
    expect(para("5 * 3 = 15")).toEqual([t("5 * 3 = 15")]);
    expect(para("\\*not italic\\* and \\[sic\\] and a \\\\ backslash")).toEqual([
      t("*not italic* and [sic] and a \\ backslash"),
    ]);
  });

  it("escapes block markers at the start of a line", () => {
    expect(
      body("\\- not a list\n\n\\## not a heading\n\n\\1. not a list\n\n\\> not a quote").content,
    ).toEqual([
      { type: "paragraph", content: [t("- not a list")] },
      { type: "paragraph", content: [t("## not a heading")] },
      { type: "paragraph", content: [t("1. not a list")] },
      { type: "paragraph", content: [t("> not a quote")] },
    ]);
  });

  it("is exposed as parseInline", () => {
    expect(parseInline("x *y*", 1)).toEqual([t("x "), { type: "text", text: "y", marks: [italic] }]);
  });
});

describe("markupToBody: errors", () => {
  const fails = (src: string, message: RegExp, line?: number) => {
    let error: unknown;
    try {
      body(src);
    } catch (err) {
      error = err;
    }
    expect(error, `expected ${JSON.stringify(src)} to throw`).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    if (line !== undefined) {
      expect(error).toBeInstanceOf(MarkupError);
      expect((error as MarkupError).line).toBe(line);
      expect((error as Error).message).toContain(`line ${line}`);
    }
  };

  it("rejects unsafe links, naming the line", () => {
    fails("Fine.\n\nClick [here](javascript:alert(1)) now", /unsafe link href "javascript:alert\(1\)"/, 3);
    fails("[x](JavaScript:alert(1))", /unsafe link/, 1);
    fails("[x](data:text/html,hi)", /unsafe link/, 1);
    fails("[x](//evil.example/path)", /unsafe link/, 1);
    fails("[x](vbscript:msgbox)", /unsafe link/, 1);
    // "/\\evil.example" passes isSafeHref but browsers resolve it to https://evil.example/.
    fails("[x](/\\evil.example/path)", /backslash/, 1);
  });

  it("names the right line inside a multi-line paragraph", () => {
    fails("one\ntwo\nthree [bad](javascript:void(0))", /unsafe link/, 3);
    fails("> fine\n> **never closed", /unclosed \*\* \(bold\)/, 2);
  });

  it("rejects unclosed and overlapping marks", () => {
    fails("**bold", /unclosed \*\* \(bold\)/, 1);
    fails("*it", /unclosed \* \(italic\)/, 1);
    fails("**a *b** c*", /overlapping marks/, 1);
    fails("[a **b](/x) c**", /overlapping marks/, 1);
    fails("**a **b** c**", /bold cannot be nested inside bold/, 1);
  });

  it("rejects malformed links", () => {
    fails("[text without href]", /must be followed by "\(href\)"/, 1);
    fails("[open](/x", /missing its closing "\)"/, 1);
    fails("[open", /unclosed "\["/, 1);
    fails("[](/x)", /link text is empty/, 1);
    fails("[a]()", /href is empty/, 1);
    fails("[a](/x y)", /whitespace/, 1);
    fails("[a [b](/x)](/y)", /cannot contain another link/, 1);
    fails("stray ] bracket", /unexpected "\]"/, 1);
  });

  it("rejects unsupported headings and mixed blocks", () => {
    fails("# Title", /only ## and ### headings/, 1);
    fails("#### Deep", /only ## and ### headings/, 1);
    fails("## ", /heading is empty|only/, 1);
    fails("## Heading\nparagraph straight after", /single line/, 2);
    fails("Paragraph\n- item", /bullet list item inside a paragraph/, 2);
    fails("- item\nparagraph", /paragraph text inside a bullet list/, 2);
    fails("1. one\n- two", /bullet list item inside an ordered list/, 2);
    fails("> quote\n>> pull", /pull quote line inside a blockquote/, 2);
    fails("---\ntext", /single line/, 2);
  });

  it("rejects bad pull quotes and images", () => {
    fails(">> -- Only attribution", /pull quote has no text/, 1);
    fails("![](img:a)", /image needs alt text/, 1);
    fails("![Alt](https://example.org/a.jpg)", /img:KEY/, 1);
    fails('![Alt](img:a "unterminated)', /unterminated quoted string/, 1);
    fails('![Alt](img:a "one" "two" "three")', /at most a caption and a credit/, 1);
    fails("![Alt](img:a) trailing", /whole line/, 1);
    fails('![Alt](img:a "c") \n\n![Alt](img:a junk)', /unexpected text in image/, 3);
  });

  it("reports an image the callback cannot resolve", () => {
    expect(() =>
      markupToBody("Text\n\n![Alt](img:missing)", (key) => {
        throw new Error(`no image ${key}`);
      }),
    ).toThrow(/line 3: image "missing" could not be resolved: no image missing/);
  });

  it("validates the result with the schema and names the block's line", () => {
    expect(() =>
      markupToBody("Text\n\n![Alt](img:remote)", () => ({
        src: "http://insecure.example/a.jpg",
        width: 10,
        height: 10,
        mediaId: null,
      })),
    ).toThrow(/line 3: the body does not pass the schema: Images must be site media or https/);
    expect(() =>
      markupToBody("![Alt](img:zero)", () => ({
        src: "/m/a.jpg",
        width: 0,
        height: 10,
        mediaId: null,
      })),
    ).toThrow(/line 1: the body does not pass the schema/);
  });
});
