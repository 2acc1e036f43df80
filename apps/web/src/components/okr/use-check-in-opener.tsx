"use client";

import { useEffect, useRef, useState } from "react";
import type { CheckInOutcome } from "./check-in-form";

/**
 * A key result's "Check in" button and the form that replaces it while open:
 * when the form closes (Escape, Cancel, or a save), focus goes back to the
 * button, and a save is announced in a status line that stays in the page.
 * `onSaved` hands a save to the list instead, for a row that leaves the list
 * once checked in (its button and status line go with it).
 */
export function useCheckInOpener(onSaved?: () => void) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    opener.current?.focus();
  }, [open]);
  return {
    open,
    saved,
    opener,
    show: () => {
      setSaved(false);
      setOpen(true);
    },
    close: (outcome: CheckInOutcome) => {
      const handedOver = outcome === "saved" && onSaved !== undefined;
      refocus.current = !handedOver;
      setSaved(outcome === "saved" && !handedOver);
      setOpen(false);
      if (handedOver) onSaved();
    },
  };
}

/** Always rendered, empty until a save, so a screen reader hears the message when it appears. */
export function CheckInSavedStatus({ title, saved }: { title: string; saved: boolean }) {
  return (
    <p role="status" className="mt-1 text-xs font-medium text-emerald-800 empty:hidden">
      {saved ? `Check-in on ${title} saved.` : ""}
    </p>
  );
}
