"use client";

import { REVIEW_COMMENT_MAX, type ReviewSubjectType } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
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
  const save = useMutation(trpc.reviews.comment.mutationOptions());
  const serverBody = comment?.body ?? "";
  const [body, setBody] = useState(serverBody);
  const [shownServerBody, setShownServerBody] = useState(serverBody);
  // Someone else's save arriving with a refetch replaces the text only while it is untouched here.
  if (serverBody !== shownServerBody) {
    setShownServerBody(serverBody);
    if (body === shownServerBody) setBody(serverBody);
  }
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty = body.trim() !== serverBody;
  const tooLong = body.length > REVIEW_COMMENT_MAX;

  const onSave = async () => {
    setMessage(null);
    setSaved(false);
    try {
      await save.mutateAsync({ reviewId, subjectType, subjectId, body, version: comment?.version });
      setSaved(true);
      await invalidate();
    } catch (error) {
      const current = conflictCurrent(error);
      if (current && typeof current.body === "string") {
        setMessage("Someone else saved commentary here meanwhile; their text is shown. Edit it and save again.");
        setBody(current.body);
        await invalidate();
      } else setMessage(error instanceof Error ? error.message : "Could not save the commentary.");
    }
  };

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
            setBody(e.target.value);
            setSaved(false);
          }}
          invalid={tooLong}
          placeholder={compact ? `Add commentary on ${name}…` : "What happened, and what we do about it"}
          className={`min-h-9 resize-y ${body ? "" : EMPTY}`}
        />
        {/* Shown once there is something to save, so a page of empty editors stays quiet. */}
        {(dirty || save.isPending) && (
          <Button
            onClick={onSave}
            disabled={tooLong || save.isPending}
            aria-label={`Save commentary on ${name}`}
            className="shrink-0 px-3 py-1.5"
          >
            {save.isPending ? "Saving…" : "Save"}
          </Button>
        )}
      </div>
      {tooLong && (
        <p className="mt-1 text-xs text-rose-600">Keep the commentary under {REVIEW_COMMENT_MAX} characters.</p>
      )}
      {message && (
        <p role="alert" className="mt-1 text-xs text-rose-600">
          {message}
        </p>
      )}
      {!dirty && (comment || saved) && (
        <p className="mt-1 text-xs text-slate-500">
          {comment && <>Last edited by {comment.author.name}</>}
          {saved && (
            <span role="status" className="font-medium text-emerald-700">
              {comment ? " · " : ""}Saved.
            </span>
          )}
        </p>
      )}
    </div>
  );
}
