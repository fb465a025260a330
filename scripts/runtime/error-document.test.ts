import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtErrorPage, completeRecoveryShell, errorDocumentFor, errorPageStatus, isRecoveryShell } from "./error-document.mjs";
import { THEME_INIT_SCRIPT } from "./theme-init.mjs";

// A missing or failed page's empty document from Next.js, completed with an error page's head
// and body (error-document.mjs). Shapes as Next.js 16.4 writes them (trimmed).

const shell =
  '<!DOCTYPE html><html id="__next_error__"><head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/page.js"/>' +
  '<script src="/_next/static/chunks/main.js" async=""></script><link rel="preload" href="/_next/static/chunks/site.css" as="style"/>' +
  '<meta name="robots" content="noindex"/></head><body><script src="/_next/static/chunks/page.js" id="_R_" async=""></script>' +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"the missing page"])</script></body></html>';

const notFoundPage =
  '<!DOCTYPE html><html lang="en" class="fonts"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/not-found.js"/>' +
  '<script src="/_next/static/chunks/not-found.js" async=""></script><meta name="robots" content="noindex"/>' +
  '<title>Page not found</title><script>' +
  THEME_INIT_SCRIPT +
  '</script><script>alert(1)</script></head>' +
  '<body class="bg-paper"><div hidden=""><!--$--><!--/$--></div><header><a href="#main">Skip to content</a></header>' +
  '<main id="main"><h1>We can’t find that page</h1><script type="application/ld+json">{"@type":"WebSite"}</script></main>' +
  '<script src="/_next/static/chunks/not-found.js" id="_R_" async=""></script>' +
  '<script>(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>' +
  '<script>self.__next_f.push([1,"the not-found page"])</script></body></html>';

describe("a missing or failed page written out whole", () => {
  it("completes a missing page with the not-found page and a failed one with the 500 page", () => {
    expect(errorDocumentFor(404)).toEqual({ path: "/_not-found", status: 404, built: "_not-found.html" });
    // Next.js answers the path /500 with status 500, whatever page is there.
    expect(errorDocumentFor(500)).toEqual({ path: "/500", status: 500, built: "500.html" });
    expect(errorDocumentFor(503)).toEqual({ path: "/500", status: 500, built: "500.html" });
    for (const status of [200, 301, 403, 410, 499, 600]) expect(errorDocumentFor(status)).toBeNull();
    // The page cache keeps those two answers, and no other error.
    expect(errorPageStatus("/_not-found")).toBe(404);
    expect(errorPageStatus("/500")).toBe(500);
    expect(errorPageStatus("/politics")).toBeUndefined();
  });

  it("knows Next.js's empty recovery document", () => {
    expect(isRecoveryShell(shell)).toBe(true);
    expect(isRecoveryShell(notFoundPage)).toBe(false);
    expect(isRecoveryShell('<!DOCTYPE html><html lang="en"><head></head><body>id="__next_error__"</body></html>')).toBe(false);
  });

  it("puts the not-found page's head and markup around the empty document's own scripts", () => {
    expect(completeRecoveryShell(shell, notFoundPage)).toBe(
      // Still the recovery document (the browser draws it afresh), in the page's language and fonts…
      '<!DOCTYPE html><html id="__next_error__" lang="en" class="fonts"><head>' +
        // …with the page's head but not its scripts: the theme script is ours, and stays; any other
        // inline script goes…
        '<meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>' +
        '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>' +
        '<meta name="robots" content="noindex"/><title>Page not found</title><script>' +
        THEME_INIT_SCRIPT +
        '</script>' +
        // …then the empty document's head, its noindex said once.
        '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/page.js"/>' +
        '<script src="/_next/static/chunks/main.js" async=""></script><link rel="preload" href="/_next/static/chunks/site.css" as="style"/>' +
        '</head><body class="bg-paper">' +
        // The page's markup, its data kept and its scripts gone…
        '<div hidden=""><!--$--><!--/$--></div><header><a href="#main">Skip to content</a></header>' +
        '<main id="main"><h1>We can’t find that page</h1><script type="application/ld+json">{"@type":"WebSite"}</script></main>' +
        // …then the scripts that draw the missing page.
        '<script src="/_next/static/chunks/page.js" id="_R_" async=""></script>' +
        '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"the missing page"])</script>' +
        "</body></html>",
    );
  });

  it("says noindex once however often the two documents say it", () => {
    const twice = notFoundPage.replace("<title>", '<meta name="robots" content="noindex"/><title>');
    expect(completeRecoveryShell(shell, twice)?.match(/<meta name="robots"[^>]*>/g)).toEqual(['<meta name="robots" content="noindex"/>']);
  });

  it("leaves alone what is not the documents expected", () => {
    expect(completeRecoveryShell(notFoundPage, notFoundPage)).toBeNull(); // not an empty document
    expect(completeRecoveryShell(shell, shell)).toBeNull(); // the not-found page failed too
    expect(completeRecoveryShell(shell, "<p>Not found</p>")).toBeNull();
    expect(completeRecoveryShell(`${shell}<p>after the end</p>`, notFoundPage)).toBeNull();
  });

  it("reads the build's copy of an error page, or says there is none", async () => {
    const distDir = mkdtempSync(path.join(tmpdir(), "error-document-"));
    try {
      mkdirSync(path.join(distDir, "server/app"), { recursive: true });
      writeFileSync(path.join(distDir, "server/app/500.html"), notFoundPage);
      expect(await builtErrorPage(errorDocumentFor(500)!, distDir)).toBe(notFoundPage);
      expect(await builtErrorPage(errorDocumentFor(404)!, distDir)).toBeNull();
    } finally {
      rmSync(distDir, { recursive: true, force: true });
    }
  });
});
