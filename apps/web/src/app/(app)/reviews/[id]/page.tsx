import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { readableReview } from "~/components/review/readable-review";
import { requireSessionUser } from "~/server/auth";
import { getCaller, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { ReviewView } from "./review-view";

type Params = Promise<{ id: string }>;

/** The review, or null where the caller may not read it (another organization's; an open one for a viewer). */
const loadReview = cache((id: string) => readableReview(id, async (input) => (await getCaller()).reviews.get(input)));

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
  queryClient.setQueryData(trpc.reviews.get.queryKey(input), review);
  await Promise.all([
    queryClient.prefetchQuery(trpc.reviews.compare.queryOptions(input)),
    ...(review.canEdit ? [queryClient.prefetchQuery(trpc.people.list.queryOptions())] : []),
  ]);
  return (
    <HydrateClient>
      <ReviewView reviewId={review.id} />
    </HydrateClient>
  );
}
