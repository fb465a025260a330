"use client";
import { useEffect, useRef } from "react";

/**
 * Leaving a page with unsaved work asks first: closing or reloading the tab (the browser's own
 * prompt), and following a link inside the app (which navigates without unloading the page).
 * `unsaved` is read at the moment of leaving.
 */
export function useLeaveGuard(unsaved: () => boolean): void {
  const latest = useRef(unsaved);
  useEffect(() => {
    latest.current = unsaved;
  }, [unsaved]);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current()) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    const guardLinks = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("target") === "_blank" || event.defaultPrevented) return;
      if (latest.current() && !window.confirm("You have unsaved changes. Leave this page anyway?")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", guardLinks, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", guardLinks, true);
    };
  }, []);
}
