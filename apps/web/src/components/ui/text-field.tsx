import type { ComponentProps } from "react";
import { Field } from "./field";
import { Input } from "./input";

type TextFieldProps = Omit<ComponentProps<typeof Input>, "id" | "invalid" | "className"> & {
  label: string;
  error?: string | undefined;
  hint?: string;
  /** Classes of the labelled block; `inputClassName` styles the input itself. */
  className?: string;
  inputClassName?: string;
};

/**
 * The most common field: a label, an input and its inline error, marked
 * invalid while it has one. Spread react-hook-form's `register(...)` into it.
 */
export function TextField({ label, error, hint, className, inputClassName, ...input }: TextFieldProps) {
  return (
    <Field
      label={label}
      error={error}
      {...(hint !== undefined && { hint })}
      {...(className !== undefined && { className })}
    >
      {(id) => <Input id={id} invalid={Boolean(error)} className={inputClassName} {...input} />}
    </Field>
  );
}
