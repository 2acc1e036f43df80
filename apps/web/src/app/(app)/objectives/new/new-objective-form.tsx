"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  KEY_RESULT_TYPE_LABELS,
  KEY_RESULT_TYPES,
  KEY_RESULT_UNIT_LABELS,
  KEY_RESULT_UNITS,
  OBJECTIVE_LEVEL_LABELS,
  type ObjectiveLevel,
  PROGRESS_SOURCE_LABELS,
  PROGRESS_SOURCES,
  type Role,
  type TObjectiveCreate,
  VISIBILITIES,
  VISIBILITY_LABELS,
  ZObjectiveCreateSchema,
} from "@meridian/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { ownerCandidates } from "~/components/okr/owner-candidates";
import {
  StrategicObjectiveOptions,
  useStrategicObjectiveBands,
} from "~/components/strategy/strategic-objective-options";
import { ErrorMessage, Field, PageHeader } from "~/components/ui/field";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";

type Values = z.output<typeof ZObjectiveCreateSchema>;

const blankKeyResult = {
  title: "",
  type: "increase_to" as const,
  startValue: 0,
  targetValue: 100,
  unit: "number" as const,
  unitLabel: "",
  weight: 1,
};

/** Levels a role may create; the server enforces the same rule. */
function levelsFor(role: Role): ObjectiveLevel[] {
  if (role === "admin") return ["company", "team", "personal"];
  if (role === "manager") return ["team", "personal"];
  return ["personal"];
}

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
  const queryClient = useQueryClient();
  const { data: cycles = [] } = useQuery(trpc.cycles.list.queryOptions());
  const { data: teams = [] } = useQuery(trpc.teams.list.queryOptions());
  const { data: people = [] } = useQuery(trpc.people.list.queryOptions());
  const strategy = useStrategicObjectiveBands();
  const planning = cycles.filter((c) => c.status !== "closed");
  const levels = levelsFor(role);
  const myTeams = teams.filter((t) => t.members.some((m) => m.id === userId));
  const owners = ownerCandidates(role, userId, people, teams);
  const [failure, setFailure] = useState<string | null>(null);

  const {
    register,
    control,
    handleSubmit,
    watch,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TObjectiveCreate, unknown, Values>({
    resolver: zodResolver(ZObjectiveCreateSchema),
    defaultValues: {
      cycleId: initialCycleId ?? planning.find((c) => c.status === "open")?.id ?? planning[0]?.id ?? "",
      level: levels.at(-1),
      title: "",
      description: "",
      teamId: myTeams[0]?.id ?? null,
      parentId: initialParentId,
      strategicObjectiveId: null,
      visibility: "public",
      progressSource: "key_results",
      weight: 1,
      publish: true,
      keyResults: [blankKeyResult],
    },
  });
  const keyResults = useFieldArray({ control, name: "keyResults" });
  const cycleId = watch("cycleId");
  const level = watch("level");
  const parents = useQuery({
    ...trpc.objectives.list.queryOptions({ cycleId }),
    enabled: Boolean(cycleId),
  });
  const create = useMutation(trpc.objectives.create.mutationOptions());

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const created = await create.mutateAsync(values);
      await queryClient.invalidateQueries(trpc.objectives.pathFilter());
      router.push(`/objectives/${created.id}`);
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
    }
  });

  const nullable = { setValueAs: (v: string | null) => (v ? v : null) };
  const optional = { setValueAs: (v: string | undefined) => (v ? v : undefined) };
  const number = { valueAsNumber: true } as const;

  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader kicker="OKRs" title="New objective" />
      <form onSubmit={onSubmit} noValidate aria-label="New objective" className="space-y-6">
        <section className={`${ui.card} space-y-4`}>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Cycle" error={errors.cycleId?.message}>
              {(id) => (
                <select id={id} className={ui.select} {...register("cycleId")}>
                  {planning.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                      {c.status === "planning" ? " (planning)" : ""}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Level" error={errors.level?.message}>
              {(id) => (
                <select id={id} className={ui.select} {...register("level")}>
                  {levels.map((l) => (
                    <option key={l} value={l}>
                      {OBJECTIVE_LEVEL_LABELS[l]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Team" error={errors.teamId?.message}>
              {(id) => (
                <select id={id} className={ui.select} {...register("teamId", nullable)}>
                  {level !== "team" && <option value="">No team</option>}
                  {(role === "admin" ? teams : myTeams).map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field
            label="Objective"
            error={errors.title?.message}
            hint="Qualitative and inspiring: what do you want to achieve?"
          >
            {(id) => <input id={id} className={ui.input} aria-invalid={Boolean(errors.title)} {...register("title")} />}
          </Field>
          <Field label="Description" error={errors.description?.message}>
            {(id) => <textarea id={id} rows={3} className={ui.input} {...register("description")} />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Aligns to" error={errors.parentId?.message}>
              {(id) => (
                <select id={id} className={ui.select} {...register("parentId", nullable)}>
                  <option value="">Nothing (top level)</option>
                  {(parents.data?.objectives ?? [])
                    .filter((o) => o.status !== "archived")
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.level === "company" ? "Company · " : o.level === "team" ? "Team · " : "Personal · "}
                        {o.title}
                      </option>
                    ))}
                </select>
              )}
            </Field>
            {strategy.bands.length > 0 && (
              <Field
                label="Strategic objective"
                error={errors.strategicObjectiveId?.message}
                hint="The scorecard objective this quarter's work contributes to."
              >
                {(id) => (
                  <select id={id} className={ui.select} {...register("strategicObjectiveId", nullable)}>
                    <StrategicObjectiveOptions bands={strategy.bands} />
                  </select>
                )}
              </Field>
            )}
            <div className="grid grid-cols-3 gap-3">
              <Field label="Visibility">
                {(id) => (
                  <select id={id} className={ui.select} {...register("visibility")}>
                    {VISIBILITIES.map((v) => (
                      <option key={v} value={v}>
                        {VISIBILITY_LABELS[v]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Progress from">
                {(id) => (
                  <select id={id} className={ui.select} {...register("progressSource")}>
                    {PROGRESS_SOURCES.map((source) => (
                      <option key={source} value={source}>
                        {PROGRESS_SOURCE_LABELS[source]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Weight" error={errors.weight?.message}>
                {(id) => <WeightInput id={id} invalid={Boolean(errors.weight)} {...register("weight", number)} />}
              </Field>
            </div>
          </div>
        </section>

        <section aria-labelledby="krs-heading" className={`${ui.card} space-y-4`}>
          <div className="flex items-center justify-between">
            <h2 id="krs-heading" className="text-base font-semibold">
              Key results
            </h2>
            <button
              type="button"
              className={ui.secondary}
              disabled={keyResults.fields.length >= 10}
              onClick={() => keyResults.append(blankKeyResult)}
            >
              Add key result
            </button>
          </div>
          {keyResults.fields.map((field, index) => {
            const e = errors.keyResults?.[index];
            return (
              <fieldset key={field.id} className="space-y-3 rounded-xl border border-slate-200 p-4">
                <legend className="px-1 text-sm font-medium text-slate-700">Key result {index + 1}</legend>
                <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
                  <Field label={`Key result ${index + 1} title`} error={e?.title?.message}>
                    {(id) => <input id={id} className={ui.input} {...register(`keyResults.${index}.title`)} />}
                  </Field>
                  <div className="flex items-end">
                    <button
                      type="button"
                      className={ui.danger}
                      aria-label={`Remove key result ${index + 1}`}
                      onClick={() => keyResults.remove(index)}
                    >
                      Remove
                    </button>
                  </div>
                </div>
                <div className="grid gap-3 sm:grid-cols-6">
                  <Field label={`Key result ${index + 1} type`} className="sm:col-span-2">
                    {(id) => (
                      <select id={id} className={ui.select} {...register(`keyResults.${index}.type`)}>
                        {KEY_RESULT_TYPES.map((t) => (
                          <option key={t} value={t}>
                            {KEY_RESULT_TYPE_LABELS[t]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label={`Key result ${index + 1} start`} error={e?.startValue?.message}>
                    {(id) => (
                      <input
                        id={id}
                        type="number"
                        step="any"
                        className={ui.input}
                        {...register(`keyResults.${index}.startValue`, number)}
                      />
                    )}
                  </Field>
                  <Field label={`Key result ${index + 1} target`} error={e?.targetValue?.message}>
                    {(id) => (
                      <input
                        id={id}
                        type="number"
                        step="any"
                        className={ui.input}
                        aria-invalid={Boolean(e?.targetValue)}
                        {...register(`keyResults.${index}.targetValue`, number)}
                      />
                    )}
                  </Field>
                  <Field label={`Key result ${index + 1} unit`}>
                    {(id) => (
                      <select id={id} className={ui.select} {...register(`keyResults.${index}.unit`)}>
                        {KEY_RESULT_UNITS.map((u) => (
                          <option key={u} value={u}>
                            {KEY_RESULT_UNIT_LABELS[u]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label={`Key result ${index + 1} unit label`} error={e?.unitLabel?.message}>
                    {(id) => (
                      <input
                        id={id}
                        className={ui.input}
                        placeholder="USD, days…"
                        {...register(`keyResults.${index}.unitLabel`)}
                      />
                    )}
                  </Field>
                  {owners.length > 1 && (
                    <Field label={`Key result ${index + 1} owner`} className="sm:col-span-2">
                      {(id) => (
                        <select id={id} className={ui.select} {...register(`keyResults.${index}.ownerId`, optional)}>
                          <option value="">Objective's owner</option>
                          {owners.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.name}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                  )}
                </div>
              </fieldset>
            );
          })}
          {keyResults.fields.length === 0 && (
            <p className="text-sm text-slate-500">An objective is measured by 2–5 key results.</p>
          )}
        </section>

        <div className="flex flex-wrap items-center gap-4">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register("publish")} />
            Publish now (otherwise it stays a draft for a team lead to publish)
          </label>
          <button type="submit" disabled={isSubmitting} className={`${ui.primary} ml-auto`}>
            {isSubmitting ? "Creating…" : "Create objective"}
          </button>
        </div>
        <ErrorMessage>{failure}</ErrorMessage>
      </form>
    </div>
  );
}
