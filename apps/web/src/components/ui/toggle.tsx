import type { ComponentProps } from "react";

/** On a touch screen the 24 px chevron takes taps from a 44 px square around it, without growing. */
const TOUCH =
  "relative pointer-coarse:before:absolute pointer-coarse:before:-inset-2.5 pointer-coarse:before:content-['']";

const LOOKS = {
  /** Borderless, for rows of a table. */
  plain:
    "inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-200/70 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-500",
  /** Bordered, for cards on a canvas, with room for the hidden count. */
  outlined:
    "inline-flex h-6 shrink-0 items-center justify-center gap-0.5 rounded-md border border-slate-200 bg-white px-1 text-xs font-medium text-slate-500 hover:border-slate-300 hover:bg-slate-50 hover:text-slate-800",
} as const;

/**
 * The chevron that expands or collapses what is below a row. Its name says what it will do
 * ("Expand Growth", "Collapse Growth") and aria-expanded says the state. `count`, when given,
 * is shown while collapsed: how many items the collapse hides.
 */
export function Toggle({
  name,
  collapsed,
  onToggle,
  look = "plain",
  count,
  className,
  ...props
}: Omit<ComponentProps<"button">, "onClick" | "children" | "type" | "name"> & {
  /** What is expanded or collapsed, for the accessible name. */
  name: string;
  collapsed: boolean;
  onToggle: () => void;
  look?: keyof typeof LOOKS;
  count?: number;
}) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-expanded={!collapsed}
      // The visible count is part of the name, so what is heard matches what is seen.
      aria-label={`${collapsed ? "Expand" : "Collapse"} ${name}${collapsed && count !== undefined ? `, ${count} more` : ""}`}
      className={`${LOOKS[look]} ${TOUCH}${className ? ` ${className}` : ""}`}
      {...props}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="currentColor"
        className={`h-4 w-4 transition-transform ${collapsed ? "-rotate-90" : ""}`}
      >
        <path
          fillRule="evenodd"
          d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z"
          clipRule="evenodd"
        />
      </svg>
      {collapsed && count !== undefined && <span className="pr-0.5 tabular-nums">{count}</span>}
    </button>
  );
}
