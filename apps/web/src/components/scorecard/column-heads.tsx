import type { ReactNode } from "react";

/** A column of a table head: its name, or its name with a right alignment, an explanation or its own classes. */
export type Column =
  | string
  | {
      label: string;
      /** Numbers: the heading stands over their right edge. */
      right?: boolean;
      /** Spelled out on hover (an abbreviation). */
      title?: string;
      /** Instead of the row's class. */
      className?: string;
    };

/** The header row of a table: one `<th scope="col">` per column, all with the same look. */
export function ColumnHeads({
  columns,
  className = "",
  children,
}: {
  columns: readonly Column[];
  className?: string;
  /** Further header cells after the columns (e.g. an "Actions" column shown to editors only). */
  children?: ReactNode;
}) {
  return (
    <tr>
      {columns.map((column) => {
        const { label, right, title, className: own } = typeof column === "string" ? { label: column } : column;
        const classes = own ?? (right ? `${className} text-right`.trim() : className);
        return (
          <th key={label} scope="col" className={classes || undefined}>
            {title ? (
              <abbr title={title} className="no-underline">
                {label}
              </abbr>
            ) : (
              label
            )}
          </th>
        );
      })}
      {children}
    </tr>
  );
}
