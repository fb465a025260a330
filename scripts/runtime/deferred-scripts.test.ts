import { runInNewContext } from "node:vm";
import { createElement as h } from "react";
import { preinit } from "react-dom";
import { renderToReadableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DEFERRED_SCRIPTS_LOADER, deferFrameworkScripts, pageScriptSources } from "./deferred-scripts.mjs";
import { inlineScriptHashes } from "./script-hashes.mjs";

// A reader page's framework scripts, taken out of its HTML and added again by a constant inline
// script once the page has been painted (deferred-scripts.mjs). The page is written by React, as
// Next.js has it write one: its chunks preinitialised as async scripts, its bootstrap script last.

const CHUNKS = ["/_next/static/chunks/react-dom.js", "/_next/static/chunks/router.js"];
const BOOTSTRAP = "/_next/static/chunks/main.js";

function Chunks({ options = {} }: { options?: Parameters<typeof preinit>[1] extends infer O ? Partial<O> : never }) {
  for (const src of CHUNKS) preinit(src, { as: "script", ...options });
  return null;
}

async function reactPage(options?: Parameters<typeof Chunks>[0]["options"]): Promise<string> {
  const page = h(
    "html",
    { lang: "en" },
    h("head", null, h("title", null, "Story")),
    h("body", null, h(Chunks, { options }), h("main", null, h("h1", null, "Story"), h("p", null, "Words."))),
  );
  const stream = await renderToReadableStream(page, { bootstrapScripts: [BOOTSTRAP], onError: () => {} });
  await stream.allReady;
  return new Response(stream).text();
}

/** The loader run as a browser would run it, with the page visible or not; what it appended, and when. */
function runLoader(sources: string, visibilityState: "visible" | "hidden") {
  const appended: { src: string; async: boolean }[] = [];
  const frames: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  const document = {
    visibilityState,
    currentScript: { getAttribute: (name: string) => (name === "data-src" ? sources : null) },
    createElement: (tag: string) => ({ tag, src: "", async: false }),
    head: { appendChild: (element: { src: string; async: boolean }) => appended.push({ src: element.src, async: element.async }) },
  };
  runInNewContext(DEFERRED_SCRIPTS_LOADER, {
    document,
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    setTimeout: (callback: () => void) => tasks.push(callback),
  });
  return { appended, frames, tasks };
}

describe("a reader page's framework scripts, after first paint", () => {
  it("takes React's chunk scripts and the bootstrap script's preload out and names them, in order, in one loader at the end of the body", async () => {
    const html = await reactPage();
    // React wrote what Next.js's pages carry: async scripts, a low-priority preload, React's shell id.
    expect(html).toContain(`<script src="${CHUNKS[0]}" async=""></script>`);
    expect(html).toContain(`<link rel="preload" as="script" fetchPriority="low" href="${BOOTSTRAP}"/>`);
    expect(html).toMatch(new RegExp(`<script src="${BOOTSTRAP}" id="[^"]+" async=""></script>`));

    const deferred = deferFrameworkScripts(html);
    expect(deferred).not.toMatch(/<script\s[^>]*\ssrc=/);
    expect(deferred).not.toContain('as="script"');
    const loader = `<script data-src="${[...CHUNKS, BOOTSTRAP].join(" ")}">${DEFERRED_SCRIPTS_LOADER}</script>`;
    expect(deferred.endsWith(`${loader}</body></html>`)).toBe(true);
    // Nothing else changed: the page is the same without those elements.
    const without = (page: string) =>
      page
        .replace(loader, "")
        .replace(/<script src="[^"]*"(?: id="[^"]*")? async=""><\/script>/g, "")
        .replace(/<link rel="preload" as="script"[^>]*\/>/g, "");
    expect(without(deferred)).toBe(without(html));
    expect(deferred).toContain("<main><h1>Story</h1><p>Words.</p></main>");
  });

  it("names the loader's hash in the page's policy, as one of the constant inline scripts", async () => {
    const { hashes, refused } = inlineScriptHashes(deferFrameworkScripts(await reactPage()));
    expect(refused).toBe(0);
    expect(hashes).toHaveLength(1);
    const [only] = inlineScriptHashes(`<script>${DEFERRED_SCRIPTS_LOADER}</script>`).hashes;
    expect(hashes).toEqual([only]);
  });

  it("adds the scripts after a frame and the task after it, in order and async, when the page is shown", () => {
    const { appended, frames, tasks } = runLoader(`${CHUNKS.join(" ")} ${BOOTSTRAP}`, "visible");
    expect(appended).toEqual([]);
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(appended).toEqual([]);
    expect(tasks).toHaveLength(1);
    tasks[0]!();
    expect(appended).toEqual([...CHUNKS, BOOTSTRAP].map((src) => ({ src, async: true })));
  });

  it("adds them at once to a page not being shown (a background tab, a prerender), where no frame comes", () => {
    const { appended, frames, tasks } = runLoader(`${CHUNKS.join(" ")} ${BOOTSTRAP}`, "hidden");
    expect(frames).toEqual([]);
    expect(tasks).toEqual([]);
    expect(appended.map((s) => s.src)).toEqual([...CHUNKS, BOOTSTRAP]);
  });

  it("leaves a page alone whose chunk scripts carry more than React writes by default, or that has none, or no end of body", async () => {
    const withIntegrity = await reactPage({ integrity: "sha384-abc", crossOrigin: "anonymous" });
    expect(withIntegrity).toContain('integrity="sha384-abc"');
    expect(deferFrameworkScripts(withIntegrity)).toBe(withIntegrity);
    const plain = "<!doctype html><html><head><title>x</title></head><body><p>x</p></body></html>";
    expect(deferFrameworkScripts(plain)).toBe(plain);
    const cut = (await reactPage()).replace("</body>", "");
    expect(deferFrameworkScripts(cut)).toBe(cut);
    // Another site's script, or one of ours not from the build, is not the framework's.
    const foreign = plain.replace("</body>", '<script src="https://example.com/a.js" async=""></script></body>');
    expect(deferFrameworkScripts(foreign)).toBe(foreign);
  });

  it("keeps the polyfills for browsers without modules where they are (modern browsers skip them)", async () => {
    const html = (await reactPage()).replace("<title>", '<script src="/_next/static/chunks/polyfills.js" noModule=""></script><title>');
    const deferred = deferFrameworkScripts(html);
    expect(deferred).toContain('<script src="/_next/static/chunks/polyfills.js" noModule=""></script><title>');
    expect(deferred).toContain(`data-src="${[...CHUNKS, BOOTSTRAP].join(" ")}"`);
  });

  it("lists the script files a page loads, as sent and deferred alike, for the benches and tests", async () => {
    const html = (await reactPage()).replace("<title>", '<script src="/_next/static/chunks/polyfills.js" noModule=""></script><title>');
    expect(pageScriptSources(html)).toEqual([...CHUNKS, BOOTSTRAP]);
    expect(pageScriptSources(deferFrameworkScripts(html))).toEqual([...CHUNKS, BOOTSTRAP]);
    // A data-src on anything but the loader names nothing.
    expect(pageScriptSources('<script data-src="/x.js">alert(1)</script>')).toEqual([]);
  });
});
