"use client";

import { useEffect } from "react";

/** Counts a read for the most-read list once the page has loaded; renders nothing. */
export function ViewBeacon({ articleId }: { articleId: string }) {
  useEffect(() => {
    const body = JSON.stringify({ id: articleId });
    if (!navigator.sendBeacon?.("/api/v1/views", body)) {
      void fetch("/api/v1/views", { method: "POST", body, keepalive: true }).catch(() => {});
    }
  }, [articleId]);
  return null;
}
