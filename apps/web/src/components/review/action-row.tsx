"use client";

import { type ActionStatus, REVIEW_SUBJECT_LABELS, type ReviewSubjectType } from "@meridian/domain";
import type { ReactNode } from "react";
import { formatDate } from "~/components/ui/format";
import { ActionStatusSelect } from "./action-status-select";

interface RowAction {
  id: string;
  title: string;
  subjectType: ReviewSubjectType;
  subjectName: string;
  owner: { name: string };
  dueOn: string;
  status: ActionStatus;
  version: number;
  canUpdate: boolean;
}

/** The owner and due columns of an action table, shown from the small breakpoint up (see ActionRow). */
export const OWNER_COLUMN = ["Owner", "hidden w-40 py-2 pr-3 sm:table-cell"] as const;
export const DUE_COLUMN = ["Due", "hidden w-32 py-2 pr-3 sm:table-cell"] as const;

/**
 * A corrective action as a table row: title and subject, owner, due date, and its status (changed in
 * place where the caller may). `origin` follows the subject (" · from …"); `overdue` marks the date.
 */
export function ActionRow({
  action: a,
  origin,
  overdue = false,
}: {
  action: RowAction;
  origin?: ReactNode;
  overdue?: boolean;
}) {
  return (
    <tr className="align-top">
      <td className="py-2.5 pr-3">
        <p className="font-medium text-slate-900">{a.title}</p>
        <p className="text-xs text-slate-500">
          {REVIEW_SUBJECT_LABELS[a.subjectType]}: {a.subjectName}
          {origin && <> · from {origin}</>}
        </p>
        {/* On a phone, owner and due date sit under the title instead of in columns of their own. */}
        <p className="mt-0.5 text-xs text-slate-600 sm:hidden">
          {a.owner.name} · due{" "}
          <span className={overdue ? "font-medium text-rose-700" : ""}>
            {formatDate(a.dueOn)}
            {overdue && " (overdue)"}
          </span>
        </p>
      </td>
      <td className="hidden py-2.5 pr-3 text-slate-700 sm:table-cell">{a.owner.name}</td>
      <td
        className={`hidden whitespace-nowrap py-2.5 pr-3 tabular-nums sm:table-cell ${overdue ? "font-medium text-rose-700" : "text-slate-700"}`}
      >
        {formatDate(a.dueOn)}
        {overdue && <span className="ml-1 text-xs">(overdue)</span>}
      </td>
      <td className="py-2.5 text-right">
        <ActionStatusSelect action={a} editable={a.canUpdate} />
      </td>
    </tr>
  );
}
