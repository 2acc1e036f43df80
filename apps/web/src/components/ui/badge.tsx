import type { ReactNode } from "react";

export type BadgeTone = "indigo" | "violet" | "slate" | "amber" | "emerald" | "rose";

/** Tinted background, darker text, a faint ring of the same colour. */
export const BADGE_TONES: Record<BadgeTone, string> = {
  indigo: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/20",
  slate: "bg-slate-100 text-slate-700 ring-slate-500/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  emerald: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  rose: "bg-rose-50 text-rose-700 ring-rose-600/20",
};

/** A short label chip (a state, a kind, a count). Its text is its accessible name. */
export function Badge({
  tone = "slate",
  className,
  children,
}: {
  tone?: BadgeTone;
  className?: string;
  children: ReactNode;
}) {
  const base = `inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE_TONES[tone]}`;
  return <span className={className ? `${base} ${className}` : base}>{children}</span>;
}
