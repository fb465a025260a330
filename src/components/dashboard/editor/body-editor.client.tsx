"use client";

import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { isSafeHref, type ArticleBody } from "@/lib/article-body";
import { bodyToEditorJson, completeHref, describeBodyError, normalizeEditorJson } from "./editor-schema";
import { SHORTCUTS, createEditorExtensions, type FigureAttrs } from "./extensions";
import { tablesAsParagraphs } from "./paste";

export interface PickedImage {
  src: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  mediaId: string;
}

export interface BodyEditorProps {
  /** Read once, when the editor is created: give the component a new `key` to load another body. */
  initialBody: ArticleBody;
  /** After each edit: the body (or null and why it cannot be saved) and the word count. */
  onChange: (body: ArticleBody | null, error: string | null, words: number) => void;
  /** Id of the visible label of the editing area. */
  labelledBy: string;
  /** Lets the author choose an image (media library, upload); null when they cancel. */
  pickImage: () => Promise<PickedImage | null>;
}

// ---------------------------------------------------------------------------------------------
// Styles

const EDITABLE_CLASS = [
  "prose max-w-none min-h-80 bg-paper px-4 py-3 font-serif text-ink dark:prose-invert",
  "prose-headings:font-sans prose-a:text-accent-ink prose-figcaption:font-sans",
  // Visible whenever the area has focus, not only after keyboard navigation: it is a text field.
  "focus:outline-3 focus:outline-offset-2 focus:outline-accent",
  // Placeholder text (Placeholder extension) on the first empty paragraph.
  "[&_p.is-editor-empty:first-child]:before:pointer-events-none [&_p.is-editor-empty:first-child]:before:float-left",
  "[&_p.is-editor-empty:first-child]:before:h-0 [&_p.is-editor-empty:first-child]:before:text-muted",
  "[&_p.is-editor-empty:first-child]:before:content-[attr(data-placeholder)]",
  // Figures: full width, and clearly marked when selected (their details form is open).
  "[&_figure]:cursor-grab [&_figure_img]:h-auto [&_figure_img]:w-full [&_figure_img]:rounded",
  "[&_figure.ProseMirror-selectednode]:outline-3 [&_figure.ProseMirror-selectednode]:outline-accent",
].join(" ");

// Close to the published pull quote (components/article/article-body.tsx).
const PULL_QUOTE_CLASS = [
  "not-prose my-8 border-y-4 border-accent py-5 font-serif text-2xl leading-snug font-semibold text-ink",
  "[&_footer]:mt-3 [&_footer]:font-sans [&_footer]:text-sm [&_footer]:font-semibold [&_footer]:text-muted",
].join(" ");

const BUTTON_CLASS =
  "inline-flex h-10 items-center rounded px-2.5 text-sm font-medium text-ink hover:bg-surface " +
  "aria-pressed:bg-ink aria-pressed:text-paper aria-disabled:cursor-not-allowed aria-disabled:opacity-50";

// Buttons in the panels under the toolbar: the main action filled, the others outlined.
const PRIMARY_BUTTON_CLASS =
  "inline-flex h-10 items-center rounded bg-ink px-3 text-sm font-semibold text-paper hover:opacity-90";
const SECONDARY_BUTTON_CLASS =
  "inline-flex h-10 items-center rounded border border-rule bg-paper px-3 text-sm font-medium text-ink hover:bg-surface";

const INPUT_CLASS =
  "block w-full rounded border border-rule bg-paper px-3 py-2 text-sm text-ink aria-[invalid=true]:border-accent";

const PANEL_CLASS = "flex flex-wrap items-end gap-3 border-b border-rule bg-surface px-3 py-3 text-sm";

const wordFormat = new Intl.NumberFormat("en-GB");

// ---------------------------------------------------------------------------------------------
// Shortcut labels

const KEY_NAMES: Record<string, [pc: string, mac: string]> = {
  Mod: ["Ctrl", "⌘"],
  Alt: ["Alt", "⌥"],
  Shift: ["Shift", "⇧"],
};

/** "Mod-Alt-2" as "Ctrl+Alt+2 / ⌘⌥2" for a button's title. */
function shortcutLabel(shortcut: string): string {
  const keys = shortcut.split("-");
  const pc = keys.map((k) => KEY_NAMES[k]?.[0] ?? k.toUpperCase()).join("+");
  const mac = keys.map((k) => KEY_NAMES[k]?.[1] ?? k.toUpperCase()).join("");
  return pc === mac ? pc : `${pc} / ${mac}`;
}

/** The same shortcut for aria-keyshortcuts: "Control+Alt+2 Meta+Alt+2". */
function ariaShortcut(shortcut: string): string {
  const keys = shortcut.split("-").map((k) => (k.length === 1 ? k.toUpperCase() : k));
  const build = (mod: string) => keys.map((k) => (k === "Mod" ? mod : k)).join("+");
  return keys.includes("Mod") ? `${build("Control")} ${build("Meta")}` : build("");
}

// ---------------------------------------------------------------------------------------------
// Editor state for the UI

function selectedFigure(editor: Editor): FigureAttrs | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== "image") return null;
  return selection.node.attrs as FigureAttrs;
}

function currentHref(editor: Editor): string {
  const href: unknown = editor.getAttributes("link").href;
  return typeof href === "string" ? href : "";
}

/** Everything the toolbar and panels show, read once per transaction. */
function readEditorState(editor: Editor) {
  // A fresh dry run for each command: they must not share one transaction.
  const can = () => editor.can();
  return {
    active: {
      paragraph: editor.isActive("paragraph"),
      heading2: editor.isActive("heading", { level: 2 }),
      heading3: editor.isActive("heading", { level: 3 }),
      bold: editor.isActive("bold"),
      italic: editor.isActive("italic"),
      link: editor.isActive("link"),
      bulletList: editor.isActive("bulletList"),
      orderedList: editor.isActive("orderedList"),
      blockquote: editor.isActive("blockquote"),
      pullQuote: editor.isActive("pullQuote"),
    },
    can: {
      paragraph: can().setParagraph(),
      heading2: can().toggleHeading({ level: 2 }),
      heading3: can().toggleHeading({ level: 3 }),
      bold: can().toggleBold(),
      italic: can().toggleItalic(),
      link: can().setLink({ href: "https://example.com" }),
      bulletList: can().toggleBulletList(),
      orderedList: can().toggleOrderedList(),
      blockquote: can().toggleBlockquote(),
      pullQuote: can().togglePullQuote(),
      horizontalRule: can().setHorizontalRule(),
      undo: can().undo(),
      redo: can().redo(),
    },
    figure: selectedFigure(editor),
    attribution: editor.isActive("pullQuote")
      ? String(editor.getAttributes("pullQuote").attribution ?? "")
      : null,
    words: editor.storage.characterCount.words(),
  };
}

type EditorUiState = ReturnType<typeof readEditorState>;

/** The editor's content as a body, or why it cannot be one. */
function readBody(editor: Editor): { body: ArticleBody | null; error: string | null } {
  try {
    return { body: normalizeEditorJson(editor.getJSON()), error: null };
  } catch (error) {
    return { body: null, error: describeBodyError(error) };
  }
}

// ---------------------------------------------------------------------------------------------
// Toolbar

interface ToolbarItem {
  /** The button's text, hence its accessible name. */
  name: string;
  /** Shown instead of the plain name (same words, styled). */
  display?: ReactNode;
  shortcut?: string;
  /** Set for toggles: whether the format applies at the selection. */
  pressed?: boolean;
  enabled: boolean;
  expanded?: boolean;
  controls?: string;
  run: () => void;
}

/**
 * One tab stop for the whole toolbar (WAI-ARIA toolbar pattern): arrow keys, Home and End move
 * between buttons. Unavailable buttons stay focusable with aria-disabled, so the roving focus
 * never lands on nothing.
 */
function Toolbar({ groups }: { groups: { label: string; items: ToolbarItem[] }[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>("button") ?? []);
    const index = buttons.findIndex((b) => b === document.activeElement);
    const targets: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: -1 };
    const target = targets[event.key];
    if (index < 0 || target === undefined) return;
    event.preventDefault();
    buttons.at(target % buttons.length)?.focus();
  }

  // Each button's place in the whole toolbar, across groups.
  const offsets = groups.map((_, g) => groups.slice(0, g).reduce((n, group) => n + group.items.length, 0));
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Formatting"
      onKeyDown={onKeyDown}
      className="flex flex-wrap gap-x-3 gap-y-1 rounded-t-md border-b border-rule bg-surface px-2 py-1.5"
    >
      {groups.map((group, g) => (
        <div key={group.label} role="group" aria-label={group.label} className="flex flex-wrap gap-0.5">
          {group.items.map((item, i) => {
            const position = (offsets[g] ?? 0) + i;
            return (
              <button
                key={item.name}
                type="button"
                tabIndex={position === current ? 0 : -1}
                className={BUTTON_CLASS}
                aria-pressed={item.pressed}
                aria-disabled={!item.enabled || undefined}
                aria-expanded={item.expanded}
                aria-controls={item.controls}
                aria-keyshortcuts={item.shortcut ? ariaShortcut(item.shortcut) : undefined}
                title={item.shortcut ? `${item.name} (${shortcutLabel(item.shortcut)})` : undefined}
                onFocus={() => setCurrent(position)}
                // Keep the editor's focus and selection when clicking; commands refocus it anyway.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  if (item.enabled) item.run();
                }}
              >
                {item.display ?? item.name}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Panels under the toolbar

/** Enter in a panel field must not submit the article form this editor sits in. */
function onFieldEnter(event: KeyboardEvent<HTMLInputElement>, action?: () => void) {
  if (event.key !== "Enter") return;
  event.preventDefault();
  action?.();
}

function applyLink(editor: Editor, href: string) {
  // With nothing selected and no link to change, the address itself becomes the link text.
  if (editor.state.selection.empty && !editor.isActive("link")) {
    const text = href.replace(/^mailto:/, "");
    editor
      .chain()
      .focus()
      .insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] })
      .run();
    return;
  }
  editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
}

function LinkPanel({
  id,
  editor,
  initialHref,
  onClose,
}: {
  id: string;
  editor: Editor;
  initialHref: string;
  onClose: () => void;
}) {
  const inputId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);

  // Opened from the toolbar or Mod-k: the address field is where the author continues.
  useEffect(() => inputRef.current?.focus(), []);

  function apply() {
    const href = completeHref(value);
    if (!href) return setError("Enter a web address, an email address or a path such as /about.");
    if (!isSafeHref(href)) return setError("Links must be http(s), mailto or a path on this site.");
    applyLink(editor, href);
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  }

  function cancel() {
    editor.commands.focus();
    onClose();
  }

  return (
    <div id={id} role="group" aria-label="Link" className={PANEL_CLASS}>
      <div className="min-w-64 flex-1">
        <label htmlFor={inputId} className="mb-1 block font-medium text-ink">
          Link address
        </label>
        <input
          id={inputId}
          ref={inputRef}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          className={INPUT_CLASS}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") cancel();
            onFieldEnter(event, apply);
          }}
        />
        {error ? (
          <p id={errorId} role="alert" className="mt-1 font-medium text-accent-ink">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex gap-2">
        <button type="button" className={PRIMARY_BUTTON_CLASS} onClick={apply}>
          Apply
        </button>
        {initialHref ? (
          <button type="button" className={SECONDARY_BUTTON_CLASS} onClick={remove}>
            Remove
          </button>
        ) : null}
        <button type="button" className={SECONDARY_BUTTON_CLASS} onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function TextField({
  label,
  value,
  onChange,
  required,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  error?: string | null;
  hint?: string;
}) {
  const id = useId();
  const messageId = useId();
  const message = error ?? hint;
  return (
    <div className="min-w-48 flex-1">
      <label htmlFor={id} className="mb-1 block font-medium text-ink">
        {label}
        {required ? <span className="text-muted"> (required)</span> : null}
      </label>
      <input
        id={id}
        type="text"
        className={INPUT_CLASS}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={message ? messageId : undefined}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => onFieldEnter(event)}
      />
      {message ? (
        <p id={messageId} className={error ? "mt-1 font-medium text-accent-ink" : "mt-1 text-muted"}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Alt text, caption and credit of the selected figure. Each keystroke updates the node (the
 * value shown is read back from the editor), so undo and the saved body always agree with it.
 */
function FigurePanel({ editor, figure }: { editor: Editor; figure: FigureAttrs }) {
  const update = (attrs: Partial<FigureAttrs>) => editor.commands.updateFigure(attrs);
  return (
    <div role="group" aria-label="Image details" className={PANEL_CLASS}>
      <TextField
        label="Alt text"
        required
        value={figure.alt}
        onChange={(alt) => update({ alt })}
        error={figure.alt.trim() ? null : "Describe the image for readers who cannot see it."}
      />
      <TextField label="Caption" value={figure.caption} onChange={(caption) => update({ caption })} />
      <TextField label="Credit" value={figure.credit} onChange={(credit) => update({ credit })} />
      <button
        type="button"
        className={SECONDARY_BUTTON_CLASS}
        onClick={() => editor.chain().focus().deleteSelection().run()}
      >
        Remove image
      </button>
    </div>
  );
}

function PullQuotePanel({ editor, attribution }: { editor: Editor; attribution: string }) {
  return (
    <div role="group" aria-label="Pull quote" className={PANEL_CLASS}>
      <TextField
        label="Pull quote attribution"
        value={attribution}
        hint="Who said it; leave empty for none."
        onChange={(value) => editor.commands.updateAttributes("pullQuote", { attribution: value })}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

function toolbarGroups(
  editor: Editor | null,
  ui: EditorUiState | null,
  link: { open: boolean; panelId: string; toggle: () => void },
  image: { busy: boolean; insert: () => void },
): { label: string; items: ToolbarItem[] }[] {
  const run = (command: (e: Editor) => unknown) => () => {
    if (editor) command(editor);
  };
  const a = ui?.active;
  const c = ui?.can;
  return [
    {
      label: "Block type",
      items: [
        {
          name: "Paragraph",
          shortcut: SHORTCUTS.paragraph,
          pressed: !!a?.paragraph,
          enabled: !!c?.paragraph,
          run: run((e) => e.chain().focus().setParagraph().run()),
        },
        {
          name: "Heading 2",
          shortcut: SHORTCUTS.heading2,
          pressed: !!a?.heading2,
          enabled: !!c?.heading2,
          run: run((e) => e.chain().focus().toggleHeading({ level: 2 }).run()),
        },
        {
          name: "Heading 3",
          shortcut: SHORTCUTS.heading3,
          pressed: !!a?.heading3,
          enabled: !!c?.heading3,
          run: run((e) => e.chain().focus().toggleHeading({ level: 3 }).run()),
        },
      ],
    },
    {
      label: "Text",
      items: [
        {
          name: "Bold",
          display: <span className="font-bold">Bold</span>,
          shortcut: SHORTCUTS.bold,
          pressed: !!a?.bold,
          enabled: !!c?.bold,
          run: run((e) => e.chain().focus().toggleBold().run()),
        },
        {
          name: "Italic",
          display: <span className="italic">Italic</span>,
          shortcut: SHORTCUTS.italic,
          pressed: !!a?.italic,
          enabled: !!c?.italic,
          run: run((e) => e.chain().focus().toggleItalic().run()),
        },
        {
          name: "Link",
          shortcut: SHORTCUTS.link,
          pressed: !!a?.link,
          enabled: !!c?.link || !!a?.link,
          expanded: link.open,
          controls: link.open ? link.panelId : undefined,
          run: link.toggle,
        },
      ],
    },
    {
      label: "Lists and quotes",
      items: [
        {
          name: "Bullet list",
          shortcut: SHORTCUTS.bulletList,
          pressed: !!a?.bulletList,
          enabled: !!c?.bulletList,
          run: run((e) => e.chain().focus().toggleBulletList().run()),
        },
        {
          name: "Numbered list",
          shortcut: SHORTCUTS.orderedList,
          pressed: !!a?.orderedList,
          enabled: !!c?.orderedList,
          run: run((e) => e.chain().focus().toggleOrderedList().run()),
        },
        {
          name: "Quote",
          shortcut: SHORTCUTS.blockquote,
          pressed: !!a?.blockquote,
          enabled: !!c?.blockquote,
          run: run((e) => e.chain().focus().toggleBlockquote().run()),
        },
        {
          name: "Pull quote",
          shortcut: SHORTCUTS.pullQuote,
          pressed: !!a?.pullQuote,
          enabled: !!c?.pullQuote,
          run: run((e) => e.chain().focus().togglePullQuote().run()),
        },
      ],
    },
    {
      label: "Insert",
      items: [
        {
          name: "Image",
          display: image.busy ? "Image…" : "Image",
          enabled: !!editor && !image.busy,
          run: image.insert,
        },
        {
          name: "Horizontal rule",
          enabled: !!c?.horizontalRule,
          run: run((e) => e.chain().focus().setHorizontalRule().run()),
        },
      ],
    },
    {
      label: "History",
      items: [
        {
          name: "Undo",
          shortcut: SHORTCUTS.undo,
          enabled: !!c?.undo,
          run: run((e) => e.chain().focus().undo().run()),
        },
        {
          name: "Redo",
          shortcut: SHORTCUTS.redo,
          enabled: !!c?.redo,
          run: run((e) => e.chain().focus().redo().run()),
        },
      ],
    },
  ];
}

export function BodyEditor({ initialBody, onChange, labelledBy, pickImage }: BodyEditorProps) {
  const linkPanelId = useId();
  // The href the link panel opened with; null while it is closed.
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const [pickingImage, setPickingImage] = useState(false);

  // Created once: the editor reads its extensions and content only when it is built.
  const [extensions] = useState(() =>
    createEditorExtensions({
      onRequestLink: (editor) => setLinkDraft(currentHref(editor)),
      pullQuoteClass: PULL_QUOTE_CLASS,
    }),
  );
  const [content] = useState(() => bodyToEditorJson(initialBody));
  const editorProps = useMemo(
    () => ({
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        class: EDITABLE_CLASS,
      },
      transformPastedHTML: tablesAsParagraphs,
    }),
    [labelledBy],
  );

  const editor = useEditor({
    extensions,
    content,
    editorProps,
    // Rendered on the client only: no editor markup in the server HTML, no hydration mismatch.
    immediatelyRender: false,
    // useEditor calls the latest onUpdate, so a new onChange from the parent is picked up.
    onUpdate: ({ editor }) => {
      const { body, error } = readBody(editor);
      onChange(body, error, editor.storage.characterCount.words());
    },
  });
  const selected = useEditorState({ editor, selector: ({ editor }) => (editor ? readEditorState(editor) : null) });
  // Until the first transaction the selector has not run: read the new editor directly, so that
  // the toolbar and the word count are right from the start.
  const ui = selected ?? (editor ? readEditorState(editor) : null);

  async function insertImage() {
    if (!editor) return;
    setPickingImage(true);
    try {
      const picked = await pickImage();
      // The author may have left the page while the picker was open.
      if (picked && !editor.isDestroyed) editor.chain().focus().insertFigure(picked).run();
    } finally {
      setPickingImage(false);
    }
  }

  const groups = toolbarGroups(
    editor,
    ui,
    {
      open: linkDraft !== null,
      panelId: linkPanelId,
      toggle: () => setLinkDraft((draft) => (draft === null && editor ? currentHref(editor) : null)),
    },
    { busy: pickingImage, insert: () => void insertImage() },
  );

  return (
    <div className="rounded-md border border-rule bg-paper">
      <Toolbar groups={groups} />
      {editor && linkDraft !== null ? (
        <LinkPanel
          id={linkPanelId}
          editor={editor}
          initialHref={linkDraft}
          onClose={() => setLinkDraft(null)}
        />
      ) : null}
      {editor && ui?.figure ? <FigurePanel editor={editor} figure={ui.figure} /> : null}
      {editor && ui?.attribution !== null && ui?.attribution !== undefined ? (
        <PullQuotePanel editor={editor} attribution={ui.attribution} />
      ) : null}
      <EditorContent editor={editor} className="min-h-80" />
      <p className="border-t border-rule px-4 py-2 text-sm text-muted">
        {ui ? `${wordFormat.format(ui.words)} ${ui.words === 1 ? "word" : "words"}` : "\u00a0"}
      </p>
    </div>
  );
}
