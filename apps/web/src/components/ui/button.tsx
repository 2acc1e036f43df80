import type { ComponentProps } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

const BASE = "inline-flex items-center justify-center rounded-lg disabled:opacity-60";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-indigo-600 font-semibold text-white shadow-sm hover:bg-indigo-500",
  secondary: "border border-slate-300 bg-white font-medium text-slate-700 hover:bg-slate-50",
  danger: "border border-rose-200 bg-white font-medium text-rose-700 hover:bg-rose-50",
  ghost: "font-medium text-slate-600 hover:bg-slate-100",
};

// The primary action is the larger one at the usual size; small buttons are alike whatever their variant.
const SIZES: Record<ButtonSize, Record<ButtonVariant, string>> = {
  md: {
    primary: "px-4 py-2 text-sm",
    secondary: "px-3 py-1.5 text-sm",
    danger: "px-3 py-1.5 text-sm",
    ghost: "px-3 py-1.5 text-sm",
  },
  sm: {
    primary: "px-2.5 py-1 text-xs",
    secondary: "px-2.5 py-1 text-xs",
    danger: "px-2.5 py-1 text-xs",
    ghost: "px-2.5 py-1 text-xs",
  },
};

/** The class list of a button, for links and other elements that should look like one. */
export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md"): string {
  return `${BASE} ${VARIANTS[variant]} ${SIZES[size][variant]}`;
}

export type ButtonProps = ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize };

/**
 * A button; `type` defaults to "button" so that a button inside a form submits only when it says so.
 * Give it text or an `aria-label`.
 */
export function Button({ variant = "primary", size = "md", type = "button", className, ...props }: ButtonProps) {
  const classes = className ? `${buttonClass(variant, size)} ${className}` : buttonClass(variant, size);
  return <button type={type} className={classes} {...props} />;
}
