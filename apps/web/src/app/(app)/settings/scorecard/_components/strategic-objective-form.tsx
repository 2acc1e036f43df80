"use client";

import {
  type TStrategicObjectiveUpdate,
  ZStrategicObjectiveCreateSchema,
  ZStrategicObjectiveUpdateSchema,
} from "@meridian/domain";
import { type Control, Controller, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { PersonPicker } from "~/components/people/person-picker";
import type { MapObjective } from "~/components/strategy/types";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { FormActions } from "~/components/ui/form-actions";
import { Textarea } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { TextField } from "~/components/ui/text-field";
import { useInvalidateStrategy } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";

interface Option {
  id: string;
  name: string;
}

interface SharedFields {
  name?: string;
  description?: string;
  ownerId?: string;
  weight?: number;
  perspectiveId?: string;
}

/** The fields both forms share: name, owner, weight, perspective, description. */
function ObjectiveFields<T extends SharedFields>({
  register,
  control,
  errors,
  perspectives,
}: {
  register: UseFormRegister<T>;
  control: Control<T>;
  errors: FieldErrors<SharedFields>;
  perspectives: readonly Option[];
}) {
  // One register and control for the shared field names, typed once.
  const field = register as unknown as UseFormRegister<SharedFields>;
  const shared = control as unknown as Control<SharedFields>;
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_7rem]">
        <TextField label="Name" error={errors.name?.message} {...field("name")} />
        <Field label="Owner" error={errors.ownerId?.message}>
          {(id) => (
            <Controller
              control={shared}
              name="ownerId"
              render={({ field: owner }) => (
                <PersonPicker
                  id={id}
                  value={owner.value}
                  onChange={owner.onChange}
                  onBlur={owner.onBlur}
                  name={owner.name}
                  ref={owner.ref}
                  invalid={Boolean(errors.ownerId)}
                  emptyLabel="Choose…"
                />
              )}
            />
          )}
        </Field>
        <Field label="Weight" error={errors.weight?.message}>
          {(id) => (
            <WeightInput id={id} invalid={Boolean(errors.weight)} {...field("weight", { valueAsNumber: true })} />
          )}
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Field label="Perspective" error={errors.perspectiveId?.message}>
          {(id) => (
            <Select
              id={id}
              options={perspectives.map((p) => ({ value: p.id, label: p.name }))}
              {...field("perspectiveId")}
            />
          )}
        </Field>
        <Field label="Description" error={errors.description?.message}>
          {(id) => <Textarea id={id} rows={2} invalid={Boolean(errors.description)} {...field("description")} />}
        </Field>
      </div>
    </>
  );
}

const formClass = "mt-3 space-y-3 rounded-xl border border-indigo-100 bg-indigo-50/40 p-4";

export function NewStrategicObjectiveForm({
  perspectiveId,
  perspectiveName,
  perspectives,
  defaultOwnerId,
  onDone,
}: {
  perspectiveId: string;
  perspectiveName: string;
  perspectives: readonly Option[];
  defaultOwnerId: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const { register, control, onSubmit, pending, error, errors } = useMutationForm({
    schema: ZStrategicObjectiveCreateSchema,
    defaultValues: { perspectiveId, name: "", description: "", ownerId: defaultOwnerId, weight: 1 },
    mutation: trpc.strategy.createObjective.mutationOptions(),
    invalidate: useInvalidateStrategy(),
    onSuccess: onDone,
    draft: { record: `strategic-objective:new:${perspectiveId}`, what: "New strategic objective" },
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`New strategic objective in ${perspectiveName}`}
      className={formClass}
    >
      <ObjectiveFields register={register} control={control} errors={errors} perspectives={perspectives} />
      <FormActions
        submitLabel="Add strategic objective"
        pendingLabel="Adding…"
        pending={pending}
        onCancel={onDone}
        error={error}
      />
    </form>
  );
}

interface CurrentObjective {
  id: string;
  version: number;
  name: string;
  description: string;
  ownerId: string;
  weight: number;
  perspectiveId: string;
}

const editValues = (o: CurrentObjective): TStrategicObjectiveUpdate => ({
  strategicObjectiveId: o.id,
  version: o.version,
  name: o.name,
  description: o.description,
  ownerId: o.ownerId,
  weight: o.weight,
  perspectiveId: o.perspectiveId,
});

export function EditStrategicObjectiveForm({
  objective,
  perspectiveId,
  perspectives,
  onDone,
}: {
  objective: MapObjective;
  perspectiveId: string;
  perspectives: readonly Option[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const { register, control, onSubmit, pending, error, conflict, errors } = useMutationForm({
    schema: ZStrategicObjectiveUpdateSchema,
    defaultValues: editValues({ ...objective, ownerId: objective.owner.id, perspectiveId }),
    mutation: trpc.strategy.updateObjective.mutationOptions(),
    invalidate: useInvalidateStrategy(),
    onSuccess: onDone,
    conflictValues: editValues,
    draft: { record: `strategic-objective:${objective.id}`, what: "Strategic objective" },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit ${objective.name}`} className={formClass}>
      <input type="hidden" {...register("strategicObjectiveId")} />
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      {conflict && (
        <Alert tone="warning">
          Someone else changed this objective after you opened it. Your changes are still in the form; saving again
          replaces what they saved.
        </Alert>
      )}
      {/* The current owner stays in the picker, by name, even if they have since left. */}
      <ObjectiveFields register={register} control={control} errors={errors} perspectives={perspectives} />
      <FormActions submitLabel="Save" pending={pending} onCancel={onDone} error={error} />
    </form>
  );
}
