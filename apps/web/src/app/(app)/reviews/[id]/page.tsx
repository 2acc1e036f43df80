import { ZReviewRefSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireSessionUser } from "~/server/auth";
import { getCaller, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { ReviewView } from "./review-view";

type Params = Promise<{ id: string }>;

/** The review, or null where the caller may not read it (another organization's; an open one for a viewer). */
const loadReview = cache(async (id: string) => {
  const input = ZReviewRefSchema.safeParse({ reviewId: id });
  if (!input.success) return null;
  try {
    return await (await getCaller()).reviews.get(input.data);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return null;
    throw error;
  }
});

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
