import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { readableReview } from "~/components/review/readable-review";
import { requireSessionUser } from "~/server/auth";
import { fetchOnServer, trpc } from "~/trpc/server";
import { PrintButton } from "./_components/print-button";
import { PrintReview } from "./_components/print-review";

type Params = Promise<{ id: string }>;

/**
 * Outside the app's layout on purpose: no navigation or chrome, only the review
 * on A4. Read through the same caller as every page, so the same permissions apply.
 */
const loadReview = cache((id: string) =>
  readableReview(id, async (input) => {
    const [review, comparison] = await Promise.all([
      fetchOnServer(trpc.reviews.get.queryOptions(input)),
      fetchOnServer(trpc.reviews.compare.queryOptions(input)),
    ]);
    return { review, comparison };
  }),
);

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
