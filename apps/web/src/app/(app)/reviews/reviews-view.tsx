"use client";

import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { OpenActionsList } from "./_components/open-actions-list";
import { OpenReviewForm } from "./_components/open-review-form";
import { ReviewList } from "./_components/review-list";

export function ReviewsView({ canManage, today }: { canManage: boolean; today: string }) {
  const trpc = useTRPC();
  const reviews = useQuery(trpc.reviews.list.queryOptions());
  const actions = useQuery(trpc.correctiveActions.listOpen.queryOptions());

  return (
    <div className="space-y-8">
      <PageHeader kicker="Quarterly review" title="Reviews" />
      <div className={canManage ? "grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : ""}>
        <section aria-labelledby="reviews-heading" className={ui.card}>
          <h2 id="reviews-heading" className="text-lg font-semibold text-slate-900">
            Reviews
          </h2>
          <p className="mt-1 text-sm text-slate-500">
            Each review freezes the scorecard and OKR progress of a cycle. Finalized reviews are read-only.
          </p>
          {reviews.error ? (
            <p role="alert" className="mt-3 text-sm text-rose-700">
              {reviews.error.message}
            </p>
          ) : (
            <ReviewList reviews={reviews.data ?? []} />
          )}
        </section>
        {canManage && (
          <section aria-labelledby="open-review-heading" className={`${ui.card} self-start`}>
            <h2 id="open-review-heading" className="mb-3 text-lg font-semibold text-slate-900">
              Open a review
            </h2>
            <OpenReviewForm />
          </section>
        )}
      </div>
      <section aria-labelledby="open-actions-heading" className={ui.card}>
        <h2 id="open-actions-heading" className="text-lg font-semibold text-slate-900">
          Open corrective actions
        </h2>
        <p className="mt-1 text-sm text-slate-500">
          Actions agreed in reviews stay open into later quarters until they are done.
        </p>
        <OpenActionsList actions={actions.data ?? []} today={today} />
      </section>
    </div>
  );
}
