"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi, type ApiFailure } from "@/components/dashboard/api-client";
import { useLeaveGuard } from "@/components/dashboard/leave-guard";

/**
 * Saving an article: changes are collected per field and sent with the version they were based
 * on. One save at a time: a change made while a save is in flight waits for it and goes out with
 * the new version, so one person's own autosaves never conflict with each other.
 */
export type SaveState =
  | { kind: "saved"; at: Date | null }
  | { kind: "unsaved" }
  | { kind: "saving" }
  /** `savedTheRest`: the fields refused stay unsaved, every other change was saved. */
  | { kind: "error"; message: string; fields?: Record<string, string>; savedTheRest?: boolean }
  | { kind: "conflict"; error: ApiFailure };

const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

type Saved = { version: number; status: string; updatedAt: string; slug: string; path: string };

export function useArticleSaver<F extends Record<string, unknown>>(options: {
  id: string;
  version: number;
  fields: F;
  /** Autosave after this many ms without typing; null: only explicit saves (live articles). */
  autosaveMs: number | null;
  onSaved: (saved: Saved) => void;
}) {
  const { id, autosaveMs, onSaved } = options;
  const version = useRef(options.version);
  const latest = useRef(options.fields);
  useEffect(() => {
    latest.current = options.fields;
  }, [options.fields]);
  const dirty = useRef(new Set<keyof F>());
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<SaveState>({ kind: "saved", at: null });

  /** After a failure the server or the network caused: when to try again by itself. */
  const retryIn = useRef(RETRY_FIRST_MS);
  const retryWanted = useRef(false);

  const patch = useCallback(
    async (keys: (keyof F)[]) => {
      const changes = Object.fromEntries(keys.map((k) => [k, latest.current[k]]));
      const result = await callApi<Saved>("PATCH", `/api/v1/articles/${id}`, { version: version.current, ...changes });
      if (result.ok) {
        version.current = result.data.version;
        onSaved(result.data);
      }
      return result;
    },
    [id, onSaved],
  );

  const send = useCallback(async (): Promise<boolean> => {
    if (dirty.current.size === 0) return true;
    const keys = [...dirty.current];
    dirty.current.clear();
    setState({ kind: "saving" });
    const result = await patch(keys);
    if (result.ok) {
      retryIn.current = RETRY_FIRST_MS;
      setState(dirty.current.size ? { kind: "unsaved" } : { kind: "saved", at: new Date() });
      return true;
    }
    for (const k of keys) dirty.current.add(k); // nothing typed is dropped
    // 409 with the current version: someone saved first. A 409 on a field (a slug another article
    // took) is that field's message, not a lost race.
    if (result.status === 409 && result.error.currentVersion !== undefined) {
      setState({ kind: "conflict", error: result.error });
      return false;
    }
    // Some fields refused (a slug with a space): the others are saved all the same, so that a bad
    // slug does not hold back the body being written; the refused ones wait, marked.
    const refused = new Set(Object.keys(result.error.fields ?? {}).map((field) => field.split(".")[0]));
    const rest = keys.filter((k) => !refused.has(String(k)));
    if (refused.size && rest.length && rest.length < keys.length) {
      for (const k of rest) dirty.current.delete(k);
      const second = await patch(rest);
      if (!second.ok) for (const k of rest) dirty.current.add(k);
      setState({ kind: "error", message: result.error.message, fields: result.error.fields, savedTheRest: second.ok });
      return false;
    }
    setState({ kind: "error", message: result.error.message, fields: result.error.fields });
    // The network or the server failed, not the input: saveNow tries again by itself.
    retryWanted.current = result.status === 0 || result.status >= 500;
    return false;
  }, [patch]);

  /** Saves now (waiting for a save in flight first); true when everything is saved. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    retryWanted.current = false;
    const run = send();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
      // After a network or server failure, autosave tries again, a little later each time.
      if (retryWanted.current && autosaveMs !== null) {
        timer.current = setTimeout(() => void saveNow(), retryIn.current);
        retryIn.current = Math.min(retryIn.current * 2, RETRY_MAX_MS);
      }
    }
  }, [send, autosaveMs]);

  // Back online: what could not be sent goes now.
  useEffect(() => {
    if (autosaveMs === null) return;
    const online = () => {
      retryIn.current = RETRY_FIRST_MS;
      if (dirty.current.size) void saveNow();
    };
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [autosaveMs, saveNow]);

  const markChanged = useCallback(
    (key: keyof F) => {
      dirty.current.add(key);
      setState((s) => (s.kind === "conflict" ? s : { kind: "unsaved" }));
      if (timer.current) clearTimeout(timer.current);
      if (autosaveMs !== null) timer.current = setTimeout(() => void saveNow(), autosaveMs);
    },
    [autosaveMs, saveNow],
  );

  /**
   * After a conflict: take the server's version number and save on top of it the fields changed
   * here since the last save, and only those. The other person's changes to the rest stay (sending
   * every field put back what this page last loaded, undoing their work unseen).
   */
  const overwrite = useCallback(
    async (currentVersion: number) => {
      version.current = currentVersion;
      return saveNow();
    },
    [saveNow],
  );

  // Leaving with unsaved changes asks first.
  useLeaveGuard(useCallback(() => dirty.current.size > 0 || inFlight.current !== null, []));

  const setVersion = useCallback((v: number) => {
    version.current = v;
  }, []);
  const isSaving = useCallback(() => inFlight.current !== null, []);
  const unsavedKeys = useCallback(() => [...dirty.current], []);

  return {
    state,
    markChanged,
    saveNow,
    overwrite,
    version,
    setVersion,
    hasUnsaved: () => dirty.current.size > 0,
    /** The fields changed here and not saved yet. */
    unsavedKeys,
    /** A save is being sent: the version may be about to move. */
    isSaving,
  };
}
