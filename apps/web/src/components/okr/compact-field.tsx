import type { ReactNode } from "react";

/**
 * A small label above its control and the control's error below it, for the inline forms of a row
 * (check-ins, grades). The control carries the `id` the label names.
 */
export function CompactField({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error && <p className="mt-1 text-xs text-rose-600">{error}</p>}
    </div>
  );
}
