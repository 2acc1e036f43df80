"use client";

import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";

/**
 * A box for content wider than the screen (a table, a row of boards): it
 * scrolls sideways inside itself, so the page never does, and says so — a
 * fading edge on each side with more to see, and a "Scroll →" hint while the
 * end is out of sight ("← Scroll back" once there). While it scrolls it is a
 * named, focusable region, so a keyboard user can scroll it with the arrow
 * keys (axe: scrollable-region-focusable).
 */
export function ScrollBox({
  label,
  className = "",
  innerClassName = "",
  surface = "card",
  hintAt = "bottom",
  children,
}: {
  /** What the box holds, for screen readers ("Quarterly results"). */
  label: string;
  /** The outer box: its margin. */
  className?: string;
  /** The scrolling element: its padding, or a flex row for boards. */
  innerClassName?: string;
  /** What it sits on, for the colour its edges fade into: a white card, or the page's grey. */
  surface?: "card" | "page";
  /** Where the hint goes: below a table, above something tall (the boards) so that it is seen first. */
  hintAt?: "top" | "bottom";
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const [edges, setEdges] = useState({ before: false, after: false, down: false });

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const max = el.scrollWidth - el.clientWidth;
    // A pixel of rounding is not something to scroll to.
    setEdges({
      before: el.scrollLeft > 1,
      after: max - el.scrollLeft > 1,
      // A box capped in height (innerClassName) scrolls down too: it needs focus for that as well.
      down: el.scrollHeight - el.clientHeight > 1,
    });
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The box changes width with the window, its content with the data it shows.
    const resized = new ResizeObserver(measure);
    const observeAll = () => {
      resized.disconnect();
      resized.observe(el);
      for (const child of el.children) resized.observe(child);
      measure();
    };
    const replaced = new MutationObserver(observeAll);
    replaced.observe(el, { childList: true });
    observeAll();
    return () => {
      resized.disconnect();
      replaced.disconnect();
    };
  }, [measure]);

  const scrolls = edges.before || edges.after;
  const focusable = scrolls || edges.down;
  const fade = surface === "card" ? "from-white" : "from-slate-50";
  const hint = scrolls && (
    <p
      data-scroll-hint=""
      aria-hidden="true"
      className={`text-right text-xs font-medium text-slate-600 print:hidden ${hintAt === "top" ? "mb-1" : "mt-1"}`}
    >
      {edges.after ? "Scroll →" : "← Scroll back"}
    </p>
  );
  return (
    <div data-scroll-box="" className={`min-w-0 max-w-full ${className}`}>
      {hintAt === "top" && hint}
      <div className="relative">
        {/* A section with a name is a region: one a screen reader can find and a keyboard can scroll. */}
        <section
          ref={ref}
          data-scroll-region=""
          onScroll={measure}
          // Named only while it scrolls: a box that fits is no landmark, just its table.
          aria-label={focusable ? `${label}${scrolls ? " (scrolls sideways)" : ""}` : undefined}
          tabIndex={focusable ? 0 : undefined}
          className={`relative overflow-x-auto rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 ${innerClassName}`}
        >
          {children}
        </section>
        {/* The fading edges are decoration: the region's name and the hint say it in words. */}
        <div
          aria-hidden="true"
          className={`pointer-events-none absolute inset-y-0 left-0 w-8 bg-gradient-to-r ${fade} to-transparent transition-opacity print:hidden ${
            edges.before ? "opacity-100" : "opacity-0"
          }`}
        />
        <div
          aria-hidden="true"
          className={`pointer-events-none absolute inset-y-0 right-0 w-10 bg-gradient-to-l ${fade} to-transparent shadow-[inset_-10px_0_8px_-8px_rgba(15,23,42,0.18)] transition-opacity print:hidden ${
            edges.after ? "opacity-100" : "opacity-0"
          }`}
        />
      </div>
      {hintAt === "bottom" && hint}
    </div>
  );
}
