"use client";
import { useEffect } from "react";

/**
 * A button disabled while its work runs (Save draft, Unpublish now, Upload, Set banner…) loses
 * the keyboard focus to the page itself, and a screen reader's place with it. Once the same
 * button is enabled again, and the focus is still nowhere, it goes back there. For the whole
 * dashboard, so that no form has to remember to do it.
 */
export function FocusKeeper() {
  useEffect(() => {
    let focused: Element | null = null;
    let held: Element | null = null;
    const onFocusIn = (event: FocusEvent) => {
      focused = event.target as Element;
      held = null;
    };
    const observer = new MutationObserver((records) => {
      for (const { target } of records) {
        if (!(target instanceof HTMLElement)) continue;
        if (target.hasAttribute("disabled")) {
          if (target === focused) held = target;
        } else if (target === held) {
          held = null;
          const nowhere = document.activeElement === null || document.activeElement === document.body;
          if (nowhere && target.isConnected) target.focus();
        }
      }
    });
    document.addEventListener("focusin", onFocusIn);
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["disabled"] });
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      observer.disconnect();
    };
  }, []);
  return null;
}
