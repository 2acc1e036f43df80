import Link from "next/link";
import { finalizedNote } from "~/components/review/finalized";
import { ReviewStatusBadge } from "~/components/review/review-status-badge";
import type { ReviewListItem } from "~/components/review/types";
import { formatDate } from "~/components/ui/format";

export function ReviewList({ reviews }: { reviews: ReviewListItem[] }) {
  if (reviews.length === 0) {
    return <p className="mt-3 text-sm text-slate-500">No reviews yet.</p>;
  }
  return (
    <ul className="mt-3 divide-y divide-slate-100">
      {reviews.map((r) => (
        <li key={r.id} className="flex items-start justify-between gap-3 py-3">
          <div className="min-w-0 flex-1">
            <Link
              href={`/reviews/${r.id}`}
              className="font-medium text-slate-900 hover:text-indigo-700 hover:underline"
            >
              {r.title}
            </Link>
            <p className="mt-0.5 text-xs text-slate-500">
              {r.cycleName} · {r.team ? r.team.name : "Whole organization"} · opened {formatDate(r.openedAt)} by{" "}
              {r.openedBy.name}
              {finalizedNote(r)}
            </p>
          </div>
          <ReviewStatusBadge status={r.status} />
        </li>
      ))}
    </ul>
  );
}
