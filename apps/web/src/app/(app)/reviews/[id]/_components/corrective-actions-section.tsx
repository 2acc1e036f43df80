"use client";

import { REVIEW_SUBJECT_LABELS, type ReviewSubjectType, ZCorrectiveActionCreateSchema } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { Controller } from "react-hook-form";
import { PersonPicker } from "~/components/people/person-picker";
import { ActionRow, DUE_COLUMN, OWNER_COLUMN } from "~/components/review/action-row";
import { DataTable } from "~/components/review/data-table";
import type { ReviewAction, ReviewOutlineDetail } from "~/components/review/types";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/form-actions";
import { Input } from "~/components/ui/input";
import { Section } from "~/components/ui/section";
import { Select } from "~/components/ui/select";
import { useInvalidateReviews } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";

type ActionReview = Pick<ReviewOutlineDetail, "id" | "status" | "canEdit" | "actions">;

export function CorrectiveActionsSection({ review }: { review: ActionReview }) {
  const own = review.actions.filter((a) => !a.carriedIn);
  const carried = review.actions.filter((a) => a.carriedIn);
  const finalized = review.status === "finalized";
  return (
    <Section
      title="Corrective actions"
      description={
        finalized
          ? "As they stood when the review was finalized. Live statuses are on the reviews page."
          : "Agreed in this review; they stay open into the next quarter until done."
      }
    >
      <ActionTable actions={own} empty="No corrective actions agreed in this review yet." />
      {carried.length > 0 && (
        <>
          <h3 className="mt-6 text-sm font-semibold text-slate-800">Carried in from earlier reviews</h3>
          <ActionTable actions={carried} empty="" showOrigin />
        </>
      )}
      {review.canEdit && <AddActionForm review={review} />}
    </Section>
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
    <DataTable
      caption="Corrective actions"
      columns={["Action", OWNER_COLUMN, DUE_COLUMN, ["Status", "w-36 py-2 text-right"]]}
      tableClassName="table-fixed sm:min-w-[36rem]"
    >
      <tbody className="divide-y divide-slate-100">
        {actions.map((a) => (
          <ActionRow key={a.id} action={a} origin={showOrigin ? a.originReviewTitle : undefined} />
        ))}
      </tbody>
    </DataTable>
  );
}

/**
 * The form to add an action. What it may be about (every perspective, objective and KPI of the snapshot:
 * thousands in a company's review) is read once the page is in the browser, not sent with the page.
 */
function AddActionForm({ review }: { review: ActionReview }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.reviews.subjects.queryOptions({ reviewId: review.id }));
  const subjects = useMemo(
    () =>
      (query.data ?? []).map((r) => ({
        value: `${r.subjectType}|${r.id}`,
        label: `${REVIEW_SUBJECT_LABELS[r.subjectType]}: ${r.name}`,
        // The reddest first is what reviewers reach for.
        red: r.red,
      })),
    [query.data],
  );
  const form = useMutationForm({
    schema: ZCorrectiveActionCreateSchema,
    defaultValues: {
      reviewId: review.id,
      subjectType: "perspective" as ReviewSubjectType,
      subjectId: "",
      title: "",
      ownerId: "",
      dueOn: "",
    },
    mutation: trpc.correctiveActions.create.mutationOptions(),
    invalidate: useInvalidateReviews(),
    // The next action is often about the same subject, by the same owner.
    onSuccess: (_created, values): void => form.reset({ ...values, title: "" }),
  });
  const { register, control, setValue, watch, onSubmit, pending, error: message } = form;
  const { errors } = form.formState;
  const subject = `${watch("subjectType")}|${watch("subjectId")}`;
  const chosen = Boolean(watch("subjectId"));

  // Once the subjects arrive, the form starts on the first red one (else the first).
  useEffect(() => {
    if (chosen) return;
    const first = subjects.find((s) => s.red) ?? subjects[0];
    if (!first) return;
    const [type, id] = first.value.split("|");
    setValue("subjectType", type as ReviewSubjectType);
    setValue("subjectId", id ?? "");
  }, [subjects, chosen, setValue]);

  if (query.error) return <Alert>{query.error.message}</Alert>;
  if (query.data && subjects.length === 0) {
    return (
      <p className="mt-5 text-sm text-slate-500">
        The snapshot holds no perspective, objective or KPI, so there is nothing to attach an action to.
      </p>
    );
  }

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
          <Select
            id={id}
            value={subject}
            disabled={!query.data}
            onChange={(e) => {
              const [type, subjectId] = e.target.value.split("|");
              setValue("subjectType", type as ReviewSubjectType);
              setValue("subjectId", subjectId ?? "");
            }}
          >
            {!query.data && <option value={subject}>Loading…</option>}
            {subjects.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
                {s.red ? " (red)" : ""}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Action" error={errors.title?.message}>
        {(id) => (
          <Input id={id} invalid={Boolean(errors.title)} placeholder="What will be done" {...register("title")} />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Owner" error={errors.ownerId?.message}>
          {(id) => (
            <Controller
              control={control}
              name="ownerId"
              render={({ field }) => (
                <PersonPicker
                  id={id}
                  {...field}
                  invalid={Boolean(errors.ownerId)}
                  emptyLabel="Choose an owner"
                  accept={(p) => p.role !== "viewer"}
                />
              )}
            />
          )}
        </Field>
        <Field label="Due date" error={errors.dueOn?.message}>
          {(id) => <Input id={id} type="date" invalid={Boolean(errors.dueOn)} {...register("dueOn")} />}
        </Field>
      </div>
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add action
      </SubmitButton>
      <Alert>{message}</Alert>
    </form>
  );
}
