import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { initialTheme } from "@/components/site/theme-toggle.client";
import { THEME_INIT_SCRIPT } from "./theme-init.mjs";

// The theme script inline in every page's head (theme-init.mjs) and the same choice where React
// takes over <html> (theme-toggle.client.tsx) must agree: the stored choice, else the system's,
// else light where storage cannot be read.

type Browser = { stored?: string | null; storageThrows?: boolean; systemDark?: boolean; noMatchMedia?: boolean };

function browserGlobals({ stored = null, storageThrows = false, systemDark = false, noMatchMedia = false }: Browser) {
  const localStorage = {
    getItem: (key: string) => {
      if (storageThrows) throw new Error("SecurityError: storage is disabled");
      return key === "theme" ? stored : null;
    },
  };
  const matchMedia = noMatchMedia ? undefined : (query: string) => ({ matches: query === "(prefers-color-scheme: dark)" && systemDark });
  const window = { localStorage, matchMedia };
  return { localStorage, matchMedia, window, document: { documentElement: { dataset: {} as Record<string, string> } } };
}

/** What the inline script sets on <html>, run as a browser would run it. */
function scriptTheme(browser: Browser): string | undefined {
  const globals = browserGlobals(browser);
  runInNewContext(THEME_INIT_SCRIPT, globals);
  return globals.document.documentElement.dataset.theme;
}

/** What the client component chooses in the same browser. */
function componentTheme(browser: Browser): string {
  const globals = browserGlobals(browser);
  Object.assign(globalThis, { localStorage: globals.localStorage, window: globals.window });
  return initialTheme();
}

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
  delete (globalThis as { window?: unknown }).window;
});

describe("the theme before first paint", () => {
  const cases: [Browser, string][] = [
    [{ stored: "dark", systemDark: false }, "dark"],
    [{ stored: "light", systemDark: true }, "light"],
    [{ stored: null, systemDark: true }, "dark"],
    [{ stored: null, systemDark: false }, "light"],
    // Anything else stored is not "dark".
    [{ stored: "sepia", systemDark: true }, "light"],
    // Storage refused (blocked cookies, some private modes), or no matchMedia: light, no error.
    [{ storageThrows: true, systemDark: true }, "light"],
    [{ stored: null, noMatchMedia: true }, "light"],
  ];

  it.each(cases)("%o → %s, in the inline script and in the component alike", (browser, expected) => {
    expect(scriptTheme(browser)).toBe(expected);
    expect(componentTheme(browser)).toBe(expected);
  });

  it("cannot end its <script> element early, nor change under the HTML parser's newline rules", () => {
    // The policy names the hash of this text; the browser hashes the element's text as parsed.
    expect(THEME_INIT_SCRIPT).not.toMatch(/<\/|<!--|\r/i);
  });
});
