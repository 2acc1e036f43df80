/** Collapse / expand a subtree. `hidden` is how many objectives collapsing hides. */
export function ToggleButton({
  title,
  collapsed,
  hidden,
  onToggle,
  controls,
  tabIndex,
  className = "",
}: {
  title: string;
  collapsed: boolean;
  hidden: number;
  onToggle: () => void;
  controls?: string;
  tabIndex?: number;
  className?: string;
}) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-label={`${collapsed ? "Expand" : "Collapse"} ${title}`}
      aria-controls={controls}
      tabIndex={tabIndex}
      title={collapsed ? `Show ${hidden} aligned objective${hidden === 1 ? "" : "s"}` : "Hide aligned objectives"}
      className={`inline-flex h-6 shrink-0 items-center justify-center gap-0.5 rounded-md border border-slate-200 bg-white px-1 text-xs font-medium text-slate-500 hover:border-slate-300 hover:bg-slate-50 hover:text-slate-800 ${className}`}
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
      {collapsed && <span className="pr-0.5 tabular-nums">{hidden}</span>}
    </button>
  );
}
