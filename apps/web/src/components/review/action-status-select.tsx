"use client";

import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useInvalidateReviews } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

const TONE: Record<ActionStatus, string> = {
  open: "border-slate-300 text-slate-700",
  in_progress: "border-amber-300 bg-amber-50 text-amber-800",
  done: "border-emerald-300 bg-emerald-50 text-emerald-800",
};

/** The status of a live corrective action, changed in place; read-only text where the caller may not change it. */
export function ActionStatusSelect({
  action,
  editable,
}: {
  action: { id: string; title: string; status: ActionStatus; version: number };
  editable: boolean;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateReviews();
  const update = useMutation(trpc.correctiveActions.update.mutationOptions());
  const [message, setMessage] = useState<string | null>(null);

  if (!editable) {
    return (
      <span className={`inline-flex rounded-full border px-2 py-0.5 text-xs font-medium ${TONE[action.status]}`}>
        {ACTION_STATUS_LABELS[action.status]}
      </span>
    );
  }
  return (
    <span className="inline-flex flex-col items-end">
      <select
        aria-label={`Status of “${action.title}”`}
        value={action.status}
        disabled={update.isPending}
        onChange={async (e) => {
          setMessage(null);
          try {
            await update.mutateAsync({
              actionId: action.id,
              version: action.version,
              status: e.target.value as ActionStatus,
            });
          } catch (error) {
            setMessage(error instanceof Error ? error.message : "Could not update the action.");
          }
          await invalidate();
        }}
        className={`rounded-lg border px-2 py-1 text-xs font-medium shadow-sm ${TONE[action.status]}`}
      >
        {ACTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ACTION_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      {message && (
        <span role="alert" className="mt-1 max-w-56 text-right text-xs text-rose-600">
          {message}
        </span>
      )}
    </span>
  );
}
