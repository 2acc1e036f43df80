"use client";

import { quarterLabel } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useFinalizeQuestion } from "~/components/review/finalize-guard";
import { finalizeQuestion } from "~/components/review/finalize-question";
import { finalizedNote } from "~/components/review/finalized";
import { ReviewStatusBadge } from "~/components/review/review-status-badge";
import type { ReviewOutlineDetail } from "~/components/review/types";
import { StatusPill } from "~/components/scorecard/status-pill";
import { buttonClass } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { formatDate } from "~/components/ui/format";
import { useInvalidateReviews } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

export function ReviewHeader({ review }: { review: ReviewOutlineDetail }) {
  const snapshot = review.outline;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-medium text-indigo-600">
            Quarterly review · {review.team ? `Team ${review.team.name}` : "Whole organization"}
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{review.title}</h1>
            <ReviewStatusBadge status={review.status} />
          </div>
          <p className="mt-1 text-sm text-slate-500">
            Scorecard of {quarterLabel(snapshot.period)} ({formatDate(snapshot.period.start)} –{" "}
            {formatDate(snapshot.period.end)}) · snapshot taken {formatDate(new Date(snapshot.takenAt))} · opened by{" "}
            {review.openedBy.name}
            {finalizedNote(review)}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <a href={`/reviews/${review.id}/print`} target="_blank" rel="noopener" className={buttonClass("secondary")}>
            Print / PDF
          </a>
          <a href={`/reviews/${review.id}/export.csv`} download className={buttonClass("secondary")}>
            Download CSV
          </a>
          {review.canEdit && <FinalizeButton review={review} />}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3">
        <span className="text-sm font-medium text-slate-700">Scorecard</span>
        <StatusPill status={snapshot.scorecard.status} score={snapshot.scorecard.score} />
        <span aria-hidden="true" className="hidden text-slate-300 sm:inline">
          |
        </span>
        {snapshot.scorecard.perspectives.map((p) => (
          <span key={p.id} className="inline-flex items-center gap-1.5 text-sm text-slate-600">
            {p.name} <StatusPill status={p.status} score={p.score} />
          </span>
        ))}
      </div>
      {review.status === "finalized" && (
        <p className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-2 text-sm text-slate-600">
          This review is finalized and read-only. It keeps its snapshot even as the data changes.
        </p>
      )}
    </div>
  );
}

function FinalizeButton({ review }: { review: ReviewOutlineDetail }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateReviews();
  const finalize = useMutation(trpc.reviews.finalize.mutationOptions());
  const [message, setMessage] = useState<string | null>(null);
  const ask = useFinalizeQuestion(finalizeQuestion(review.cycle), "Yes, finalize");
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmAction
        label="Finalize review"
        question={ask.question}
        confirmLabel={ask.confirmLabel}
        pending={finalize.isPending}
        onConfirm={async () => {
          setMessage(null);
          try {
            await finalize.mutateAsync({ reviewId: review.id, version: review.version });
          } catch (error) {
            setMessage(error instanceof Error ? error.message : "Could not finalize the review.");
          }
          await invalidate();
        }}
      />
      {message && (
        <p role="alert" className="text-xs text-rose-600">
          {message}
        </p>
      )}
    </div>
  );
}
