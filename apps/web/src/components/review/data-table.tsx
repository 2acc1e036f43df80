import type { ReactNode } from "react";
import { ScrollBox } from "~/components/ui/scroll-box";

/** A column: its heading, or its heading and the classes of its cell (padding, width, alignment). */
export type Column = string | readonly [label: string, className: string];

/** The last column of most review tables: right-aligned, no gap after it. */
export const END = "py-2 text-right";

/**
 * The review's tables: scrolling sideways on narrow screens, small upper-case column headings.
 * The children are the table's body (one or more `<tbody>`).
 */
export function DataTable({
  columns,
  caption,
  className = "mt-3",
  tableClassName = "",
  children,
}: {
  columns: readonly Column[];
  /** For screen readers: what the table lists (the name of its scroll box too). */
  caption: string;
  /** The scrolling wrapper: its margin. */
  className?: string;
  /** Extra classes of the table (a minimum width, a fixed layout). */
  tableClassName?: string;
  children: ReactNode;
}) {
  return (
    <ScrollBox label={caption} className={className}>
      <table className={`w-full text-left text-sm ${tableClassName}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column) => {
              const [label, cell] = typeof column === "string" ? [column, "py-2 pr-3"] : column;
              return (
                <th key={label} scope="col" className={`${cell} font-medium`}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        {children}
      </table>
    </ScrollBox>
  );
}
