"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type TCommentCreate, ZCommentCreateSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ErrorMessage, Field } from "~/components/ui/field";
import { formatDateTime } from "~/components/ui/format";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
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
                  <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
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

type CommentInput = z.input<typeof ZCommentCreateSchema>;
type CommentValues = z.output<typeof ZCommentCreateSchema>;

function CommentForm({ detail }: { detail: ObjectiveDetail }) {
  const { objective } = detail;
  const trpc = useTRPC();
  const invalidate = useInvalidateObjectives();
  const [message, setMessage] = useState<string | null>(null);
  const onObjective: TCommentCreate = { objectiveId: objective.id, keyResultId: undefined, body: "" };
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CommentInput, unknown, CommentValues>({
    resolver: zodResolver(ZCommentCreateSchema),
    defaultValues: onObjective,
  });
  const create = useMutation(trpc.comments.create.mutationOptions());
  const keyResultId = watch("keyResultId") ?? "";

  // A comment belongs to the objective or to one key result, never both.
  const chooseSubject = (value: string) => {
    setValue("keyResultId", value || undefined);
    setValue("objectiveId", value ? undefined : objective.id);
  };

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      await create.mutateAsync(values);
      reset({ ...values, body: "" });
      await invalidate();
    } catch (error) {
      setMessage(applyServerErrors(error, setError));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-5 space-y-3">
      {/* Unnamed on purpose: a form named "Add a comment" would share its label with the "Comment" field. */}
      <h3 className="text-sm font-semibold text-slate-800">Add a comment</h3>
      <Field label="Comment" error={errors.body?.message}>
        {(id) => (
          <textarea
            id={id}
            rows={3}
            className={ui.input}
            aria-invalid={Boolean(errors.body)}
            placeholder="Share progress, a risk or a question"
            {...register("body")}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-end gap-3">
        {objective.keyResults.length > 0 && (
          <Field label="About" className="min-w-0 flex-1" error={errors.objectiveId?.message}>
            {(id) => (
              <select id={id} value={keyResultId} onChange={(e) => chooseSubject(e.target.value)} className={ui.select}>
                <option value="">The whole objective</option>
                {objective.keyResults.map((kr) => (
                  <option key={kr.id} value={kr.id}>
                    Key result: {kr.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <button type="submit" disabled={isSubmitting} className={ui.primary}>
          {isSubmitting ? "Posting…" : "Post comment"}
        </button>
      </div>
      {message && <ErrorMessage>{message}</ErrorMessage>}
    </form>
  );
}
