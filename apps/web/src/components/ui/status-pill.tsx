import type { ReactNode } from "react";

/** Traffic-light tones; grey is "no data", never a colour that reads like a result. */
export type StatusTone = "green" | "amber" | "red" | "grey";

/**
 * Two looks: "ring" (the OKR progress badge: tinted, inset ring) and "outline" (the scorecard pill:
 * tinted, bordered). The dot colours are the same in both, so a status reads the same everywhere.
 */
const LOOKS = {
  ring: {
    base: "inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
    tones: {
      green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
      amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
      red: "bg-rose-50 text-rose-700 ring-rose-600/20",
      grey: "bg-slate-100 text-slate-600 ring-slate-500/20",
    },
  },
  outline: {
    base: "inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium",
    tones: {
      green: "bg-emerald-50 text-emerald-800 border-emerald-300",
      amber: "bg-amber-50 text-amber-800 border-amber-300",
      red: "bg-rose-50 text-rose-800 border-rose-300",
      grey: "bg-slate-50 text-slate-600 border-slate-300",
    },
  },
} as const satisfies Record<string, { base: string; tones: Record<StatusTone, string> }>;

export const STATUS_DOTS: Record<StatusTone, string> = {
  green: "bg-emerald-500",
  amber: "bg-amber-500",
  red: "bg-rose-500",
  grey: "bg-slate-400",
};

export type StatusLook = keyof typeof LOOKS;

/** A status chip: coloured dot and label, with anything extra after it (e.g. "· 6.8"). */
export function StatusPill({
  tone,
  label,
  look = "ring",
  children,
}: {
  tone: StatusTone;
  label: string;
  look?: StatusLook;
  children?: ReactNode;
}) {
  const style = LOOKS[look];
  return (
    <span className={`${style.base} ${style.tones[tone]}`}>
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${STATUS_DOTS[tone]}`} />
      {label}
      {children}
    </span>
  );
}
