import { createElement as h, Suspense, use, type ReactNode } from "react";
import { renderToReadableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { inlineStreamedBoundaries } from "./streamed-boundaries.mjs";

// A page's streamed Suspense boundaries, put in place as React's $RC would put them
// (streamed-boundaries.mjs). React itself writes both forms compared here: the page streamed (the
// data came after the shell went out) and the page whole (the data was there before).

const later = <T,>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

function Data({ value, children }: { value: Promise<string>; children?: ReactNode }) {
  return h("div", { className: "result" }, h("p", null, use(value)), h("div", null, h("span", null, "nested div")), children);
}

function Failing({ value }: { value: Promise<string> }): ReactNode {
  throw new Error(use(value));
}

/** A page like search's: two nested boundaries, a style whose text holds markup, JSON-LD. */
function page(outer: Promise<string>, inner: Promise<string>, extra: ReactNode = null) {
  return h(
    "html",
    null,
    h("body", null,
      h("main", null,
        h("form", null, h("input", { name: "q" })),
        h(Suspense, { fallback: h("p", null, "Searching…") },
          h(Data, { value: outer },
            h("style", { dangerouslySetInnerHTML: { __html: '.x::after{content:"</div></div>"}' } }),
            h("script", { type: "application/ld+json", dangerouslySetInnerHTML: { __html: '{"a":"\\u003c/div>"}' } }),
            h(Suspense, { fallback: h("p", null, "Loading more…") }, h(Data, { value: inner })),
          ),
        ),
        extra,
      ),
      h("footer", null, "Footer"),
    ),
  );
}

async function render(element: ReactNode, whole: boolean): Promise<string> {
  const stream = await renderToReadableStream(element, { onError: () => {} });
  if (whole) await stream.allReady;
  return new Response(stream).text();
}

const withoutScripts = (html: string) => html.replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script>/g, "");

describe("streamed boundaries put in place", () => {
  it("writes a streamed page as React writes it whole: content in place, no fallback, no hidden segment", async () => {
    const streamedHtml = await render(page(later("First result", 20), later("Second result", 40)), false);
    const wholeHtml = await render(page(Promise.resolve("First result"), Promise.resolve("Second result")), true);
    // React did stream it: fallbacks in place, the results in hidden segments.
    expect(streamedHtml).toContain('<div hidden id="S:');
    expect(streamedHtml).toContain("Searching…");
    expect(wholeHtml).not.toContain('<div hidden id="S:');

    const placed = inlineStreamedBoundaries(streamedHtml);
    expect(placed).not.toContain('<div hidden id="S:');
    expect(placed).not.toContain("Searching…");
    expect(placed).not.toContain("Loading more…");
    expect(withoutScripts(placed)).toBe(withoutScripts(wholeHtml));
    // The results come before the footer, where the reader reads them.
    expect(placed.indexOf("Second result")).toBeLessThan(placed.indexOf("Footer"));
    expect(placed.indexOf("First result")).toBeLessThan(placed.indexOf("Second result"));
  });

  it("leaves a boundary React gave up on (an error: the browser renders it) as React wrote it", async () => {
    const errored = page(later("First result", 20), later("Second result", 40), h(Suspense, { fallback: h("p", null, "Broken part") }, h(Failing, { value: later("boom", 30) })));
    const streamedHtml = await render(errored, false);
    expect(streamedHtml).toContain("$RX");
    const placed = inlineStreamedBoundaries(streamedHtml);
    expect(placed).toContain("Broken part");
    expect(placed).not.toContain("Searching…");
    expect(placed).not.toContain('<div hidden id="S:');
  });

  it("changes nothing in a page without streamed boundaries, or with its pieces missing", async () => {
    const wholeHtml = await render(page(Promise.resolve("First result"), Promise.resolve("Second result")), true);
    expect(inlineStreamedBoundaries(wholeHtml)).toBe(wholeHtml);
    const streamedHtml = await render(page(later("First result", 20), later("Second result", 40)), false);
    const withoutFallback = streamedHtml.replace('<template id="B:0"></template>', "");
    const placed = inlineStreamedBoundaries(withoutFallback);
    expect(placed).toContain('<div hidden id="S:0">');
    expect(placed).toContain("Searching…");
  });
});
