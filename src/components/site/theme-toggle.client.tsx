"use client";

import { useLayoutEffect, useSyncExternalStore } from "react";

type Theme = "light" | "dark";

// The theme lives on <html data-theme> (set before first paint by the inline theme script,
// scripts/runtime/theme-init.mjs): read it from there rather than copying it into state, so the
// button always tells the truth.
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}
const getTheme = (): Theme => (document.documentElement.dataset.theme === "dark" ? "dark" : "light");
const getServerTheme = (): Theme | null => null;

/** Switches between light and dark; the choice is kept in localStorage for the theme script. */
export function ThemeToggle() {
  const theme = useSyncExternalStore<Theme | null>(subscribe, getTheme, getServerTheme);
  const next: Theme = theme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      className="needs-script inline-flex h-11 min-w-11 items-center justify-center rounded-full border border-rule px-3 text-sm font-medium text-ink hover:bg-surface"
      aria-label={theme ? `Switch to ${next} theme` : "Switch theme"}
      onClick={() => {
        document.documentElement.dataset.theme = next;
        try {
          localStorage.setItem("theme", next);
        } catch {
          // Private mode: the choice lasts for this page only.
        }
      }}
    >
      <span aria-hidden="true">{theme === "dark" ? "☀" : "☾"}</span>
      <span className="ml-1.5 hidden sm:inline">{theme === "dark" ? "Light" : "Dark"}</span>
    </button>
  );
}

/**
 * The theme the inline theme script (scripts/runtime/theme-init.mjs) chooses before first paint:
 * the stored choice, else the system's. That script runs before any bundle, so it cannot share
 * this code; keep the two alike.
 */
export function initialTheme(): Theme {
  try {
    const stored = localStorage.getItem("theme");
    if (stored) return stored === "dark" ? "dark" : "light";
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  } catch {
    return "light";
  }
}

/**
 * Puts the theme back on <html> where React draws the whole document in the browser instead of
 * hydrating it (a missing or failed page, scripts/runtime/error-document.mjs): taking over <html>
 * clears the attribute the theme script set. Before the browser paints, so no flash of the other.
 */
export function ThemeAfterClientRender() {
  useLayoutEffect(() => {
    if (!document.documentElement.dataset.theme) document.documentElement.dataset.theme = initialTheme();
  }, []);
  return null;
}
