"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  type TStrategicObjectiveCreate,
  type TStrategicObjectiveUpdate,
  ZStrategicObjectiveCreateSchema,
  ZStrategicObjectiveUpdateSchema,
} from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { type FieldErrors, type UseFormRegister, useForm } from "react-hook-form";
import type { z } from "zod";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors, conflictCurrent } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";
import type { MapObjective } from "./types";
import { useInvalidateStrategy } from "./use-invalidate-strategy";

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
  errors,
  people,
  perspectives,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<SharedFields>;
  people: readonly Option[];
  perspectives: readonly Option[];
}) {
  // One register for the shared field names, typed once.
  const field = register as unknown as UseFormRegister<SharedFields>;
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_7rem]">
        <Field label="Name" error={errors.name?.message}>
          {(id) => <input id={id} className={ui.input} aria-invalid={Boolean(errors.name)} {...field("name")} />}
        </Field>
        <Field label="Owner" error={errors.ownerId?.message}>
          {(id) => (
            <select id={id} className={ui.select} aria-invalid={Boolean(errors.ownerId)} {...field("ownerId")}>
              <option value="">Choose…</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
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
            <select id={id} className={ui.select} {...field("perspectiveId")}>
              {perspectives.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Description" error={errors.description?.message}>
          {(id) => (
            <textarea
              id={id}
              rows={2}
              className={ui.input}
              aria-invalid={Boolean(errors.description)}
              {...field("description")}
            />
          )}
        </Field>
      </div>
    </>
  );
}

const formClass = "mt-3 space-y-3 rounded-xl border border-indigo-100 bg-indigo-50/40 p-4";

type CreateValues = z.output<typeof ZStrategicObjectiveCreateSchema>;

export function NewStrategicObjectiveForm({
  perspectiveId,
  perspectiveName,
  people,
  perspectives,
  defaultOwnerId,
  onDone,
}: {
  perspectiveId: string;
  perspectiveName: string;
  people: readonly Option[];
  perspectives: readonly Option[];
  defaultOwnerId: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateStrategy();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TStrategicObjectiveCreate, unknown, CreateValues>({
    resolver: zodResolver(ZStrategicObjectiveCreateSchema),
    defaultValues: { perspectiveId, name: "", description: "", ownerId: defaultOwnerId, weight: 1 },
  });
  const create = useMutation(trpc.strategy.createObjective.mutationOptions());
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await create.mutateAsync(values);
      await invalidate();
      onDone();
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`New strategic objective in ${perspectiveName}`}
      className={formClass}
    >
      <ObjectiveFields register={register} errors={errors} people={people} perspectives={perspectives} />
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="flex gap-2">
        <button type="submit" disabled={isSubmitting} className={ui.primary}>
          {isSubmitting ? "Adding…" : "Add strategic objective"}
        </button>
        <button type="button" onClick={onDone} className={ui.secondary}>
          Cancel
        </button>
      </div>
    </form>
  );
}

type UpdateValues = z.output<typeof ZStrategicObjectiveUpdateSchema>;

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
  people,
  perspectives,
  onDone,
}: {
  objective: MapObjective;
  perspectiveId: string;
  people: readonly Option[];
  perspectives: readonly Option[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateStrategy();
  const [failure, setFailure] = useState<string | null>(null);
  const [conflicted, setConflicted] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TStrategicObjectiveUpdate, unknown, UpdateValues>({
    resolver: zodResolver(ZStrategicObjectiveUpdateSchema),
    defaultValues: editValues({ ...objective, ownerId: objective.owner.id, perspectiveId }),
  });
  const update = useMutation(trpc.strategy.updateObjective.mutationOptions());
  // The current owner stays choosable even if they have since left.
  const owners = people.some((p) => p.id === objective.owner.id) ? people : [objective.owner, ...people];
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setConflicted(false);
    try {
      await update.mutateAsync(values);
      await invalidate();
      onDone();
    } catch (error) {
      const current = conflictCurrent(error) as CurrentObjective | null;
      if (current) {
        // Someone saved first: the form now holds their version.
        setConflicted(true);
        reset(editValues(current));
        await invalidate();
      }
      setFailure(applyServerErrors(error, setError));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit ${objective.name}`} className={formClass}>
      <input type="hidden" {...register("strategicObjectiveId")} />
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      {conflicted && (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Someone else changed this objective after you opened it. The form now shows their version; make your change
          again and save.
        </p>
      )}
      <ObjectiveFields register={register} errors={errors} people={owners} perspectives={perspectives} />
      {failure && !conflicted && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="flex gap-2">
        <button type="submit" disabled={isSubmitting} className={ui.primary}>
          {isSubmitting ? "Saving…" : "Save"}
        </button>
        <button type="button" onClick={onDone} className={ui.secondary}>
          Cancel
        </button>
      </div>
    </form>
  );
}
