"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { type AutosaveState, autosaveReducer, initialAutosave, isUnsaved, type SavedText } from "./autosave-state";
import { debounce } from "./debounce";
import { browserStore, clearDraft, readDraft, writeDraft } from "./draft-storage";
import { useUnsavedChangesGuard } from "./unsaved-changes";
import { useDraftKey } from "./use-draft";

export interface AutosaveOptions {
  /** Names the record for its draft: "review:<id>:kpi:<id>". */
  record: string;
  /** What the server holds now (refetches included) and its version; `undefined` version: nothing yet. */
  server: SavedText;
  /** Sends the text naming the version it replaces; resolves with the new version. */
  save: (value: string, version: number | undefined) => Promise<{ version: number | undefined }>;
  /** What someone else saved, when the error is an edit conflict. */
  conflictOf: (error: unknown) => SavedText | null;
  /** Names the text in the question before leaving ("Commentary on Financial"). */
  what: string;
  /** While true (too long, say) nothing is sent; the text stays unsaved. */
  blocked?: boolean;
  delayMs?: number;
}

/**
 * A text that saves itself a moment after the person stops typing, with the version it read, and
 * that is never lost on the way: until the server has it, it is kept as a draft in the browser and
 * leaving the page asks. See autosave-state.ts for the states, and docs/adr/0016.
 */
export function useAutosave({
  record,
  server,
  save,
  conflictOf,
  what,
  blocked = false,
  delayMs = 800,
}: AutosaveOptions) {
  const key = useDraftKey(record);
  const [state, dispatch] = useReducer(autosaveReducer, server, (s) => initialAutosave(s));
  const latest = useRef<AutosaveState>(state);
  latest.current = state;
  const restoredFor = useRef<string | null>(null);
  const calls = useRef({ save, conflictOf, blocked });
  calls.current = { save, conflictOf, blocked };

  // A draft left from an earlier visit comes back, naming the version it was written against.
  useEffect(() => {
    if (!key || restoredFor.current === key) return;
    restoredFor.current = key;
    const draft = readDraft<SavedText>(browserStore(), key);
    if (draft && typeof draft.value === "string") dispatch({ type: "restored", draft });
  }, [key]);

  const { value: serverValue, version: serverVersion } = server;
  useEffect(() => {
    dispatch({ type: "serverChanged", server: { value: serverValue, version: serverVersion } });
  }, [serverValue, serverVersion]);

  /** `now`: the person asked (Save, Retry), so a failed text goes too. */
  const send = useCallback(async (now = false) => {
    const current = latest.current;
    const ready = current.status === "pending" || (now && current.status === "failed");
    if (!ready || calls.current.blocked) return;
    dispatch({ type: "saveStarted" });
    try {
      const saved = await calls.current.save(current.value, current.server.version);
      dispatch({ type: "saveSucceeded", version: saved.version });
    } catch (error) {
      const theirs = calls.current.conflictOf(error);
      if (theirs) dispatch({ type: "saveConflicted", theirs });
      else dispatch({ type: "saveFailed", error: error instanceof Error ? error.message : "Could not save." });
    }
  }, []);
  const debounced = useMemo(() => debounce(() => void send(), delayMs), [send, delayMs]);

  useEffect(() => {
    if (state.status === "pending" && !blocked) debounced.schedule(undefined);
    else if (state.status !== "pending") debounced.cancel();
  }, [state.status, state.value, blocked, debounced]);

  // Going away (the editor closes, the tab is hidden): what waits is sent now.
  useEffect(() => {
    const onHide = () => document.visibilityState === "hidden" && debounced.flush();
    document.addEventListener("visibilitychange", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      debounced.flush();
    };
  }, [debounced]);

  // The draft follows the text until the server has it.
  useEffect(() => {
    if (!key || restoredFor.current !== key) return;
    if (isUnsaved(state)) writeDraft(browserStore(), key, { value: state.value, version: state.server.version });
    else clearDraft(browserStore(), key);
  }, [key, state]);

  useUnsavedChangesGuard(isUnsaved(state), what);

  return {
    state,
    setValue: (value: string) => dispatch({ type: "typed", value }),
    /** Sends now (the Save button, Retry). */
    saveNow: () => {
      debounced.cancel();
      void send(true);
    },
    keepMine: () => dispatch({ type: "keepMine" }),
    takeTheirs: () => dispatch({ type: "takeTheirs" }),
  };
}
