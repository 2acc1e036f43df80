"use client";

import { commentSegments, mentionToken, type TCommentCreate, ZCommentCreateSchema } from "@meridian/domain";
import { useId, useState } from "react";
import { PersonPicker } from "~/components/people/person-picker";
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
              <li key={c.id} id={`comment-${c.id}`} className="scroll-mt-20 border-l-2 border-slate-200 pl-3">
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
                <p className="mt-1 whitespace-pre-line text-sm text-slate-800">
                  <CommentBody body={c.body} />
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {can.comment && <CommentForm detail={detail} />}
    </section>
  );
}

/** A comment's text with its mention tokens shown as names. */
function CommentBody({ body }: { body: string }) {
  return (
    <>
      {commentSegments(body).map((segment, i) =>
        segment.type === "text" ? (
          // Segments are positional: a comment's text never reorders, so the index is a stable key.
          <span key={i}>{segment.text}</span>
        ) : (
          <span key={i} className="rounded bg-indigo-50 px-0.5 font-medium text-indigo-700">
            @{segment.name}
          </span>
        ),
      )}
    </>
  );
}

/**
 * Mentions a person: choosing them adds a token `@[Name](id)` to the comment
 * (shown as "@Name" once posted), which tells them when it is posted.
 */
function MentionPicker({ onPick }: { onPick: (person: { id: string; name: string }) => void }) {
  const id = useId();
  const [choice, setChoice] = useState("");
  const [names] = useState(() => new Map<string, string>());
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Mention someone
      </label>
      <PersonPicker
        id={id}
        className="mt-1"
        value={choice}
        emptyLabel="Choose a person to mention"
        searchLabel="Search people to mention"
        accept={(p) => {
          names.set(p.id, p.name);
          return true;
        }}
        onChange={(personId) => {
          const name = names.get(personId);
          if (personId && name) onPick({ id: personId, name });
          setChoice("");
        }}
      />
    </div>
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
  const mention = (person: { id: string; name: string }) => {
    const body = watch("body") ?? "";
    setValue("body", `${body}${body && !/\s$/.test(body) ? " " : ""}${mentionToken(person)} `, { shouldDirty: true });
  };

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
      <MentionPicker onPick={mention} />
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
