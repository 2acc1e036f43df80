import type { FormEventHandler, ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { TextField } from "~/components/ui/text-field";
import { WeightInput } from "~/components/ui/weight-input";

/** What adding and editing a perspective share: its name and weight in a row, the buttons, the form's error. */
export function PerspectiveFields({
  label,
  className,
  onSubmit,
  nameLabel,
  placeholder,
  name,
  weight,
  errors,
  error,
  actionsClassName,
  children,
}: {
  label: string;
  /** Where the form sits; the row of fields is the same. */
  className: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  nameLabel: string;
  placeholder?: string;
  name: UseFormRegisterReturn;
  weight: UseFormRegisterReturn;
  errors: { name?: string | undefined; weight?: string | undefined };
  error: string | null | undefined;
  actionsClassName: string;
  /** The buttons. */
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={label}
      className={`${className} grid gap-3 sm:grid-cols-[minmax(0,1fr)_8rem_auto] sm:items-start`}
    >
      <TextField label={nameLabel} error={errors.name} placeholder={placeholder} {...name} />
      <Field label="Weight" error={errors.weight}>
        {(id) => <WeightInput id={id} invalid={Boolean(errors.weight)} {...weight} />}
      </Field>
      <div className={actionsClassName}>{children}</div>
      {error && (
        <div className="sm:col-span-3">
          <Alert>{error}</Alert>
        </div>
      )}
    </form>
  );
}
