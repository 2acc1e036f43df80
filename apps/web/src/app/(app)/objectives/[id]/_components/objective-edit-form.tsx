"use client";

import {
  PROGRESS_SOURCE_LABELS,
  type ProgressSource,
  VISIBILITY_LABELS,
  type Visibility,
  ZObjectiveUpdateSchema,
} from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import { Controller } from "react-hook-form";
import type { z } from "zod";
import { ProgressSourceSelect, VisibilitySelect } from "~/components/okr/okr-fields";
import { emptyAsNull } from "~/components/okr/options";
import { type OwnerChoices, offersChoice, ownerChoices, ownerPickerProps } from "~/components/people/owner-choices";
import { PersonPicker } from "~/components/people/person-picker";
import {
  StrategicObjectiveOptions,
  useStrategicObjectiveBands,
} from "~/components/strategy/strategic-objective-options";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { FormActions } from "~/components/ui/form-actions";
import { Textarea } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { TextField } from "~/components/ui/text-field";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";
import type { ObjectiveNode } from "~/trpc/types";

// The API's own update schema, limited to what this form edits.
const ZObjectiveEditSchema = ZObjectiveUpdateSchema.pick({
  objectiveId: true,
  version: true,
  title: true,
  description: true,
  visibility: true,
  progressSource: true,
  weight: true,
  ownerId: true,
  strategicObjectiveId: true,
});
type EditInput = z.input<typeof ZObjectiveEditSchema>;

function formValues(o: {
  id: string;
  ownerId: string;
  version: number;
  title: string;
  description: string;
  visibility: Visibility;
  progressSource: ProgressSource;
  weight: number;
  strategicObjectiveId: string | null;
}): EditInput {
  return {
    objectiveId: o.id,
    version: o.version,
    title: o.title,
    description: o.description,
    visibility: o.visibility,
    progressSource: o.progressSource,
    weight: o.weight,
    ownerId: o.ownerId,
    strategicObjectiveId: o.strategicObjectiveId,
  };
}

type Current = Parameters<typeof formValues>[0];

export function ObjectiveEditForm({
  objective,
  strategicObjectiveId,
  onDone,
}: {
  objective: ObjectiveNode;
  /** The scorecard's strategic objective it contributes to, if any. */
  strategicObjectiveId: string | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const { register, control, onSubmit, pending, error, conflict, errors } = useMutationForm({
    schema: ZObjectiveEditSchema,
    defaultValues: formValues({ ...objective, ownerId: objective.owner.id, strategicObjectiveId }),
    mutation: trpc.objectives.update.mutationOptions(),
    invalidate: useInvalidateObjectives(),
    onSuccess: onDone,
    conflictValues: (current: Current) => formValues(current),
    draft: { record: `objective:${objective.id}`, what: "Objective" },
  });
  const me = useQuery(trpc.me.get.queryOptions());
  const teams = useQuery(trpc.teams.list.queryOptions());
  // The strategy's objectives, grouped by perspective, to align this quarter's work to.
  const strategy = useStrategicObjectiveBands();
  const bands = strategy.bands;
  const strategicName = (id: string | null) =>
    bands.flatMap((p) => p.objectives).find((o) => o.id === id)?.name ?? "None";
  // Admins may choose anyone, managers the people of the teams they lead (both searched on the server).
  const choices: OwnerChoices =
    me.data?.organization && teams.data
      ? ownerChoices(me.data.organization.role, me.data.user.id, teams.data, me.data.user.name)
      : [];
  // The current owner stays choosable even when the caller could not pick them (a search keeps the
  // chosen person in its list by itself).
  const owners: OwnerChoices =
    !Array.isArray(choices) || choices.some((p) => p.id === objective.owner.id)
      ? choices
      : [objective.owner, ...choices];

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Edit objective"
      className="mt-4 space-y-4 rounded-xl border border-indigo-100 bg-indigo-50/40 p-4"
    >
      <input type="hidden" {...register("objectiveId")} />
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      {conflict && (
        <Alert tone="warning" as="div">
          <p className="font-medium">
            {conflict.message || "Someone else changed this objective after you opened it."}
          </p>
          <p className="mt-1">
            Your changes are still in the form. What they saved is below; saving again replaces it.
          </p>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_minmax(0,1fr)]">
            <dt className="text-amber-800">Title</dt>
            <dd className="font-medium">{conflict.current.title}</dd>
            <dt className="text-amber-800">Description</dt>
            <dd className="whitespace-pre-line">{conflict.current.description || "—"}</dd>
            <dt className="text-amber-800">Visibility</dt>
            <dd>{VISIBILITY_LABELS[conflict.current.visibility]}</dd>
            <dt className="text-amber-800">Progress from</dt>
            <dd>{PROGRESS_SOURCE_LABELS[conflict.current.progressSource]}</dd>
            <dt className="text-amber-800">Weight</dt>
            <dd>{conflict.current.weight}</dd>
            <dt className="text-amber-800">Strategic objective</dt>
            <dd>{strategicName(conflict.current.strategicObjectiveId)}</dd>
          </dl>
        </Alert>
      )}
      <TextField label="Title" error={errors.title?.message} {...register("title")} />
      <Field label="Description" error={errors.description?.message}>
        {(id) => <Textarea id={id} rows={3} invalid={Boolean(errors.description)} {...register("description")} />}
      </Field>
      {offersChoice(owners) && (
        <Field label="Owner" error={errors.ownerId?.message} className="sm:max-w-xs">
          {(id) => (
            <Controller
              control={control}
              name="ownerId"
              render={({ field }) => (
                <PersonPicker id={id} {...field} invalid={Boolean(errors.ownerId)} {...ownerPickerProps(owners)} />
              )}
            />
          )}
        </Field>
      )}
      {/* Mounted once the choices are known, so the select can show the current one. */}
      {strategy.loaded && (bands.length > 0 || strategicObjectiveId) && (
        <Field
          label="Strategic objective"
          error={errors.strategicObjectiveId?.message}
          hint="The scorecard objective this quarter's work contributes to."
          className="sm:max-w-md"
        >
          {(id) => (
            <Select id={id} {...register("strategicObjectiveId", emptyAsNull)}>
              <StrategicObjectiveOptions bands={bands} />
            </Select>
          )}
        </Field>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Visibility" error={errors.visibility?.message}>
          {(id) => <VisibilitySelect id={id} {...register("visibility")} />}
        </Field>
        <Field label="Progress source" error={errors.progressSource?.message}>
          {(id) => <ProgressSourceSelect id={id} {...register("progressSource")} />}
        </Field>
        <Field label="Weight" error={errors.weight?.message}>
          {(id) => (
            <WeightInput id={id} invalid={Boolean(errors.weight)} {...register("weight", { valueAsNumber: true })} />
          )}
        </Field>
      </div>
      <FormActions submitLabel="Save objective" pending={pending} onCancel={onDone} error={error} />
    </form>
  );
}
