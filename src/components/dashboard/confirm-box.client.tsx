"use client";
import { useEffect, useRef, type ReactNode } from "react";
import { dangerButtonClass, secondaryButtonClass } from "@/components/dashboard/form-bits";

/**
 * An inline "are you sure?" in place of the button that asked: the question, the button that does
 * it, and Cancel. Cancel takes the focus (the asking button is gone, and the focus with it), so a
 * keyboard user is in the box and Enter does not do it by mistake; Escape cancels.
 */
export function ConfirmBox({ id, question, action, busy = false, onConfirm, onCancel }: {
  id: string;
  question: ReactNode;
  action: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div role="alertdialog" aria-labelledby={id} className="space-y-2 rounded-md border border-accent p-2" onKeyDown={(e) => (e.key === "Escape" ? onCancel() : undefined)}>
      <p id={id} className="text-sm font-semibold">{question}</p>
      <div className="flex gap-2">
        <button type="button" className={dangerButtonClass} disabled={busy} onClick={onConfirm}>{action}</button>
        <button ref={cancel} type="button" className={secondaryButtonClass} onClick={onCancel}>Cancel</button>
      </div>
    </div>
  );
}
