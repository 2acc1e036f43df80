import type { ComponentProps } from "react";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";

/** A labelled number of a KPI (a goal, a red flag, a value), any decimal; spread react-hook-form's `register` into it. */
export function NumberField({
  label,
  error,
  hint,
  ...props
}: Omit<ComponentProps<"input">, "id" | "type"> & { label: string; error?: string | undefined; hint?: string }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id) => <Input id={id} type="number" step="any" invalid={Boolean(error)} {...props} />}
    </Field>
  );
}
