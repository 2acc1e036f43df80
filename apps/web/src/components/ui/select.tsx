import type { ComponentProps, ReactNode } from "react";
import { ui } from "./styles";

export interface SelectOption {
  value: string;
  label: ReactNode;
}

/**
 * A native select. Pass `options` for a plain list, or `<option>` children for anything else
 * (groups, a leading "Choose…").
 */
export function Select({
  invalid,
  options,
  className,
  children,
  ...props
}: ComponentProps<"select"> & { invalid?: boolean; options?: readonly SelectOption[] }) {
  return (
    <select className={className ? `${ui.select} ${className}` : ui.select} aria-invalid={invalid} {...props}>
      {children}
      {options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
