"use client";

import { useEffect } from "react";

/**
 * Links on the global 404 page load their page whole. Next.js's client navigation from that page
 * changes the address but keeps showing the 404 (vercel/next.js#88341), so a click on a link is
 * stopped before React sees it and left to the browser.
 */
export function DocumentLinks() {
  useEffect(() => {
    const leaveToBrowser = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest("a[href]")) event.stopPropagation();
    };
    window.addEventListener("click", leaveToBrowser, true);
    return () => window.removeEventListener("click", leaveToBrowser, true);
  }, []);
  return null;
}
