"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  REVIEW_SUBJECT_LABELS,
  type ReviewSnapshot,
  type ReviewSubjectType,
  reviewRows,
  ZCorrectiveActionCreateSchema,
} from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ActionStatusSelect } from "~/components/review/action-status-select";
import type { ReviewAction, ReviewDetail } from "~/components/review/types";
import { ErrorMessage, Field } from "~/components/ui/field";
import { formatDate } from "~/components/ui/format";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useInvalidateReviews } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

export function CorrectiveActionsSection({ review }: { review: ReviewDetail }) {
  const own = review.actions.filter((a) => !a.carriedIn);
  const carried = review.actions.filter((a) => a.carriedIn);
  const finalized = review.status === "finalized";
  return (
    <section aria-labelledby="actions-heading" className={ui.card}>
      <h2 id="actions-heading" className="text-lg font-semibold text-slate-900">
        Corrective actions
      </h2>
      <p className="mt-1 text-sm text-slate-500">
        {finalized
          ? "As they stood when the review was finalized. Live statuses are on the reviews page."
          : "Agreed in this review; they stay open into the next quarter until done."}
      </p>
      <ActionTable actions={own} empty="No corrective actions agreed in this review yet." />
      {carried.length > 0 && (
        <>
          <h3 className="mt-6 text-sm font-semibold text-slate-800">Carried in from earlier reviews</h3>
          <ActionTable actions={carried} empty="" showOrigin />
        </>
      )}
      {review.canEdit && <AddActionForm review={review} />}
    </section>
  );
}

function ActionTable({
  actions,
  empty,
  showOrigin = false,
}: {
  actions: ReviewAction[];
  empty: string;
  showOrigin?: boolean;
}) {
  if (actions.length === 0) return empty ? <p className="mt-3 text-sm text-slate-500">{empty}</p> : null;
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full min-w-[36rem] table-fixed text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Action
            </th>
            <th scope="col" className="w-40 py-2 pr-3 font-medium">
              Owner
            </th>
            <th scope="col" className="w-32 py-2 pr-3 font-medium">
              Due
            </th>
            <th scope="col" className="w-36 py-2 text-right font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {actions.map((a) => (
            <tr key={a.id} className="align-top">
              <td className="py-2.5 pr-3">
                <p className="font-medium text-slate-900">{a.title}</p>
                <p className="text-xs text-slate-500">
                  {REVIEW_SUBJECT_LABELS[a.subjectType]}: {a.subjectName}
                  {showOrigin && <> · from {a.originReviewTitle}</>}
                </p>
              </td>
              <td className="py-2.5 pr-3 text-slate-700">{a.owner.name}</td>
              <td className="whitespace-nowrap py-2.5 pr-3 tabular-nums text-slate-700">{formatDate(a.dueOn)}</td>
              <td className="py-2.5 text-right">
                <ActionStatusSelect action={a} editable={a.canUpdate} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type ActionInput = z.input<typeof ZCorrectiveActionCreateSchema>;
type ActionValues = z.output<typeof ZCorrectiveActionCreateSchema>;

/** Subjects of the snapshot an action may be about, in reading order. */
function subjectOptions(snapshot: ReviewSnapshot) {
  return reviewRows(snapshot)
    .filter((r): r is typeof r & { subjectType: ReviewSubjectType } => r.subjectType !== null)
    .map((r) => ({
      value: `${r.subjectType}|${r.id}`,
      label: `${REVIEW_SUBJECT_LABELS[r.subjectType]}: ${r.name}`,
      // The reddest first is what reviewers reach for.
      red: r.status === "red",
    }));
}

function AddActionForm({ review }: { review: ReviewDetail }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateReviews();
  const { data: people = [] } = useQuery(trpc.people.list.queryOptions());
  const create = useMutation(trpc.correctiveActions.create.mutationOptions());
  const [message, setMessage] = useState<string | null>(null);
  const subjects = useMemo(() => subjectOptions(review.snapshot), [review.snapshot]);
  const first = subjects.find((s) => s.red) ?? subjects[0];
  const [firstType, firstId] = (first?.value ?? "|").split("|");
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ActionInput, unknown, ActionValues>({
    resolver: zodResolver(ZCorrectiveActionCreateSchema),
    defaultValues: {
      reviewId: review.id,
      subjectType: (firstType || "perspective") as ReviewSubjectType,
      subjectId: firstId ?? "",
      title: "",
      ownerId: "",
      dueOn: "",
    },
  });
  const subject = `${watch("subjectType")}|${watch("subjectId")}`;

  if (subjects.length === 0) {
    return (
      <p className="mt-5 text-sm text-slate-500">
        The snapshot holds no perspective, objective or KPI, so there is nothing to attach an action to.
      </p>
    );
  }

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      await create.mutateAsync(values);
      reset({ ...values, title: "" });
      await invalidate();
    } catch (error) {
      setMessage(applyServerErrors(error, setError));
    }
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Add a corrective action"
      className="mt-6 space-y-3 border-t border-slate-100 pt-5"
    >
      <h3 className="text-sm font-semibold text-slate-800">Add a corrective action</h3>
      <Field label="About" error={errors.subjectId?.message ?? errors.subjectType?.message}>
        {(id) => (
          <select
            id={id}
            value={subject}
            onChange={(e) => {
              const [type, subjectId] = e.target.value.split("|");
              setValue("subjectType", type as ReviewSubjectType);
              setValue("subjectId", subjectId ?? "");
            }}
            className={ui.select}
          >
            {subjects.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
                {s.red ? " (red)" : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Action" error={errors.title?.message}>
        {(id) => (
          <input
            id={id}
            className={ui.input}
            aria-invalid={Boolean(errors.title)}
            placeholder="What will be done"
            {...register("title")}
          />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Owner" error={errors.ownerId?.message}>
          {(id) => (
            <select id={id} className={ui.select} aria-invalid={Boolean(errors.ownerId)} {...register("ownerId")}>
              <option value="">Choose an owner</option>
              {people
                .filter((p) => p.role !== "viewer")
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Due date" error={errors.dueOn?.message}>
          {(id) => (
            <input
              id={id}
              type="date"
              className={ui.input}
              aria-invalid={Boolean(errors.dueOn)}
              {...register("dueOn")}
            />
          )}
        </Field>
      </div>
      <button type="submit" disabled={isSubmitting} className={ui.primary}>
        {isSubmitting ? "Adding…" : "Add action"}
      </button>
      {message && <ErrorMessage>{message}</ErrorMessage>}
    </form>
  );
}
