"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { LoadError, Loading } from "~/components/okr/page-states";
import { OkrTable } from "~/components/review/okr-table";
import { Section } from "~/components/ui/section";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { ComparisonSection } from "./_components/comparison-section";
import { CorrectiveActionsSection } from "./_components/corrective-actions-section";
import { KpiTable, PerspectiveSection } from "./_components/perspective-section";
import { ReviewHeader } from "./_components/review-header";

export function ReviewView({ reviewId }: { reviewId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.reviews.get.queryOptions({ reviewId }));
  const comparison = useQuery(trpc.reviews.compare.queryOptions({ reviewId }));

  if (query.error) return <LoadError message={query.error.message} />;
  if (!query.data) return <Loading />;

  const review = query.data;
  const { scorecard, okrs } = review.snapshot;
  const comments = new Map(review.comments.map((c) => [`${c.subjectType}|${c.subjectId}`, c]));
  const commentFor = (type: string, id: string) => comments.get(`${type}|${id}`);

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/reviews" className="text-indigo-600 hover:underline">
          ← All reviews
        </Link>
      </nav>
      <ReviewHeader review={review} />

      <div className="space-y-6">
        <h2 className="text-lg font-semibold text-slate-900">Scorecard by perspective</h2>
        {scorecard.perspectives.length === 0 && (
          <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-500">
            {review.team
              ? `No part of the scorecard belonged to ${review.team.name} when this review was opened: none of its people owned a strategic objective or KPI, and none of its objectives aligned to one.`
              : "The scorecard had no perspectives when this review was opened."}
          </p>
        )}
        {scorecard.perspectives.map((p) => (
          <PerspectiveSection
            key={p.id}
            reviewId={review.id}
            perspective={p}
            commentFor={commentFor}
            editable={review.canEdit}
          />
        ))}
        {scorecard.unlinkedKpis.length > 0 && (
          <section aria-labelledby="unlinked-heading" className={ui.card}>
            <h3 id="unlinked-heading" className="text-lg font-semibold text-slate-900">
              KPIs outside the strategy
            </h3>
            <p className="mt-1 text-sm text-slate-500">Linked to no strategic objective: shown, but in no average.</p>
            <div className="mt-3 rounded-xl border border-slate-200">
              <KpiTable
                of="no strategic objective"
                reviewId={review.id}
                kpis={scorecard.unlinkedKpis}
                commentFor={commentFor}
                editable={review.canEdit}
              />
            </div>
          </section>
        )}
      </div>

      <CorrectiveActionsSection review={review} />
      <ComparisonSection
        comparison={comparison.data}
        unlinkedKpiIds={new Set(scorecard.unlinkedKpis.map((k) => k.id))}
      />

      <Section
        title={`OKR progress in ${review.cycle.name}`}
        description="Public objectives, as they stood when the review was opened."
      >
        <OkrTable okrs={okrs} />
      </Section>
    </div>
  );
}
