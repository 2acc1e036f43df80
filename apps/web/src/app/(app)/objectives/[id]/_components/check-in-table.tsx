"use client";

import { ZCheckInUpdateSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { CheckInFields } from "~/components/okr/check-in-fields";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { formatDate, formatDateTime, formatValue } from "~/components/ui/format";
import { ScrollBox } from "~/components/ui/scroll-box";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import type { KeyResultView } from "~/trpc/types";
import type { CheckInEntry } from "./types";

export function CheckInTable({
  keyResult: kr,
  entries,
  canChange,
}: {
  keyResult: KeyResultView;
  /** Oldest first, as the API sends them. */
  entries: readonly CheckInEntry[];
  canChange: (entry: CheckInEntry) => boolean;
}) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const rows = [...entries].reverse();
  const anyChangeable = rows.some(canChange);
  const columns = anyChangeable ? 7 : 6;

  if (rows.length === 0) {
    return <p className="text-sm text-slate-500">No check-ins on this key result yet.</p>;
  }
  return (
    <ScrollBox label={`Check-ins of ${kr.title}`}>
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="mb-2 text-left text-sm font-medium text-slate-700">Check-ins of {kr.title}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-2 pr-4 font-medium">
              Date
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Value
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Confidence
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Comment
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Author
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              <span className="sr-only">Edited</span>
            </th>
            {anyChangeable && (
              <th scope="col" className="py-2 text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((entry) => (
            <Fragment key={entry.id}>
              <tr className="align-top">
                <td className="whitespace-nowrap py-2 pr-4 text-slate-700">
                  <time dateTime={entry.createdAt} title={formatDateTime(entry.createdAt)}>
                    {formatDate(entry.createdAt)}
                  </time>
                </td>
                <td className="whitespace-nowrap py-2 pr-4 text-right font-medium tabular-nums text-slate-800">
                  {formatValue(kr, entry.value)}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums text-slate-600">{entry.confidence}/10</td>
                <td className="py-2 pr-4 text-slate-600">
                  {entry.comment || <span className="text-slate-500">—</span>}
                </td>
                <td className="whitespace-nowrap py-2 pr-4 text-slate-600">{entry.authorName}</td>
                <td className="py-2 pr-4">
                  {entry.editedAt && (
                    <span
                      title={`Edited ${formatDateTime(entry.editedAt)}`}
                      className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600"
                    >
                      edited
                    </span>
                  )}
                </td>
                {anyChangeable && (
                  <td className="py-2 text-right">
                    {canChange(entry) && editingId !== entry.id && (
                      <CheckInActions
                        entry={entry}
                        name={`check-in of ${formatDate(entry.createdAt)} (${formatValue(kr, entry.value)})`}
                        onEdit={() => setEditingId(entry.id)}
                      />
                    )}
                  </td>
                )}
              </tr>
              {editingId === entry.id && (
                <tr>
                  <td colSpan={columns} className="pb-3">
                    <CheckInEditForm keyResult={kr} entry={entry} onDone={() => setEditingId(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function CheckInActions({ entry, name, onEdit }: { entry: CheckInEntry; name: string; onEdit: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateObjectives();
  const remove = useMutation(trpc.checkIns.delete.mutationOptions({ onSuccess: invalidate }));
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={onEdit} aria-label={`Edit ${name}`}>
          Edit
        </Button>
        <ConfirmAction
          size="sm"
          label="Delete"
          ariaLabel={`Delete ${name}`}
          question="Delete this check-in?"
          confirmLabel="Yes, delete"
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ checkInId: entry.id })}
        />
      </div>
      <Alert>{remove.error?.message}</Alert>
    </div>
  );
}

function CheckInEditForm({
  keyResult: kr,
  entry,
  onDone,
}: {
  keyResult: KeyResultView;
  entry: CheckInEntry;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const { register, watch, onSubmit, pending, error, errors } = useMutationForm({
    schema: ZCheckInUpdateSchema,
    defaultValues: { checkInId: entry.id, value: entry.value, confidence: entry.confidence, comment: entry.comment },
    mutation: trpc.checkIns.update.mutationOptions(),
    invalidate: useInvalidateObjectives(),
    onSuccess: onDone,
    draft: { record: `check-in-edit:${entry.id}`, what: "Check-in" },
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Edit check-in of ${formatDate(entry.createdAt)}`}
      className="grid gap-3 rounded-xl border border-indigo-100 bg-indigo-50/40 p-3 sm:grid-cols-[9rem_8rem_minmax(0,1fr)_auto]"
    >
      <CheckInFields
        milestone={kr.type === "milestone"}
        valueLabel="Value"
        fields={{
          value: register("value", { valueAsNumber: true }),
          confidence: register("confidence", { valueAsNumber: true }),
          comment: register("comment"),
        }}
        confidence={watch("confidence")}
        errors={errors}
        pending={pending}
        onCancel={onDone}
        cancelVariant="secondary"
        error={error}
      />
    </form>
  );
}
