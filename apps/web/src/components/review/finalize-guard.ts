"use client";

import { useUnsavedHolders } from "~/components/forms/unsaved-changes";

/**
 * What Finalize asks. With commentary on the page that the server does not have yet (waiting,
 * failed, or in conflict), the question says so by name first: finalizing makes the review
 * read-only, so that text could not be saved afterwards.
 */
export function useFinalizeQuestion(question: string, confirmLabel: string) {
  const unsaved = useUnsavedHolders();
  if (unsaved.length === 0) return { question, confirmLabel };
  const which = unsaved.length === 1 ? `${unsaved[0]} is` : `${unsaved.length} pieces of commentary are`;
  return {
    question: `${which} not saved yet. Finalizing now leaves ${unsaved.length === 1 ? "it" : "them"} out for good: the review becomes read-only. Finalize anyway?`,
    confirmLabel: "Finalize without it",
  };
}
