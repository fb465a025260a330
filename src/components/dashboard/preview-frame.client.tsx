"use client";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/dashboard/form-bits";
import { useBrowserValue } from "@/components/ui/browser-value";

const widths = { Desktop: 1280, Mobile: 375 } as const;

/**
 * The reader's page in a frame at a phone's or a desktop's width. The frame is made in the
 * browser, once hydrated: in the server's HTML it streamed inside a hidden boundary, began loading
 * there and loaded again when React moved it into place (every preview rendered twice).
 */
export function PreviewFrame({ src }: { src: string }) {
  const [device, setDevice] = useState<keyof typeof widths>("Desktop");
  const hydrated = useBrowserValue(() => true, false);
  const size = { width: widths[device], height: "80vh" };
  return (
    <div>
      <div role="group" aria-label="Preview width" className="mb-3 flex gap-2">
        {(Object.keys(widths) as (keyof typeof widths)[]).map((name) => (
          <button key={name} type="button" aria-pressed={device === name} onClick={() => setDevice(name)}
            className={`${secondaryButtonClass} aria-pressed:bg-ink aria-pressed:text-paper`}>
            {name} ({widths[name]} px)
          </button>
        ))}
      </div>
      <div className="overflow-x-auto rounded-md border border-rule bg-surface p-2">
        {hydrated ? (
          <iframe title={`Article preview at ${device.toLowerCase()} width`} src={src} style={size} className="mx-auto block max-w-none bg-paper" />
        ) : (
          <p style={size} className="mx-auto grid max-w-none place-items-center bg-paper text-sm">Loading the preview…</p>
        )}
      </div>
    </div>
  );
}
