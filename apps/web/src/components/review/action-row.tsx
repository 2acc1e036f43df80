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
}
