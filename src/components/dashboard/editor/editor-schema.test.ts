// @vitest-environment node
import { Editor, getSchema } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import { afterEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { ArticleBody } from "@/lib/article-body";
import { bodyToEditorJson, completeHref, describeBodyError, normalizeEditorJson } from "./editor-schema";
import { createEditorExtensions, type FigureAttrs } from "./extensions";

// Shapes as TipTap 3's getJSON() writes them: every attribute of every extension, null or not.
const linkMark = (href: string) => ({
  type: "link",
  attrs: { href, target: "_blank", rel: "noopener noreferrer nofollow", class: "external", title: null },
});
const text = (value: string, marks?: unknown[]) =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
const para = (...content: unknown[]) =>
  content.length ? { type: "paragraph", content } : { type: "paragraph" };
const item = (...content: unknown[]) => ({ type: "listItem", content });

const photo: FigureAttrs = {
  src: "/media/2024/flood.jpg",
  alt: "Water up to the doors on Mill Lane",
  caption: "Mill Lane on Tuesday",
  credit: "Jo Bloggs",
  width: 1600,
  height: 900,
  mediaId: "med_123",
};

const tiptapJson = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2, textAlign: "left", id: "h-1" }, content: [text("Flood warning")] },
    {
      type: "paragraph",
      attrs: { textAlign: null },
      content: [
        text("Read the "),
        text("council notice", [
          linkMark(" https://council.example/notice "),
          { type: "bold" },
          { type: "underline" },
        ]),
        text("", [{ type: "bold" }]),
        { type: "hardBreak", marks: [{ type: "italic" }] },
        text("today", [{ type: "italic" }, { type: "strike" }, { type: "italic" }]),
      ],
    },
    para(),
    {
      type: "orderedList",
      attrs: { start: 3, type: null },
      content: [item(para(text("Third"))), item(para(text("Fourth")))],
    },
    {
      type: "bulletList",
      content: [
        item(
          para(text("Sandbags")),
          {
            type: "bulletList",
            content: [item(para(text("Collect at the depot"))), item(para(text("Bring ID")))],
          },
          para(text("Limit of ten")),
        ),
        item(para(text("Roads closed"))),
      ],
    },
    { type: "blockquote", content: [para(text("We are ready.")), para(text("Stay indoors."))] },
    {
      type: "pullQuote",
      attrs: { attribution: " Chief Fire Officer " },
      content: [text("Do not drive through water")],
    },
    { type: "image", attrs: { ...photo } },
    { type: "horizontalRule" },
    para(text("Updates follow.")),
    para(),
    para(),
  ],
};

describe("normalizeEditorJson", () => {
  it("keeps what we store, drops what we do not, in order", () => {
    expect(normalizeEditorJson(tiptapJson)).toEqual({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("Flood warning")] },
        {
          type: "paragraph",
          content: [
            text("Read the "),
            text("council notice", [
              { type: "link", attrs: { href: "https://council.example/notice" } },
              { type: "bold" },
            ]),
            { type: "hardBreak" },
            text("today", [{ type: "italic" }]),
          ],
        },
        { type: "paragraph" },
        {
          type: "orderedList",
          attrs: { start: 3 },
          content: [item(para(text("Third"))), item(para(text("Fourth")))],
        },
        {
          type: "bulletList",
          content: [
            item(para(text("Sandbags"))),
            item(para(text("Collect at the depot"))),
            item(para(text("Bring ID"))),
            item(para(text("Limit of ten"))),
            item(para(text("Roads closed"))),
          ],
        },
        { type: "blockquote", content: [para(text("We are ready.")), para(text("Stay indoors."))] },
        {
          type: "pullQuote",
          attrs: { attribution: "Chief Fire Officer" },
          content: [text("Do not drive through water")],
        },
        { type: "image", attrs: photo },
        { type: "horizontalRule" },
        para(text("Updates follow.")),
      ],
    });
  });

  it("refuses a javascript: link with the schema's error", () => {
    const json = {
      type: "doc",
      content: [para(text("click", [linkMark("javascript:alert(document.cookie)")]))],
    };
    expect(() => normalizeEditorJson(json)).toThrow(ZodError);
    try {
      normalizeEditorJson(json);
    } catch (error) {
      expect(describeBodyError(error)).toBe("Links must be http(s), mailto or site-relative");
    }
  });

  it("refuses an image without alt text", () => {
    const json = { type: "doc", content: [{ type: "image", attrs: { ...photo, alt: "  " } }] };
    expect(() => normalizeEditorJson(json)).toThrow(/Images need alt text/);
  });

  it("refuses an image whose size is missing instead of inventing one", () => {
    const json = { type: "doc", content: [{ type: "image", attrs: { ...photo, width: null } }] };
    expect(() => normalizeEditorJson(json)).toThrow(ZodError);
  });

  it("refuses what is not a document", () => {
    expect(() => normalizeEditorJson(null)).toThrow(ZodError);
    expect(() => normalizeEditorJson({ type: "paragraph" })).toThrow(ZodError);
  });

  it("accepts an empty editor as an empty body", () => {
    expect(normalizeEditorJson({ type: "doc", content: [para()] })).toEqual({ type: "doc", content: [] });
  });

  it("brings heading levels into 2..3", () => {
    const json = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 1 }, content: [text("One")] },
        { type: "heading", attrs: { level: 4 } },
      ],
    };
    expect(normalizeEditorJson(json).content).toEqual([
      { type: "heading", attrs: { level: 2 }, content: [text("One")] },
      { type: "heading", attrs: { level: 3 } },
    ]);
  });

  it("drops an empty pull quote and defaults a bad list start", () => {
    const json = {
      type: "doc",
      content: [
        { type: "pullQuote", attrs: { attribution: "Nobody" } },
        { type: "orderedList", attrs: { start: 0, type: "a" }, content: [item(para(text("x")))] },
      ],
    };
    expect(normalizeEditorJson(json).content).toEqual([
      { type: "orderedList", attrs: { start: 1 }, content: [item(para(text("x")))] },
    ]);
  });

  it("splits a quote around an image and flattens other blocks inside it to paragraphs", () => {
    const json = {
      type: "doc",
      content: [
        {
          type: "blockquote",
          content: [
            { type: "heading", attrs: { level: 3 }, content: [text("Said")] },
            { type: "image", attrs: photo },
            { type: "bulletList", content: [item(para(text("a"))), item(para(text("b")))] },
          ],
        },
      ],
    };
    expect(normalizeEditorJson(json).content).toEqual([
      { type: "blockquote", content: [para(text("Said"))] },
      { type: "image", attrs: photo },
      { type: "blockquote", content: [para(text("a")), para(text("b"))] },
    ]);
  });

  it("keeps the text of node types we do not store", () => {
    const json = {
      type: "doc",
      content: [
        { type: "codeBlock", attrs: { language: "js" }, content: [text("let x = 1")] },
        { type: "details", content: [{ type: "detailsSummary", content: [text("More")] }] },
        { type: "youtube", attrs: { src: "https://youtube.example/v" } },
      ],
    };
    expect(normalizeEditorJson(json).content).toEqual([para(text("let x = 1")), para(text("More"))]);
  });
});

describe("bodyToEditorJson", () => {
  it("writes attribute defaults out", () => {
    const body = {
      type: "doc",
      content: [
        { type: "pullQuote", content: [text("Quote")] },
        { type: "orderedList", content: [item(para(text("One")))] },
      ],
    } as ArticleBody;
    expect(bodyToEditorJson(body).content).toEqual([
      { type: "pullQuote", attrs: { attribution: "" }, content: [text("Quote")] },
      { type: "orderedList", attrs: { start: 1 }, content: [item(para(text("One")))] },
    ]);
  });

  it("gives an empty body one paragraph to type in", () => {
    expect(bodyToEditorJson({ type: "doc", content: [] })).toEqual({
      type: "doc",
      content: [{ type: "paragraph" }],
    });
  });

  it("copies, so the editor never changes the caller's body", () => {
    const body: ArticleBody = { type: "doc", content: [{ type: "image", attrs: { ...photo } }] };
    const json = bodyToEditorJson(body);
    json.content![0]!.attrs!.alt = "changed";
    expect(body.content[0]).toEqual({ type: "image", attrs: photo });
  });
});

describe("completeHref", () => {
  it.each([
    ["council.example/notice", "https://council.example/notice"],
    ["  https://council.example ", "https://council.example"],
    ["desk@dellboys.example", "mailto:desk@dellboys.example"],
    ["/politics", "/politics"],
    ["#notes", "#notes"],
    ["localhost:3000/x", "https://localhost:3000/x"],
    ["javascript:alert(1)", "javascript:alert(1)"],
    ["", ""],
  ])("%j becomes %j", (input, expected) => {
    expect(completeHref(input)).toBe(expected);
  });
});

// The real editor, headless (no DOM needed): what it produces must normalise back to the body.
describe("editor extensions", () => {
  let editor: Editor | null = null;
  const createEditor = (body: ArticleBody) => {
    editor = new Editor({
      element: null,
      extensions: createEditorExtensions({ onRequestLink: () => {} }),
      content: bodyToEditorJson(body),
    });
    return editor;
  };
  afterEach(() => {
    editor?.destroy();
    editor = null;
  });

  const body = normalizeEditorJson(tiptapJson);

  it("round-trips a body through the editor unchanged", () => {
    expect(normalizeEditorJson(createEditor(body).getJSON())).toEqual(body);
  });

  it("has only the nodes and marks the body schema knows", () => {
    const schema = getSchema(createEditorExtensions({ onRequestLink: () => {} }));
    expect(Object.keys(schema.marks).sort()).toEqual(["bold", "italic", "link"]);
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        "blockquote",
        "bulletList",
        "doc",
        "hardBreak",
        "heading",
        "horizontalRule",
        "image",
        "listItem",
        "orderedList",
        "paragraph",
        "pullQuote",
        "text",
      ].sort(),
    );
    const nested = schema.nodeFromJSON({
      type: "doc",
      content: [
        {
          type: "bulletList",
          content: [item(para(text("a")), { type: "bulletList", content: [item(para(text("b")))] })],
        },
      ],
    });
    expect(() => nested.check()).toThrow();
  });

  it("refuses unsafe links and accepts safe ones", () => {
    const e = createEditor({ type: "doc", content: [para(text("Read this"))] as ArticleBody["content"] });
    e.commands.setTextSelection({ from: 1, to: 5 });
    expect(e.commands.setLink({ href: "javascript:alert(1)" })).toBe(false);
    expect(e.commands.setLink({ href: "/news/flood" })).toBe(true);
    expect(normalizeEditorJson(e.getJSON()).content[0]).toEqual(
      para(text("Read", [{ type: "link", attrs: { href: "/news/flood" } }]), text(" this")),
    );
  });

  it("inserts a figure in place of an empty paragraph, selected, and edits its caption", () => {
    const e = createEditor({ type: "doc", content: [para(), para(text("After"))] as ArticleBody["content"] });
    e.commands.setTextSelection(1);
    expect(e.commands.insertFigure(photo)).toBe(true);
    expect(e.state.selection).toBeInstanceOf(NodeSelection);
    expect(e.commands.updateFigure({ caption: "Mill Lane, Tuesday" })).toBe(true);
    expect(e.state.selection).toBeInstanceOf(NodeSelection);
    expect(normalizeEditorJson(e.getJSON()).content).toEqual([
      { type: "image", attrs: { ...photo, caption: "Mill Lane, Tuesday" } },
      para(text("After")),
    ]);
  });

  it("renders a figure with 'caption · credit' and a pull quote as an aside", () => {
    const schema = getSchema(createEditorExtensions({ onRequestLink: () => {} }));
    const figure = schema.nodes.image!.create(photo);
    expect(schema.nodes.image!.spec.toDOM!(figure)).toEqual([
      "figure",
      {
        "data-type": "image",
        "data-caption": photo.caption,
        "data-credit": photo.credit,
        "data-media-id": photo.mediaId,
      },
      ["img", { src: photo.src, alt: photo.alt, width: 1600, height: 900, draggable: "false" }],
      ["figcaption", {}, "Mill Lane on Tuesday · Jo Bloggs"],
    ]);
    const quote = schema.nodes.pullQuote!.create({ attribution: "" }, schema.text("Words"));
    expect(schema.nodes.pullQuote!.spec.toDOM!(quote)).toEqual([
      "aside",
      { "data-type": "pull-quote", "data-attribution": "" },
      ["p", { "data-pull-quote-text": "" }, 0],
    ]);
  });

  it("toggles a paragraph into a pull quote and counts words like the site", () => {
    const e = createEditor({
      type: "doc",
      content: [para(text("Do not drive through water"))] as ArticleBody["content"],
    });
    e.commands.setTextSelection(2);
    expect(e.commands.togglePullQuote()).toBe(true);
    expect(e.getJSON().content?.[0]?.type).toBe("pullQuote");
    expect(e.storage.characterCount.words()).toBe(5);
  });
});
