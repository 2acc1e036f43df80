"use client";

import Link from "next/link";
import { ActionRow } from "~/components/review/action-row";
import { DataTable, END } from "~/components/review/data-table";
import type { OpenAction } from "~/components/review/types";

/** The organization's corrective actions still open, soonest due first; overdue ones say so. */
export function OpenActionsList({ actions, today }: { actions: OpenAction[]; today: string }) {
  if (actions.length === 0) {
    return <p className="mt-3 text-sm text-slate-500">No open corrective actions.</p>;
  }
  return (
    <DataTable caption="Open corrective actions" columns={["Action", "Owner", "Due", ["Status", END]]}>
      <tbody className="divide-y divide-slate-100">
        {actions.map((a) => (
          <ActionRow
            key={a.id}
            action={a}
            overdue={a.dueOn < today}
            origin={
              <Link href={`/reviews/${a.reviewId}`} className="text-indigo-600 hover:underline">
                {a.originReviewTitle}
              </Link>
            }
          />
        ))}
      </tbody>
    </DataTable>
  );
}
