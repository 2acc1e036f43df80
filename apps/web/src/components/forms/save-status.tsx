"use client";

import { useRef } from "react";
import type { AutosaveState } from "./autosave-state";

const LABELS = {
  pending: "Not saved yet",
  saving: "Saving…",
  saved: "Saved",
  failed: "Not saved, kept in this browser",
  conflict: "Not saved: someone else saved here",
} as const;

/**
 * Where an autosaved text stands, in words, in a polite live region (always mounted, so a screen
 * reader hears each change without being interrupted). Quiet until the text is first changed here.
 */
export function SaveStatus({ state, onRetry }: { state: AutosaveState; onRetry: () => void }) {
  const changedHere = useRef(false);
  if (state.status !== "saved") changedHere.current = true;
  const shown = changedHere.current;
  const tone =
    state.status === "failed" || state.status === "conflict"
      ? "text-rose-700"
      : state.status === "saved"
        ? "text-emerald-700"
        : "text-slate-500";
  return (
    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs">
      <span role="status" aria-live="polite" className={`font-medium ${tone}`}>
        {shown ? LABELS[state.status] : ""}
        {shown && state.status === "failed" && state.error ? `: ${state.error}` : ""}
      </span>
      {state.status === "failed" && (
        <button type="button" onClick={onRetry} className="font-medium text-indigo-700 underline hover:text-indigo-900">
          Retry
        </button>
      )}
    </p>
  );
}

/**
 * Someone else saved this text after the page read it: both texts are shown, the person's own stays
 * in the editor, and nothing is sent until they choose.
 */
export function ConflictChoice({
  theirs,
  onKeepMine,
  onTakeTheirs,
}: {
  theirs: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <div role="alert" className="mt-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p className="font-medium">Someone else saved this while you were writing. Your text is still in the box.</p>
      <p className="mt-1 text-xs text-amber-800">What they saved:</p>
      <blockquote className="mt-1 whitespace-pre-line border-l-2 border-amber-300 pl-2 text-slate-800">
        {theirs || "(nothing: they removed it)"}
      </blockquote>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={onKeepMine}
          className="rounded-md bg-amber-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-amber-800"
        >
          Keep mine, replace theirs
        </button>
        <button
          type="button"
          onClick={onTakeTheirs}
          className="rounded-md border border-amber-400 bg-white px-2.5 py-1 text-xs font-medium text-amber-900 hover:bg-amber-100"
        >
          Use theirs, drop mine
        </button>
      </div>
    </div>
  );
}
