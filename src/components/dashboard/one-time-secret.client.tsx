"use client";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/dashboard/form-bits";
import { useBrowserValue } from "@/components/ui/browser-value";

/**
 * A link or token that is shown once (only its hash is stored): read-only, selectable, with a
 * copy button. Site-relative links are shown in full, with this browser's origin.
 */
export function OneTimeSecret({ id, label, value, note }: { id: string; label: string; value: string; note: string }) {
  const shown = useBrowserValue(() => (value.startsWith("/") ? new URL(value, window.location.origin).href : value), value);
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(shown);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div className="mt-3 rounded-md border border-rule bg-surface p-3">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <p id={`${id}-note`} className="text-sm text-muted">
        {note}
      </p>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          readOnly
          value={shown}
          aria-describedby={`${id}-note`}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-rule bg-paper px-3 py-2 font-mono text-sm text-ink"
        />
        <button type="button" onClick={copy} className={secondaryButtonClass}>
          {copied === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      <p role="status" className="mt-1 text-sm text-muted">
        {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "Could not copy: select the text and copy it yourself." : ""}
      </p>
    </div>
  );
}
