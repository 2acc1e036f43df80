"use client";

import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "~/components/ui/field";
import { Section } from "~/components/ui/section";
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
        <Section
          title="Reviews"
          description="Each review freezes the scorecard and OKR progress of a cycle. Finalized reviews are read-only."
        >
          {reviews.error ? (
            <p role="alert" className="mt-3 text-sm text-rose-700">
              {reviews.error.message}
            </p>
          ) : (
            <ReviewList reviews={reviews.data ?? []} />
          )}
        </Section>
        {canManage && (
          <Section title="Open a review" className="self-start">
            <div className="mt-3">
              <OpenReviewForm />
            </div>
          </Section>
        )}
      </div>
      <Section
        title="Open corrective actions"
        description="Actions agreed in reviews stay open into later quarters until they are done."
      >
        <OpenActionsList actions={actions.data ?? []} today={today} />
      </Section>
    </div>
  );
}
