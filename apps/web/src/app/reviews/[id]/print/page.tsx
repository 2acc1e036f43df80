import { ZReviewRefSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { requireSessionUser } from "~/server/auth";
import { getCaller } from "~/trpc/server";
import { PrintButton } from "./_components/print-button";
import { PrintReview } from "./_components/print-review";

type Params = Promise<{ id: string }>;

/**
 * Outside the app's layout on purpose: no navigation or chrome, only the review
 * on A4. Read through the same caller as every page, so the same permissions apply.
 */
const loadReview = cache(async (id: string) => {
  const input = ZReviewRefSchema.safeParse({ reviewId: id });
  if (!input.success) return null;
  const caller = await getCaller();
  try {
    const [review, comparison] = await Promise.all([
      caller.reviews.get(input.data),
      caller.reviews.compare(input.data),
    ]);
    return { review, comparison };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const loaded = await loadReview(id);
  return { title: loaded ? `${loaded.review.title} (print)` : "Review not found" };
}

export default async function PrintReviewPage({ params }: { params: Params }) {
  const user = await requireSessionUser();
  if (user.mustChangePassword) redirect("/account/password");
  const { id } = await params;
  const loaded = await loadReview(id);
  if (!loaded) notFound();
  return (
    <PrintReview
      review={loaded.review}
      comparison={loaded.comparison}
      toolbar={
        <div className="flex items-center gap-3">
          <Link href={`/reviews/${id}`} className="text-sm font-medium text-indigo-600 hover:underline">
            Back to the review
          </Link>
          <PrintButton />
        </div>
      }
    />
  );
}
