"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/**
 * The main navigation and the account controls: a row across the header on
 * a wide screen; on a narrower one folded behind a Menu button (a disclosure:
 * Enter or Space opens it and moves focus to its first link, Escape closes it
 * and returns focus to the button, as do a click outside, focus leaving it
 * and following a link). The width where it unfolds is `--breakpoint-nav` in
 * globals.css.
 */
export function MainMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  // Open on one page: a followed link closes it, so the next page starts with the menu folded.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a[href], button, select")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    // Tabbing out of it folds it; a click on its own blank space does not (that blur has no new target).
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node && !root.current?.contains(e.relatedTarget)) setOpen(false);
    };
    const element = root.current;
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    element?.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
      element?.removeEventListener("focusout", onFocusOut);
    };
  }, [open]);

  return (
    <div ref={root} className="ml-auto flex items-center nav:ml-0 nav:flex-1">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="inline-flex h-10 items-center gap-2 rounded-md border border-slate-200 px-3 text-sm font-medium text-slate-700 hover:bg-slate-50 nav:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor">
          {open ? (
            <path d="M5 5l10 10M15 5L5 15" strokeWidth="1.75" strokeLinecap="round" />
          ) : (
            <path d="M3 6h14M3 10h14M3 14h14" strokeWidth="1.75" strokeLinecap="round" />
          )}
        </svg>
        Menu
      </button>
      <div
        ref={panel}
        id={id}
        className={`${
          open ? "flex" : "hidden"
        } absolute inset-x-0 top-full z-30 max-h-[calc(100dvh-3.5rem)] flex-col gap-3 overflow-y-auto border-b border-slate-200 bg-white px-4 pb-4 pt-2 shadow-lg nav:static nav:z-auto nav:flex nav:max-h-none nav:flex-1 nav:flex-row nav:items-center nav:gap-4 nav:overflow-visible nav:border-0 nav:p-0 nav:shadow-none`}
      >
        {children}
      </div>
    </div>
  );
}
