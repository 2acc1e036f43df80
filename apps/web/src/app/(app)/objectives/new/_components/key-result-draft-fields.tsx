import type { TObjectiveCreate } from "@meridian/domain";
import { type Control, Controller, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { KeyResultTypeSelect, KeyResultUnitSelect, MeasureInput } from "~/components/okr/okr-fields";
import { type OwnerChoices, offersChoice, ownerPickerProps } from "~/components/people/owner-choices";
import { PersonPicker } from "~/components/people/person-picker";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { TextField } from "~/components/ui/text-field";

/** One key result of the new objective; its labels carry its number, so each row has its own names. */
export function KeyResultDraftFields({
  index,
  register,
  control,
  errors,
  owners,
  onRemove,
}: {
  index: number;
  register: UseFormRegister<TObjectiveCreate>;
  control: Control<TObjectiveCreate>;
  errors: FieldErrors<TObjectiveCreate>["keyResults"];
  /** Whom the caller may make its owner; the choice is offered when there is one. */
  owners: OwnerChoices;
  onRemove: () => void;
}) {
  const name = `Key result ${index + 1}`;
  const e = errors?.[index];
  const number = { valueAsNumber: true } as const;
  return (
    <fieldset className="space-y-3 rounded-xl border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium text-slate-700">{name}</legend>
      <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
        <TextField label={`${name} title`} error={e?.title?.message} {...register(`keyResults.${index}.title`)} />
        <div className="flex items-end">
          <Button variant="danger" aria-label={`Remove key result ${index + 1}`} onClick={onRemove}>
            Remove
          </Button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-6">
        <Field label={`${name} type`} className="sm:col-span-2">
          {(id) => <KeyResultTypeSelect id={id} {...register(`keyResults.${index}.type`)} />}
        </Field>
        <Field label={`${name} start`} error={e?.startValue?.message}>
          {(id) => <MeasureInput id={id} {...register(`keyResults.${index}.startValue`, number)} />}
        </Field>
        <Field label={`${name} target`} error={e?.targetValue?.message}>
          {(id) => (
            <MeasureInput
              id={id}
              invalid={Boolean(e?.targetValue)}
              {...register(`keyResults.${index}.targetValue`, number)}
            />
          )}
        </Field>
        <Field label={`${name} unit`}>
          {(id) => <KeyResultUnitSelect id={id} {...register(`keyResults.${index}.unit`)} />}
        </Field>
        <TextField
          label={`${name} unit label`}
          error={e?.unitLabel?.message}
          placeholder="USD, days…"
          {...register(`keyResults.${index}.unitLabel`)}
        />
        {offersChoice(owners) && (
          <Field label={`${name} owner`} className="sm:col-span-6">
            {(id) => (
              <Controller
                control={control}
                name={`keyResults.${index}.ownerId`}
                render={({ field }) => (
                  <PersonPicker
                    id={id}
                    value={field.value}
                    onChange={(value) => field.onChange(value || undefined)}
                    onBlur={field.onBlur}
                    name={field.name}
                    ref={field.ref}
                    emptyLabel="Objective's owner"
                    searchLabel={`Search people for key result ${index + 1}`}
                    className="sm:grid sm:grid-cols-2 sm:gap-3 sm:space-y-0"
                    {...ownerPickerProps(owners)}
                  />
                )}
              />
            )}
          </Field>
        )}
      </div>
    </fieldset>
  );
}
