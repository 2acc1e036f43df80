import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { personSearchInput } from "~/components/people/person-search";
import { readableReview } from "~/components/review/readable-review";
import { requireSessionUser } from "~/server/auth";
import { fetchOnServer, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { ReviewView } from "./review-view";

type Params = Promise<{ id: string }>;

/** The review, or null where the caller may not read it (another organization's; an open one for a viewer). */
const loadReview = cache((id: string) =>
  readableReview(id, (input) => fetchOnServer(trpc.reviews.get.queryOptions(input))),
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
  // The review itself was read above into the same cache: handed to the browser, not fetched again.
  await Promise.all([
    queryClient.prefetchQuery(trpc.reviews.compare.queryOptions(input)),
    // The action owner picker's first page of people, asked as the browser will.
    ...(review.canEdit ? [queryClient.prefetchQuery(trpc.people.list.queryOptions(personSearchInput("")))] : []),
  ]);
  return (
    <HydrateClient>
      <ReviewView reviewId={review.id} />
    </HydrateClient>
  );
}
