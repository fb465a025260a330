"use client";
import { useBrowserValue } from "@/components/ui/browser-value";

/**
 * A time in the reader's own time zone. The server renders UTC (it cannot know the zone);
 * the browser replaces it after hydration.
 */
export function DateTime({ iso }: { iso: string }) {
  const local = useBrowserValue(
    () => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
    `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`,
  );
  return <time dateTime={iso}>{local}</time>;
}
