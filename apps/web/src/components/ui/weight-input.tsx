import type { ComponentProps } from "react";
import { ui } from "./styles";

/** A weight from 0 to 100 (the domain schemas' range), any decimal; spread react-hook-form's `register` into it. */
export function WeightInput({ invalid, ...props }: ComponentProps<"input"> & { invalid?: boolean }) {
  return <input type="number" min={0} max={100} step="any" className={ui.input} aria-invalid={invalid} {...props} />;
}
