"use client";

import { REVIEW_SUBJECT_LABELS } from "@meridian/domain";
import Link from "next/link";
import { ActionStatusSelect } from "~/components/review/action-status-select";
import { DataTable, END } from "~/components/review/data-table";
import type { OpenAction } from "~/components/review/types";
import { formatDate } from "~/components/ui/format";

/** The organization's corrective actions still open, soonest due first; overdue ones say so. */
export function OpenActionsList({ actions, today }: { actions: OpenAction[]; today: string }) {
  if (actions.length === 0) {
    return <p className="mt-3 text-sm text-slate-500">No open corrective actions.</p>;
  }
  return (
    <DataTable columns={["Action", "Owner", "Due", ["Status", END]]}>
      <tbody className="divide-y divide-slate-100">
        {actions.map((a) => {
          const overdue = a.dueOn < today;
          return (
            <tr key={a.id} className="align-top">
              <td className="py-2.5 pr-3">
                <p className="font-medium text-slate-900">{a.title}</p>
                <p className="text-xs text-slate-500">
                  {REVIEW_SUBJECT_LABELS[a.subjectType]}: {a.subjectName} · from{" "}
                  <Link href={`/reviews/${a.reviewId}`} className="text-indigo-600 hover:underline">
                    {a.originReviewTitle}
                  </Link>
                </p>
              </td>
              <td className="py-2.5 pr-3 text-slate-700">{a.owner.name}</td>
              <td
                className={`whitespace-nowrap py-2.5 pr-3 tabular-nums ${overdue ? "font-medium text-rose-700" : "text-slate-700"}`}
              >
                {formatDate(a.dueOn)}
                {overdue && <span className="ml-1 text-xs">(overdue)</span>}
              </td>
              <td className="py-2.5 text-right">
                <ActionStatusSelect action={a} editable={a.canUpdate} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
