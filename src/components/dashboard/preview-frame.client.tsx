"use client";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/dashboard/form-bits";
import { useBrowserValue } from "@/components/ui/browser-value";

const widths = { Desktop: 1280, Mobile: 375 } as const;
type Device = keyof typeof widths;
/** Below this width the desktop preview would scroll sideways inside its box: start at a phone's. */
const narrowScreen = "(max-width: 767px)";

/**
 * The reader's page in a frame at a phone's or a desktop's width. The frame is made in the
 * browser, once hydrated: in the server's HTML it streamed inside a hidden boundary, began loading
 * there and loaded again when React moved it into place (every preview rendered twice). On a
 * phone it opens at the phone's width until someone picks the other.
 */
export function PreviewFrame({ src }: { src: string }) {
  const [chosen, setDevice] = useState<Device | null>(null);
  // The width that fits this screen; null until hydrated (the server cannot know it).
  const fitting = useBrowserValue<Device | null>(() => (window.matchMedia(narrowScreen).matches ? "Mobile" : "Desktop"), null);
  const hydrated = fitting !== null;
  const device = chosen ?? fitting ?? "Desktop";
  const size = { width: widths[device], height: "80vh" };
  return (
    <div>
      <div role="group" aria-label="Preview width" className="mb-3 flex gap-2">
        {(Object.keys(widths) as Device[]).map((name) => (
          <button key={name} type="button" aria-pressed={device === name} onClick={() => setDevice(name)}
            className={`${secondaryButtonClass} aria-pressed:bg-ink aria-pressed:text-paper`}>
            {name} ({widths[name]} px)
          </button>
        ))}
      </div>
      <div className="overflow-x-auto rounded-md border border-rule bg-surface p-2">
        {hydrated ? (
          // A phone's width fits the box even on a phone narrower than the preview's 375 px.
          <iframe title={`Article preview at ${device.toLowerCase()} width`} src={src} style={size}
            className={`mx-auto block bg-paper ${device === "Mobile" ? "max-w-full" : "max-w-none"}`} />
        ) : (
          <p style={{ height: size.height }} className="grid place-items-center bg-paper text-sm">Loading the preview…</p>
        )}
      </div>
    </div>
  );
}
