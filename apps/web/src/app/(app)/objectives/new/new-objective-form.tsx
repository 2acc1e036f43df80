"use client";

import { OBJECTIVE_LEVEL_LABELS, type Role, ZObjectiveCreateSchema } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFieldArray } from "react-hook-form";
import { ProgressSourceSelect, VisibilitySelect } from "~/components/okr/okr-fields";
import { emptyAsNull } from "~/components/okr/options";
import { ownerChoices } from "~/components/people/owner-choices";
import {
  StrategicObjectiveOptions,
  useStrategicObjectiveBands,
} from "~/components/strategy/strategic-objective-options";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, PageHeader } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/form-actions";
import { Textarea } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { ui } from "~/components/ui/styles";
import { TextField } from "~/components/ui/text-field";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";
import { KeyResultDraftFields } from "./_components/key-result-draft-fields";
import { BLANK_KEY_RESULT, levelsFor, newObjectiveDefaults } from "./_components/new-objective-defaults";
import { ParentPicker } from "./_components/parent-picker";

export function NewObjectiveForm({
  role,
  userId,
  initialCycleId,
  initialParentId,
}: {
  role: Role;
  userId: string;
  initialCycleId: string | null;
  initialParentId: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: cycles = [] } = useQuery(trpc.cycles.list.queryOptions());
  const { data: teams = [] } = useQuery(trpc.teams.list.queryOptions());
  const strategy = useStrategicObjectiveBands();
  const planning = cycles.filter((c) => c.status !== "closed");
  const levels = levelsFor(role);
  // The teams the caller is on, as lead or member.
  const myTeams = teams.filter((t) => t.myRole !== null);
  // Admins may choose anyone, managers the people of the teams they lead (both searched on the server).
  const owners = ownerChoices(role, userId, teams);

  const { register, control, watch, onSubmit, pending, error, errors } = useMutationForm({
    schema: ZObjectiveCreateSchema,
    defaultValues: newObjectiveDefaults({
      cycles: planning,
      levels,
      teamId: myTeams[0]?.id ?? null,
      initialCycleId,
      initialParentId,
    }),
    mutation: trpc.objectives.create.mutationOptions(),
    invalidate: useInvalidateObjectives(),
    onSuccess: (created) => router.push(`/objectives/${created.id}`),
    draft: { record: "objective:new", what: "New objective" },
  });
  const keyResults = useFieldArray({ control, name: "keyResults" });
  const cycleId = watch("cycleId");
  const level = watch("level");

  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader kicker="OKRs" title="New objective" />
      <form onSubmit={onSubmit} noValidate aria-label="New objective" className="space-y-6">
        <section className={`${ui.card} space-y-4`}>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Cycle" error={errors.cycleId?.message}>
              {(id) => (
                <Select
                  id={id}
                  options={planning.map((c) => ({
                    value: c.id,
                    label: c.status === "planning" ? `${c.name} (planning)` : c.name,
                  }))}
                  {...register("cycleId")}
                />
              )}
            </Field>
            <Field label="Level" error={errors.level?.message}>
              {(id) => (
                <Select
                  id={id}
                  options={levels.map((l) => ({ value: l, label: OBJECTIVE_LEVEL_LABELS[l] }))}
                  {...register("level")}
                />
              )}
            </Field>
            <Field label="Team" error={errors.teamId?.message}>
              {(id) => (
                <Select
                  id={id}
                  options={(role === "admin" ? teams : myTeams).map((t) => ({ value: t.id, label: t.name }))}
                  {...register("teamId", emptyAsNull)}
                >
                  {level !== "team" && <option value="">No team</option>}
                </Select>
              )}
            </Field>
          </div>
          <TextField
            label="Objective"
            error={errors.title?.message}
            hint="Qualitative and inspiring: what do you want to achieve?"
            {...register("title")}
          />
          <Field label="Description" error={errors.description?.message}>
            {(id) => <Textarea id={id} rows={3} {...register("description")} />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Aligns to" error={errors.parentId?.message}>
              {(id) => (
                <ParentPicker
                  id={id}
                  cycleId={cycleId}
                  selectedId={watch("parentId") ?? null}
                  {...register("parentId", emptyAsNull)}
                />
              )}
            </Field>
            {strategy.bands.length > 0 && (
              <Field
                label="Strategic objective"
                error={errors.strategicObjectiveId?.message}
                hint="The scorecard objective this quarter's work contributes to."
              >
                {(id) => (
                  <Select id={id} {...register("strategicObjectiveId", emptyAsNull)}>
                    <StrategicObjectiveOptions bands={strategy.bands} />
                  </Select>
                )}
              </Field>
            )}
            <div className="grid grid-cols-3 gap-3">
              <Field label="Visibility">{(id) => <VisibilitySelect id={id} {...register("visibility")} />}</Field>
              <Field label="Progress from">
                {(id) => <ProgressSourceSelect id={id} {...register("progressSource")} />}
              </Field>
              <Field label="Weight" error={errors.weight?.message}>
                {(id) => (
                  <WeightInput
                    id={id}
                    invalid={Boolean(errors.weight)}
                    {...register("weight", { valueAsNumber: true })}
                  />
                )}
              </Field>
            </div>
          </div>
        </section>

        <section aria-labelledby="krs-heading" className={`${ui.card} space-y-4`}>
          <div className="flex items-center justify-between">
            <h2 id="krs-heading" className="text-base font-semibold">
              Key results
            </h2>
            <Button
              variant="secondary"
              disabled={keyResults.fields.length >= 10}
              onClick={() => keyResults.append(BLANK_KEY_RESULT)}
            >
              Add key result
            </Button>
          </div>
          {keyResults.fields.map((field, index) => (
            <KeyResultDraftFields
              key={field.id}
              index={index}
              register={register}
              control={control}
              errors={errors.keyResults}
              owners={owners}
              onRemove={() => keyResults.remove(index)}
            />
          ))}
          {keyResults.fields.length === 0 && (
            <p className="text-sm text-slate-500">An objective is measured by 2–5 key results.</p>
          )}
        </section>

        <div className="flex flex-wrap items-center gap-4">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register("publish")} />
            Publish now (otherwise it stays a draft for a team lead to publish)
          </label>
          <SubmitButton pending={pending} pendingLabel="Creating…" className="ml-auto">
            Create objective
          </SubmitButton>
        </div>
        <Alert>{error}</Alert>
      </form>
    </div>
  );
}
