import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { personSearchInput } from "~/components/people/person-search";
import { readableReview } from "~/components/review/readable-review";
import { requireSessionUser } from "~/server/auth";
import { fetchOnServer, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { kpiPageInput, nextPage, okrPageInput, openAtFirst } from "./_components/review-sections";
import { ReviewView } from "./review-view";

type Params = Promise<{ id: string }>;

/** The review's outline, or null where the caller may not read it (another organization's; an open one for a viewer). */
const loadReview = cache((id: string) =>
  readableReview(id, (input) => fetchOnServer(trpc.reviews.outline.queryOptions(input))),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const review = await loadReview(id);
  return { title: review ? review.title : "Review not found" };
}

export default async function ReviewPage({ params }: { params: Params }) {
  await requireSessionUser();
  const { id } = await params;
  const review = await loadReview(id);
  if (!review) notFound();
  const input = { reviewId: review.id };
  const queryClient = getQueryClient();
  const open = openAtFirst(review.outline);
  // The outline was read above into the same cache; with it go the sections open on arrival (their first
  // pages), the first page of OKRs and the comparison: the rest loads as the reader opens it.
  await Promise.all([
    queryClient.prefetchQuery(trpc.reviews.compare.queryOptions(input)),
    ...[...open.objectives].map((objectiveId) =>
      queryClient.prefetchInfiniteQuery(
        trpc.reviews.kpis.infiniteQueryOptions(kpiPageInput(review.id, objectiveId), { getNextPageParam: nextPage }),
      ),
    ),
    queryClient.prefetchInfiniteQuery(
      trpc.reviews.okrs.infiniteQueryOptions(okrPageInput(review.id), { getNextPageParam: nextPage }),
    ),
    // The action owner picker's first page of people, asked as the browser will.
    ...(review.canEdit ? [queryClient.prefetchQuery(trpc.people.list.queryOptions(personSearchInput("")))] : []),
  ]);
  return (
    <HydrateClient>
      <ReviewView reviewId={review.id} />
    </HydrateClient>
  );
}
