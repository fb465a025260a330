"use client";
import { useSyncExternalStore } from "react";

const unchanging = () => () => {};

/**
 * A value only the browser knows (its time zone, its origin, that it has hydrated): `onServer`
 * in the server's HTML and during hydration, so the two match; `inBrowser()` right after.
 */
export function useBrowserValue<T>(inBrowser: () => T, onServer: T): T {
  return useSyncExternalStore(unchanging, inBrowser, () => onServer);
}
