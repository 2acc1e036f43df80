/** The head row of a settings table; with `actions`, the last column (its buttons) is right-aligned. */
export function TableHead({ columns, actions = false }: { columns: readonly string[]; actions?: boolean }) {
  return (
    <thead className="text-xs text-slate-500">
      <tr>
        {columns.map((label, i) => (
          <th
            key={label}
            className={actions && i === columns.length - 1 ? "py-2 text-right font-medium" : "py-2 font-medium"}
          >
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
