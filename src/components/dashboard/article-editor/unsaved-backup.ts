"use client";
import { useEffect, useMemo, useState } from "react";
import { useBrowserValue } from "@/components/ui/browser-value";

/**
 * Changes to an article not saved yet, kept in this tab (sessionStorage) as they are typed: the
 * browser's Back button, a reload or a crashed tab leaves a live story's edits (no autosave there)
 * or a draft's failed autosave behind, and no prompt can stop every way of leaving. Opened again
 * at the same version, the editor offers them back. Cleared by a successful save.
 */
type Backup<F> = { version: number; fields: Partial<F> };

const keyOf = (id: string) => `unsaved-article:${id}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useUnsavedBackup<F extends Record<string, unknown>>(options: {
  id: string;
  /** The version the page was opened with. */
  loaded: { version: number };
  fields: F;
  unsavedKeys: () => (keyof F)[];
  /** The version the unsaved changes are based on. */
  version: { readonly current: number };
  /** A save has just succeeded: nothing is left to keep. */
  saved: boolean;
}) {
  const { id, loaded, fields, unsavedKeys, version, saved } = options;
  // The raw string: a stable value for the store snapshot.
  const kept = useBrowserValue(() => sessionStorage.getItem(keyOf(id)), null);
  const [answered, setAnswered] = useState(false);
  // Offered where the page does not already show them: the router may bring back the very page
  // left, its fields as they were (then there is nothing to offer).
  const offer = useMemo(() => {
    try {
      const backup = kept ? (JSON.parse(kept) as Backup<F>) : null;
      if (!backup || backup.version !== loaded.version) return null;
      const differ = (Object.keys(backup.fields) as (keyof F)[]).filter((k) => !same(backup.fields[k], fields[k]));
      return differ.length ? (Object.fromEntries(differ.map((k) => [k, backup.fields[k]])) as Partial<F>) : null;
    } catch {
      return null;
    }
  }, [kept, loaded.version, fields]);

  useEffect(() => {
    const keys = unsavedKeys();
    if (!keys.length) return;
    const backup: Backup<F> = { version: version.current, fields: Object.fromEntries(keys.map((k) => [k, fields[k]])) as Partial<F> };
    sessionStorage.setItem(keyOf(id), JSON.stringify(backup));
  }, [id, fields, unsavedKeys, version]);

  useEffect(() => {
    if (saved) sessionStorage.removeItem(keyOf(id));
  }, [id, saved]);

  return {
    /** Fields with unsaved values from an earlier visit, or null. */
    offer: answered ? null : offer,
    /** The offer was taken or turned down: it is not made again. */
    answer: () => {
      setAnswered(true);
      sessionStorage.removeItem(keyOf(id));
    },
  };
}
