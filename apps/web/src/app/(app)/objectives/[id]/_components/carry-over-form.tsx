"use client";

import { ZCarryOverSchema } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/form-actions";
import { formatDate, formatPercent } from "~/components/ui/format";
import { Section } from "~/components/ui/section";
import { Select } from "~/components/ui/select";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import type { CycleOption, ObjectiveDetail } from "./types";

/** Admins, on a closed cycle: copy the objective and the chosen key results into a cycle still ahead. */
export function CarryOverForm({ detail }: { detail: ObjectiveDetail }) {
  const trpc = useTRPC();
  const cycles = useQuery(trpc.cycles.list.queryOptions());
  const targets = (cycles.data ?? []).filter((c) => c.status !== "closed" && c.id !== detail.objective.cycleId);

  return (
    <Section
      title="Carry over"
      description="Copy this objective into another cycle with the key results still worth pursuing. The copies start where these ended; this objective keeps its history."
    >
      {cycles.isPending ? (
        <p className="mt-3 text-sm text-slate-500">Loading cycles…</p>
      ) : targets.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">
          There is no open or planned cycle to carry over into. Create the next cycle first.
        </p>
      ) : (
        <CarryOverFields detail={detail} targets={targets} />
      )}
    </Section>
  );
}

function CarryOverFields({ detail, targets }: { detail: ObjectiveDetail; targets: readonly CycleOption[] }) {
  const { objective } = detail;
  const trpc = useTRPC();
  const router = useRouter();
  const { register, setValue, watch, onSubmit, pending, error, errors } = useMutationForm({
    schema: ZCarryOverSchema,
    defaultValues: {
      objectiveId: objective.id,
      targetCycleId: targets[0]?.id ?? "",
      // Unfinished key results are what usually carries over.
      keyResultIds: objective.keyResults.filter((kr) => kr.progress < 1).map((kr) => kr.id),
    },
    mutation: trpc.cycles.carryOver.mutationOptions(),
    invalidate: useInvalidateObjectives(),
    onSuccess: ({ objectiveId }) => router.push(`/objectives/${objectiveId}`),
  });
  const chosen = watch("keyResultIds") ?? [];

  const toggle = (id: string, checked: boolean) => {
    const next = checked ? [...chosen.filter((k) => k !== id), id] : chosen.filter((k) => k !== id);
    setValue("keyResultIds", next, { shouldValidate: true });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Carry over" className="mt-4 space-y-4">
      <Field label="Target cycle" className="max-w-sm" error={errors.targetCycleId?.message}>
        {(id) => (
          <Select
            id={id}
            options={targets.map((c) => ({
              value: c.id,
              label: `${c.name} (${formatDate(c.startsOn)} – ${formatDate(c.endsOn)})${c.status === "planning" ? " · planning" : ""}`,
            }))}
            {...register("targetCycleId")}
          />
        )}
      </Field>
      {objective.keyResults.length > 0 && (
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Key results to carry over</legend>
          <ul className="mt-2 space-y-1.5">
            {objective.keyResults.map((kr) => (
              <li key={kr.id}>
                <label className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    checked={chosen.includes(kr.id)}
                    onChange={(e) => toggle(kr.id, e.target.checked)}
                    className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
                  />
                  <span>{kr.title}</span>
                  <span className="text-xs text-slate-500">{formatPercent(kr.progress)}</span>
                </label>
              </li>
            ))}
          </ul>
          {errors.keyResultIds?.message && <p className="mt-1 text-xs text-rose-600">{errors.keyResultIds.message}</p>}
        </fieldset>
      )}
      <Alert>{error}</Alert>
      <SubmitButton pending={pending} pendingLabel="Carrying over…">
        Carry over
      </SubmitButton>
    </form>
  );
}
