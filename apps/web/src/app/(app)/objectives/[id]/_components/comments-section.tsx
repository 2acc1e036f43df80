"use client";

import { type TCommentCreate, ZCommentCreateSchema } from "@meridian/domain";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/form-actions";
import { formatDateTime } from "~/components/ui/format";
import { Textarea } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { ui } from "~/components/ui/styles";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import type { ObjectiveDetail } from "./types";

export function CommentsSection({ detail }: { detail: ObjectiveDetail }) {
  const { objective, comments, can } = detail;
  const titles = new Map(objective.keyResults.map((kr) => [kr.id, kr.title]));

  return (
    <section aria-label="Discussion" className={ui.card}>
      <h2 className="text-lg font-semibold text-slate-900">Comments</h2>
      {comments.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No comments yet.</p>
      ) : (
        <ol className="mt-3 space-y-4">
          {comments.map((c) => {
            const about = c.keyResultId ? titles.get(c.keyResultId) : undefined;
            return (
              <li key={c.id} className="border-l-2 border-slate-200 pl-3">
                <p className="text-xs text-slate-500">
                  <span className="font-medium text-slate-700">{c.authorName}</span> ·{" "}
                  <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                  {about && (
                    <>
                      {" "}
                      · on <span className="font-medium text-slate-600">{about}</span>
                    </>
                  )}
                </p>
                <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{c.body}</p>
              </li>
            );
          })}
        </ol>
      )}
      {can.comment && <CommentForm detail={detail} />}
    </section>
  );
}

function CommentForm({ detail }: { detail: ObjectiveDetail }) {
  const { objective } = detail;
  const trpc = useTRPC();
  const invalidate = useInvalidateObjectives();
  const onObjective: TCommentCreate = { objectiveId: objective.id, keyResultId: undefined, body: "" };
  const { register, setValue, watch, reset, onSubmit, pending, error, errors } = useMutationForm({
    schema: ZCommentCreateSchema,
    defaultValues: onObjective,
    mutation: trpc.comments.create.mutationOptions(),
    // A comment not yet posted is kept, and given back, until it is.
    draft: { record: `comment:${objective.id}`, what: "Comment" },
    // The form stays, emptied, on the subject it was about.
    onSuccess: async (_, values) => {
      reset({ ...values, body: "" });
      await invalidate();
    },
  });
  const keyResultId = watch("keyResultId") ?? "";

  // A comment belongs to the objective or to one key result, never both.
  const chooseSubject = (value: string) => {
    setValue("keyResultId", value || undefined);
    setValue("objectiveId", value ? undefined : objective.id);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="mt-5 space-y-3">
      {/* Unnamed on purpose: a form named "Add a comment" would share its label with the "Comment" field. */}
      <h3 className="text-sm font-semibold text-slate-800">Add a comment</h3>
      <Field label="Comment" error={errors.body?.message}>
        {(id) => (
          <Textarea
            id={id}
            rows={3}
            invalid={Boolean(errors.body)}
            placeholder="Share progress, a risk or a question"
            {...register("body")}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-end gap-3">
        {objective.keyResults.length > 0 && (
          <Field label="About" className="min-w-0 flex-1" error={errors.objectiveId?.message}>
            {(id) => (
              <Select
                id={id}
                value={keyResultId}
                onChange={(e) => chooseSubject(e.target.value)}
                options={objective.keyResults.map((kr) => ({ value: kr.id, label: `Key result: ${kr.title}` }))}
              >
                <option value="">The whole objective</option>
              </Select>
            )}
          </Field>
        )}
        <SubmitButton pending={pending} pendingLabel="Posting…">
          Post comment
        </SubmitButton>
      </div>
      <Alert>{error}</Alert>
    </form>
  );
}
