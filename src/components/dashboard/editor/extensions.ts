import { Extension, Node, mergeAttributes, type Editor, type Extensions } from "@tiptap/core";
import { Blockquote } from "@tiptap/extension-blockquote";
import { ListItem } from "@tiptap/extension-list";
import { CharacterCount, Placeholder } from "@tiptap/extensions";
import { NodeSelection } from "@tiptap/pm/state";
import { StarterKit } from "@tiptap/starter-kit";
import { countWords, isSafeHref, isSafeImageSrc } from "@/lib/article-body";

/**
 * The editor's extensions, shaped after `articleBodySchema` so that what can be typed is what can
 * be stored: no code, strike or underline, headings 2 and 3 only, quotes and list items that hold
 * paragraphs only, and two nodes of our own (pull quote, image figure).
 */

/** Keyboard shortcuts in ProseMirror notation ("Mod" is Cmd on Apple, Ctrl elsewhere). */
export const SHORTCUTS = {
  paragraph: "Mod-Alt-0",
  heading2: "Mod-Alt-2",
  heading3: "Mod-Alt-3",
  bold: "Mod-b",
  italic: "Mod-i",
  link: "Mod-k",
  bulletList: "Mod-Shift-8",
  orderedList: "Mod-Shift-7",
  blockquote: "Mod-Shift-b",
  pullQuote: "Mod-Shift-9",
  hardBreak: "Shift-Enter",
  undo: "Mod-z",
  redo: "Mod-Shift-z",
} as const;

export interface FigureAttrs {
  src: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  mediaId: string | null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    pullQuote: {
      /** Turns the current block into a pull quote, or back into a paragraph. */
      togglePullQuote: () => ReturnType;
    };
    // Not "image": @tiptap/extension-image declares that key with other commands.
    figure: {
      /** Inserts an image figure and selects it, so its details form opens. */
      insertFigure: (attrs: FigureAttrs) => ReturnType;
      /** Changes attributes of the selected figure, keeping it selected. */
      updateFigure: (attrs: Partial<Omit<FigureAttrs, "src" | "width" | "height" | "mediaId">>) => ReturnType;
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Links

/** The one allow-list for links, also used by the stored schema. TipTap may pass no href. */
function isAllowedHref(url: string | undefined | null): boolean {
  return typeof url === "string" && isSafeHref(url);
}

const linkOptions = {
  openOnClick: false,
  autolink: true,
  // No custom schemes for linkify: the real allow-list is isAllowedHref below.
  protocols: [],
  defaultProtocol: "https",
  isAllowedUri: (url: string) => isAllowedHref(url),
  // Autolink and link-on-paste see the raw text ("example.com"), not the completed href, so bare
  // domains stay plain text; only full http(s)/mailto URLs are linked automatically.
  shouldAutoLink: (url: string) => isAllowedHref(url),
  // The body stores only href; the editor need not open links in new tabs.
  HTMLAttributes: { target: null, rel: "noopener noreferrer nofollow", class: null },
};

interface LinkShortcutOptions {
  onRequestLink: (editor: Editor) => void;
}

/** Mod-k asks the component to open its link form (set, change or remove the link). */
const LinkShortcut = Extension.create<LinkShortcutOptions>({
  name: "linkShortcut",
  addOptions() {
    return { onRequestLink: () => {} };
  },
  addKeyboardShortcuts() {
    return {
      // Returning true also stops the browser's own Ctrl-K (focus the address/search bar).
      [SHORTCUTS.link]: () => {
        this.options.onRequestLink(this.editor);
        return true;
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Nodes narrowed to the stored schema

/** Quotes hold paragraphs only: headings, lists or images cannot be wrapped in one. */
const ParagraphBlockquote = Blockquote.extend({ content: "paragraph+" });

/**
 * List items hold paragraphs only. Without nesting there is nothing for Tab / Shift-Tab to do
 * (ProseMirror's sinkListItem would even throw on this schema), so they are left to the browser:
 * they move focus out of the editor, as keyboard users expect. Lists are left with the toolbar.
 */
const FlatListItem = ListItem.extend({
  content: "paragraph+",
  addKeyboardShortcuts() {
    return { Enter: () => this.editor.commands.splitListItem(this.name) };
  },
});

// ---------------------------------------------------------------------------------------------
// Pull quote

interface HTMLAttributesOptions {
  HTMLAttributes: Record<string, unknown>;
}

/** A display quote set apart from the text: `<aside data-type="pull-quote">`. */
export const PullQuote = Node.create<HTMLAttributesOptions>({
  name: "pullQuote",
  group: "block",
  content: "inline*",
  defining: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      attribution: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-attribution") ?? "",
        rendered: false,
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'aside[data-type="pull-quote"]',
        // The attribution line is not content; read the text from its own element.
        contentElement: (element) =>
          (element as HTMLElement).querySelector<HTMLElement>("[data-pull-quote-text]") ??
          (element as HTMLElement),
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attribution = String(node.attrs.attribution ?? "");
    const attrs = mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
      "data-type": "pull-quote",
      "data-attribution": attribution,
    });
    const text = ["p", { "data-pull-quote-text": "" }, 0] as const;
    // Shown, not edited, in place: the attribution has its own field under the toolbar.
    return attribution
      ? ["aside", attrs, text, ["footer", { contenteditable: "false" }, `— ${attribution}`]]
      : ["aside", attrs, text];
  },

  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleNode(this.name, "paragraph"),
    };
  },

  addKeyboardShortcuts() {
    return { [SHORTCUTS.pullQuote]: () => this.editor.commands.togglePullQuote() };
  },
});

// ---------------------------------------------------------------------------------------------
// Image figure

function figureCaption(caption: string, credit: string): string {
  return [caption, credit].filter(Boolean).join(" · ");
}

function positiveInt(value: string | null | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * An image with caption and credit, stored as node type "image". Only our own figures are parsed
 * (figure[data-type=image]): a bare <img> pasted from elsewhere has no alt text, size or credit.
 */
export const Figure = Node.create<HTMLAttributesOptions>({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    const img = (element: HTMLElement) => element.querySelector("img");
    return {
      src: { default: "", rendered: false, parseHTML: (el) => img(el)?.getAttribute("src") ?? "" },
      alt: { default: "", rendered: false, parseHTML: (el) => img(el)?.getAttribute("alt") ?? "" },
      caption: { default: "", rendered: false, parseHTML: (el) => el.getAttribute("data-caption") ?? "" },
      credit: { default: "", rendered: false, parseHTML: (el) => el.getAttribute("data-credit") ?? "" },
      width: {
        default: null,
        rendered: false,
        parseHTML: (el) => positiveInt(img(el)?.getAttribute("width")),
      },
      height: {
        default: null,
        rendered: false,
        parseHTML: (el) => positiveInt(img(el)?.getAttribute("height")),
      },
      mediaId: {
        default: null,
        rendered: false,
        parseHTML: (el) => el.getAttribute("data-media-id") || null,
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-type="image"]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { src, alt, caption, credit, width, height, mediaId } = node.attrs as Partial<FigureAttrs>;
    const figure = mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
      "data-type": "image",
      "data-caption": caption ?? "",
      "data-credit": credit ?? "",
      "data-media-id": mediaId ?? "",
    });
    const image = {
      // An unsafe src is not even shown in the editor; the schema will refuse it on save.
      src: src && isSafeImageSrc(src) ? src : "",
      alt: alt ?? "",
      width: width ?? "",
      height: height ?? "",
      draggable: "false",
    };
    const text = figureCaption(caption ?? "", credit ?? "");
    return text
      ? ["figure", figure, ["img", image], ["figcaption", {}, text]]
      : ["figure", figure, ["img", image]];
  },

  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ tr, dispatch }) => {
          const node = this.type.create(attrs);
          if (!dispatch) return true;
          const { $from, empty } = tr.selection;
          // In an empty top-level paragraph the figure takes its place instead of splitting it.
          if (
            empty &&
            $from.depth === 1 &&
            $from.parent.type.name === "paragraph" &&
            !$from.parent.content.size
          ) {
            tr.replaceWith($from.before(), $from.after(), node);
          } else {
            tr.replaceSelectionWith(node);
          }
          tr.doc.descendants((child, pos) => {
            if (child === node) tr.setSelection(NodeSelection.create(tr.doc, pos));
            return child.isBlock && !child.isAtom;
          });
          tr.scrollIntoView();
          return true;
        },
      updateFigure:
        (attrs) =>
        ({ tr, dispatch }) => {
          const { selection } = tr;
          if (!(selection instanceof NodeSelection) || selection.node.type !== this.type) return false;
          // setNodeAttribute, unlike setNodeMarkup, does not replace the leaf node, so the figure
          // stays selected while its caption is typed.
          if (dispatch) {
            for (const [key, value] of Object.entries(attrs)) tr.setNodeAttribute(selection.from, key, value);
          }
          return true;
        },
    };
  },
});

// ---------------------------------------------------------------------------------------------

export interface EditorExtensionOptions {
  /** Called for Mod-k: open the link form. */
  onRequestLink: (editor: Editor) => void;
  placeholder?: string;
  /** Extra classes for the pull quote's <aside>, so the editor can match the site's look. */
  pullQuoteClass?: string;
}

export function createEditorExtensions({
  onRequestLink,
  placeholder = "Write the story…",
  pullQuoteClass,
}: EditorExtensionOptions): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      blockquote: false,
      listItem: false,
      link: linkOptions,
    }),
    ParagraphBlockquote,
    FlatListItem,
    LinkShortcut.configure({ onRequestLink }),
    PullQuote.configure({ HTMLAttributes: pullQuoteClass ? { class: pullQuoteClass } : {} }),
    Figure,
    // Words counted as the site counts them for reading time.
    CharacterCount.configure({ wordCounter: countWords }),
    Placeholder.configure({ placeholder }),
  ];
}
