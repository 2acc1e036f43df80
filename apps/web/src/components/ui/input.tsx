import type { ComponentProps } from "react";
import { ui } from "./styles";

/** `invalid` sets aria-invalid, which also draws the red border. */
type Invalid = { invalid?: boolean };

const withClass = (className: string | undefined) => (className ? `${ui.input} ${className}` : ui.input);

/** A text-like input; spread react-hook-form's `register` into it. */
export function Input({ invalid, className, ...props }: ComponentProps<"input"> & Invalid) {
  return <input className={withClass(className)} aria-invalid={invalid} {...props} />;
}

/** A multi-line text input, styled like Input. */
export function Textarea({ invalid, className, ...props }: ComponentProps<"textarea"> & Invalid) {
  return <textarea className={withClass(className)} aria-invalid={invalid} {...props} />;
}
