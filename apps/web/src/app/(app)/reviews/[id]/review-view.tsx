"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { LoadError, Loading } from "~/components/okr/page-states";
import { OkrTable } from "~/components/review/okr-table";
import { Button } from "~/components/ui/button";
import { Section } from "~/components/ui/section";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { ComparisonSection } from "./_components/comparison-section";
import { CorrectiveActionsSection } from "./_components/corrective-actions-section";
import { PagedKpiTable, PerspectiveSection } from "./_components/perspective-section";
import { ReviewHeader } from "./_components/review-header";
import { nextPage, okrPageInput, openAtFirst } from "./_components/review-sections";

export function ReviewView({ reviewId }: { reviewId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.reviews.outline.queryOptions({ reviewId }));
  const comparison = useQuery(trpc.reviews.compare.queryOptions({ reviewId }));
  const outline = query.data?.outline;
  // What is open on arrival; each section keeps its own state after that, so a refetch closes nothing.
  const open = useMemo(() => (outline ? openAtFirst(outline) : null), [outline]);

  if (query.error) return <LoadError message={query.error.message} />;
  if (!query.data || !outline || !open) return <Loading />;

  const review = query.data;
  const { scorecard } = outline;
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
            openAtFirst={open}
          />
        ))}
        {scorecard.unlinkedKpiIds.length > 0 && (
          <section aria-labelledby="unlinked-heading" className={ui.card}>
            <h3 id="unlinked-heading" className="text-lg font-semibold text-slate-900">
              KPIs outside the strategy
            </h3>
            <p className="mt-1 text-sm text-slate-500">Linked to no strategic objective: shown, but in no average.</p>
            <UnlinkedKpis
              reviewId={review.id}
              total={scorecard.unlinkedKpiIds.length}
              openAtFirst={open.objectives.has(null)}
              commentFor={commentFor}
              editable={review.canEdit}
            />
          </section>
        )}
      </div>

      <CorrectiveActionsSection review={review} />
      <ComparisonSection comparison={comparison.data} unlinkedKpiIds={new Set(scorecard.unlinkedKpiIds)} />

      <Section
        title={`OKR progress in ${review.cycle.name}`}
        description="Public objectives, as they stood when the review was opened."
      >
        <PagedOkrTable reviewId={review.id} total={outline.okrCount} />
      </Section>
    </div>
  );
}

function UnlinkedKpis({
  reviewId,
  total,
  openAtFirst,
  commentFor,
  editable,
}: {
  reviewId: string;
  total: number;
  openAtFirst: boolean;
  commentFor: Parameters<typeof PagedKpiTable>[0]["commentFor"];
  editable: boolean;
}) {
  const [open, setOpen] = useState(openAtFirst);
  if (!open) {
    return (
      <Button variant="secondary" size="sm" className="mt-3" onClick={() => setOpen(true)}>
        Show the {total} {total === 1 ? "KPI" : "KPIs"}
      </Button>
    );
  }
  return (
    <div className="mt-3 rounded-xl border border-slate-200">
      <PagedKpiTable
        of="no strategic objective"
        reviewId={reviewId}
        objectiveId={null}
        total={total}
        commentFor={commentFor}
        editable={editable}
      />
    </div>
  );
}

/** The cycle's OKR objectives as the snapshot froze them, a page at a time. */
function PagedOkrTable({ reviewId, total }: { reviewId: string; total: number }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.reviews.okrs.infiniteQueryOptions(okrPageInput(reviewId), { getNextPageParam: nextPage }),
  );
  if (pages.error) return <LoadError message={pages.error.message} />;
  if (!pages.data) return <p className="mt-3 text-sm text-slate-500">Loading…</p>;
  const okrs = pages.data.pages.flatMap((p) => p.okrs);
  return (
    <>
      <OkrTable okrs={okrs} />
      {pages.hasNextPage && (
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          disabled={pages.isFetchingNextPage}
          onClick={() => pages.fetchNextPage()}
        >
          {pages.isFetchingNextPage ? "Loading…" : `Show more objectives (${okrs.length} of ${total})`}
        </Button>
      )}
    </>
  );
}
