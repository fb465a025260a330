"use client";

import { useEffect } from "react";

/**
 * Links on a 404 or 500 page load their page whole. Next.js's client navigation from one changes
 * the address but keeps the message on screen: the global 404's (vercel/next.js#88341), and the
 * message of a page that called notFound() or failed to render stays above the next page's. So a
 * click on a link is stopped before React sees it and left to the browser.
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
