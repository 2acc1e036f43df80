import type { TObjectiveCreate } from "@meridian/domain";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { KeyResultTypeSelect, KeyResultUnitSelect, MeasureInput } from "~/components/okr/okr-fields";
import { emptyAsUndefined } from "~/components/okr/options";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Select } from "~/components/ui/select";
import { TextField } from "~/components/ui/text-field";

/** One key result of the new objective; its labels carry its number, so each row has its own names. */
export function KeyResultDraftFields({
  index,
  register,
  errors,
  owners,
  onRemove,
}: {
  index: number;
  register: UseFormRegister<TObjectiveCreate>;
  errors: FieldErrors<TObjectiveCreate>["keyResults"];
  /** Whom the caller may make its owner; the choice is offered when there is one. */
  owners: readonly { id: string; name: string }[];
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
        {owners.length > 1 && (
          <Field label={`${name} owner`} className="sm:col-span-2">
            {(id) => (
              <Select
                id={id}
                options={owners.map((p) => ({ value: p.id, label: p.name }))}
                {...register(`keyResults.${index}.ownerId`, emptyAsUndefined)}
              >
                <option value="">Objective's owner</option>
              </Select>
            )}
          </Field>
        )}
      </div>
    </fieldset>
  );
}
