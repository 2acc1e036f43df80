"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { isReviewed, ZReviewOpenSchema } from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/form-actions";
import { Select } from "~/components/ui/select";
import { applyServerErrors } from "~/components/ui/server-errors";
import { useInvalidateReviews } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

type OpenInput = z.input<typeof ZReviewOpenSchema>;
type OpenValues = z.output<typeof ZReviewOpenSchema>;

const REVIEWED = " — reviewed";

/**
 * Opens the review of a cycle for the organization or one team; the snapshot is taken on the server, now.
 * It starts on the first cycle and scope without a review (`reviews.openable`), and marks those that have one.
 */
export function OpenReviewForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidateReviews();
  const { data: cycles = [] } = useQuery(trpc.cycles.list.queryOptions());
  const { data: teams = [] } = useQuery(trpc.teams.list.queryOptions());
  const { data: openable } = useQuery(trpc.reviews.openable.queryOptions());
  const [message, setMessage] = useState<string | null>(null);
  const open = useMutation(trpc.reviews.open.mutationOptions());
  const reviewed = openable?.reviewed ?? [];
  const next = openable?.next ?? null;
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<OpenInput, unknown, OpenValues>({
    resolver: zodResolver(ZReviewOpenSchema),
    values: { cycleId: next?.cycleId ?? cycles[0]?.id ?? "", teamId: next?.teamId ?? null },
    resetOptions: { keepDirtyValues: true },
  });
  const cycleId = useWatch({ control, name: "cycleId" });
  const teamId = useWatch({ control, name: "teamId" }) || null;
  const chosenReviewed = Boolean(cycleId) && isReviewed(reviewed, { cycleId, teamId });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      const created = await open.mutateAsync({ cycleId: values.cycleId, teamId: values.teamId || null });
      await invalidate();
      router.push(`/reviews/${created.id}`);
    } catch (error) {
      setMessage(applyServerErrors(error, setError));
    }
  });

  if (cycles.length === 0) {
    return <p className="text-sm text-slate-500">There is no cycle to review yet.</p>;
  }
  if (openable && next === null) {
    return (
      <p role="status" className="text-sm text-slate-600">
        Every cycle has its review for the whole organization and for every team. Open one from the list.
      </p>
    );
  }
  const scopeReviewed = (scope: string | null) => (isReviewed(reviewed, { cycleId, teamId: scope }) ? REVIEWED : "");
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Open a review" className="space-y-3">
      {/* One above the other: the form sits in a narrow column, and team names are long. */}
      <div className="grid gap-3">
        <Field label="Cycle" error={errors.cycleId?.message}>
          {(id) => (
            <Select id={id} {...register("cycleId")}>
              {cycles.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.status === "closed" ? " (closed)" : c.status === "planning" ? " (planning)" : ""}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Scope" error={errors.teamId?.message}>
          {(id) => (
            <Select
              id={id}
              options={teams.map((t) => ({ value: t.id, label: `Team: ${t.name}${scopeReviewed(t.id)}` }))}
              {...register("teamId", { setValueAs: (v: string) => (v ? v : null) })}
            >
              <option value="">Whole organization{scopeReviewed(null)}</option>
            </Select>
          )}
        </Field>
      </div>
      {chosenReviewed ? (
        <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This cycle and scope has its review already: there is one per cycle and scope. Choose another, or open it from
          the list.
        </p>
      ) : (
        <p className="text-xs text-slate-500">
          Opening takes a snapshot of every score, actual and OKR progress as they stand now; later changes to the data
          do not alter the review.
        </p>
      )}
      <SubmitButton pending={isSubmitting} pendingLabel="Opening…" disabled={isSubmitting || chosenReviewed}>
        Open review
      </SubmitButton>
      <Alert>{message}</Alert>
    </form>
  );
}
