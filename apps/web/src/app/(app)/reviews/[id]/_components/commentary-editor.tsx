"use client";

import { REVIEW_COMMENT_MAX, type ReviewSubjectType } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ConflictChoice, SaveStatus } from "~/components/forms/save-status";
import { useAutosave } from "~/components/forms/use-autosave";
import type { ReviewCommentEntry } from "~/components/review/types";
import { Button } from "~/components/ui/button";
import { Textarea } from "~/components/ui/input";
import { conflictCurrent } from "~/components/ui/server-errors";
import { useInvalidateReviews } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

/**
 * The commentary on one perspective, objective or KPI: a labelled textarea and
 * Save while the review is open and the caller may edit; the text alone otherwise.
 */
export function CommentaryEditor({
  reviewId,
  subjectType,
  subjectId,
  name,
  comment,
  editable,
  compact = false,
  autoFocus = false,
}: {
  reviewId: string;
  subjectType: ReviewSubjectType;
  subjectId: string;
  name: string;
  comment: ReviewCommentEntry | undefined;
  editable: boolean;
  compact?: boolean;
  /** Opened on request: the caret goes straight into it. */
  autoFocus?: boolean;
}) {
  if (!editable) {
    if (!comment) return null;
    return (
      <div className="rounded-lg border-l-4 border-indigo-200 bg-indigo-50/40 px-3 py-2">
        <p className="whitespace-pre-line text-sm text-slate-800">{comment.body}</p>
        <p className="mt-1 text-xs text-slate-500">— {comment.author.name}</p>
      </div>
    );
  }
  return (
    <EditableCommentary
      reviewId={reviewId}
      subjectType={subjectType}
      subjectId={subjectId}
      name={name}
      comment={comment}
      compact={compact}
      autoFocus={autoFocus}
    />
  );
}

/** An empty editor recedes: dashed and tinted until someone writes in it. */
const EMPTY = "border-dashed border-slate-300 bg-slate-50/60 shadow-none focus:bg-white";

function EditableCommentary({
  reviewId,
  subjectType,
  subjectId,
  name,
  comment,
  compact,
  autoFocus,
}: {
  reviewId: string;
  subjectType: ReviewSubjectType;
  subjectId: string;
  name: string;
  comment: ReviewCommentEntry | undefined;
  compact: boolean;
  autoFocus: boolean;
}) {
  const id = useId();
  const trpc = useTRPC();
  const invalidate = useInvalidateReviews();
  const { mutateAsync } = useMutation(trpc.reviews.comment.mutationOptions());
  const [tooLong, setTooLong] = useState(false);
  // Saves itself as the reviewer types; see components/forms/use-autosave.ts.
  const autosave = useAutosave({
    record: `review:${reviewId}:${subjectType}:${subjectId}`,
    server: { value: comment?.body ?? "", version: comment?.version },
    // `null`: this page saw no commentary here, so one saved meanwhile is a conflict.
    save: async (body, version) => {
      const saved = await mutateAsync({ reviewId, subjectType, subjectId, body, version: version ?? null });
      void invalidate();
      return { version: saved?.version };
    },
    conflictOf: (error) => {
      const current = conflictCurrent(error);
      return current && typeof current.body === "string"
        ? { value: current.body, version: typeof current.version === "number" ? current.version : undefined }
        : null;
    },
    what: `Commentary on ${name}`,
    blocked: tooLong,
  });
  const { state } = autosave;
  const body = state.value;
  const unsaved = state.status === "pending" || state.status === "failed";

  return (
    <div>
      <label htmlFor={id} className={compact ? "sr-only" : "block text-xs font-medium text-slate-600"}>
        Commentary on {name}
      </label>
      <div className={`flex items-start gap-2 ${compact ? "" : "mt-1"}`}>
        <Textarea
          id={id}
          rows={compact ? 1 : 2}
          // Focus moves here only when the person just asked to write here.
          autoFocus={autoFocus}
          value={body}
          onChange={(e) => {
            autosave.setValue(e.target.value);
            setTooLong(e.target.value.length > REVIEW_COMMENT_MAX);
          }}
          invalid={tooLong}
          placeholder={compact ? `Add commentary on ${name}…` : "What happened, and what we do about it"}
          className={`min-h-9 resize-y ${body ? "" : EMPTY}`}
        />
        {/* Saving waits for a pause in typing; the button sends at once. Shown only while there is something to send. */}
        {unsaved && (
          <Button
            onClick={autosave.saveNow}
            disabled={tooLong}
            aria-label={`Save commentary on ${name}`}
            className="shrink-0 px-3 py-1.5"
          >
            Save
          </Button>
        )}
      </div>
      {tooLong && (
        <p className="mt-1 text-xs text-rose-600">Keep the commentary under {REVIEW_COMMENT_MAX} characters.</p>
      )}
      {state.status === "conflict" && state.theirs && (
        <ConflictChoice theirs={state.theirs.value} onKeepMine={autosave.keepMine} onTakeTheirs={autosave.takeTheirs} />
      )}
      <div className="flex flex-wrap items-baseline gap-x-2">
        <SaveStatus state={state} onRetry={autosave.saveNow} />
        {state.status === "saved" && comment && body && (
          <p className="text-xs text-slate-500">Last edited by {comment.author.name}</p>
        )}
      </div>
    </div>
  );
}
