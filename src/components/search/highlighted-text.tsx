import { Fragment } from "react";
import type { HighlightSegment } from "@/lib/highlight";

/** A snippet's segments as React text, matches in <mark>: never an HTML string. */
export function HighlightedText({ segments }: { segments: HighlightSegment[] }) {
  return segments.map((s, i) =>
    s.highlight ? (
      <mark key={i} className="rounded-xs bg-yellow-200 px-0.5 text-ink dark:bg-yellow-300/30">
        {s.text}
      </mark>
    ) : (
      <Fragment key={i}>{s.text}</Fragment>
    ),
  );
}
