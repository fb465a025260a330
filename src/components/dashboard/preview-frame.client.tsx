"use client";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/dashboard/form-bits";

const widths = { Desktop: 1280, Mobile: 375 } as const;

/** The reader's page in a frame at a phone's or a desktop's width. */
export function PreviewFrame({ src }: { src: string }) {
  const [device, setDevice] = useState<keyof typeof widths>("Desktop");
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
        <iframe title={`Article preview at ${device.toLowerCase()} width`} src={src} style={{ width: widths[device], height: "80vh" }} className="mx-auto block max-w-none bg-paper" />
      </div>
    </div>
  );
}
