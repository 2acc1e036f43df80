"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ZCarryOverSchema } from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ErrorMessage, Field } from "~/components/ui/field";
import { formatDate, formatPercent } from "~/components/ui/format";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { CycleOption, ObjectiveDetail } from "./types";

type CarryOverInput = z.input<typeof ZCarryOverSchema>;
type CarryOverValues = z.output<typeof ZCarryOverSchema>;

/** Admins, on a closed cycle: copy the objective and the chosen key results into a cycle still ahead. */
export function CarryOverForm({ detail }: { detail: ObjectiveDetail }) {
  const trpc = useTRPC();
  const cycles = useQuery(trpc.cycles.list.queryOptions());
  const targets = (cycles.data ?? []).filter((c) => c.status !== "closed" && c.id !== detail.objective.cycleId);

  return (
    <section aria-labelledby="carry-over-heading" className={ui.card}>
      <h2 id="carry-over-heading" className="text-lg font-semibold text-slate-900">
        Carry over
      </h2>
      <p className="mt-1 text-sm text-slate-500">
        Copy this objective into another cycle with the key results still worth pursuing. The copies start where these
        ended; this objective keeps its history.
      </p>
      {cycles.isPending ? (
        <p className="mt-3 text-sm text-slate-500">Loading cycles…</p>
      ) : targets.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">
          There is no open or planned cycle to carry over into. Create the next cycle first.
        </p>
      ) : (
        <CarryOverFields detail={detail} targets={targets} />
      )}
    </section>
  );
}

function CarryOverFields({ detail, targets }: { detail: ObjectiveDetail; targets: readonly CycleOption[] }) {
  const { objective } = detail;
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidateObjectives();
  const [message, setMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<CarryOverInput, unknown, CarryOverValues>({
    resolver: zodResolver(ZCarryOverSchema),
    defaultValues: {
      objectiveId: objective.id,
      targetCycleId: targets[0]?.id ?? "",
      // Unfinished key results are what usually carries over.
      keyResultIds: objective.keyResults.filter((kr) => kr.progress < 1).map((kr) => kr.id),
    },
  });
  const carryOver = useMutation(trpc.cycles.carryOver.mutationOptions());
  const chosen = watch("keyResultIds");

  const toggle = (id: string, checked: boolean) => {
    const next = checked ? [...chosen.filter((k) => k !== id), id] : chosen.filter((k) => k !== id);
    setValue("keyResultIds", next, { shouldValidate: true });
  };

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      const { objectiveId } = await carryOver.mutateAsync(values);
      await invalidate();
      router.push(`/objectives/${objectiveId}`);
    } catch (error) {
      setMessage(applyServerErrors(error, setError));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Carry over" className="mt-4 space-y-4">
      <Field label="Target cycle" className="max-w-sm" error={errors.targetCycleId?.message}>
        {(id) => (
          <select id={id} className={ui.select} {...register("targetCycleId")}>
            {targets.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({formatDate(c.startsOn)} – {formatDate(c.endsOn)})
                {c.status === "planning" ? " · planning" : ""}
              </option>
            ))}
          </select>
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
      {message && <ErrorMessage>{message}</ErrorMessage>}
      <button type="submit" disabled={isSubmitting} className={ui.primary}>
        {isSubmitting ? "Carrying over…" : "Carry over"}
      </button>
    </form>
  );
}
