"use client";

import { useUnsavedHolders } from "~/components/forms/unsaved-changes";

/**
 * What Finalize asks, given what on the page the server does not have yet (waiting, failed, or in
 * conflict): with any, the question names it first, since finalizing makes the review read-only and
 * that text could not be saved afterwards.
 */
export function finalizeQuestion(unsaved: readonly string[], question: string, confirmLabel: string) {
  if (unsaved.length === 0) return { question, confirmLabel };
  const which = unsaved.length === 1 ? `${unsaved[0]} is` : `${unsaved.length} pieces of commentary are`;
  const it = unsaved.length === 1 ? "it" : "them";
  return {
    question: `${which} not saved yet. Finalizing now leaves ${it} out for good: the review becomes read-only. Finalize anyway?`,
    confirmLabel: "Finalize without it",
  };
}

/** `finalizeQuestion` for the page as it is now, re-rendering as unsaved text comes and goes. */
export function useFinalizeQuestion(question: string, confirmLabel: string) {
  return finalizeQuestion(useUnsavedHolders(), question, confirmLabel);
}
