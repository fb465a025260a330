"use client";

import { useEffect } from "react";

/**
 * The search form sits in the static shell so that it is never swapped out while someone types.
 * Once the URL is known, this fills it with the current query and section, unless the reader has
 * already started typing (the field has focus or differs from its initial empty value).
 */
export function SearchQuerySync({ q, section }: { q: string; section: string }) {
  useEffect(() => {
    const input = document.getElementById("search-q") as HTMLInputElement | null;
    const select = document.getElementById("search-section") as HTMLSelectElement | null;
    const untouched = (el: HTMLInputElement | HTMLSelectElement) => document.activeElement !== el && el.value === el.dataset.initial;
    if (input && untouched(input)) input.value = q;
    if (select && untouched(select)) select.value = section;
  }, [q, section]);
  return null;
}
