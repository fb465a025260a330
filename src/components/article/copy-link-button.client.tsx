"use client";

import { useState } from "react";

/** Shares with the device's share sheet where there is one, else copies the link. */
export function CopyLinkButton({ url, title }: { url: string; title: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="inline-flex min-h-11 items-center rounded-full border border-rule px-4 text-sm font-semibold text-ink hover:border-accent"
      onClick={async () => {
        if (typeof navigator.share === "function") {
          try {
            await navigator.share({ url, title });
            return;
          } catch {
            // Dismissed or unavailable: fall back to copying.
          }
        }
        try {
          await navigator.clipboard.writeText(url);
          setCopied(true);
          setTimeout(() => setCopied(false), 2500);
        } catch {
          window.prompt("Copy this link", url);
        }
      }}
    >
      {copied ? "Link copied" : "Share or copy link"}
      <span role="status" className="sr-only">
        {copied ? "Link copied to the clipboard" : ""}
      </span>
    </button>
  );
}
