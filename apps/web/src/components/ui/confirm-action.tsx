"use client";

import { useEffect, useRef, useState } from "react";
import { ui } from "~/components/ui/styles";

/** A destructive action in two steps: the first click asks, the second does it. */
export function ConfirmAction({
  label,
  ariaLabel,
  question,
  confirmLabel,
  confirmAriaLabel,
  pending,
  onConfirm,
  size = "md",
}: {
  label: string;
  /** Names the button where its text alone is ambiguous ("Archive" in a list of key results). */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  /** Names the confirming button where its text alone is ambiguous. */
  confirmAriaLabel?: string;
  pending: boolean;
  onConfirm: () => void;
  size?: "sm" | "md";
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    // Focus follows the question, and returns to the button when it is withdrawn.
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const small = size === "sm" ? "px-2.5 py-1 text-xs" : "";
  if (!asking) {
    return (
      <button
        ref={askRef}
        type="button"
        aria-label={ariaLabel}
        onClick={() => setAsking(true)}
        className={`${ui.danger} ${small}`}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset className="flex flex-wrap items-center gap-2 rounded-lg bg-rose-50 px-3 py-1.5">
      <legend className="sr-only">{question}</legend>
      <span className="text-sm text-rose-800">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        disabled={pending}
        aria-label={confirmAriaLabel}
        onClick={onConfirm}
        className="inline-flex items-center rounded-lg bg-rose-600 px-3 py-1 text-sm font-semibold text-white hover:bg-rose-500 disabled:opacity-60"
      >
        {pending ? "Working…" : confirmLabel}
      </button>
      <button
        type="button"
        onClick={() => setAsking(false)}
        className="rounded-lg px-2 py-1 text-sm text-slate-600 hover:bg-white"
      >
        Cancel
      </button>
    </fieldset>
  );
}
