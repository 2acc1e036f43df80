"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { formatDate } from "~/components/ui/format";
import { useInvalidateReviews } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { AssignedAction } from "./types";

/** A corrective action assigned to me: its due date, the review that agreed it, and Mark done. */
export function ActionRow({ action, today }: { action: AssignedAction; today: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateReviews();
  const [done, setDone] = useState(false);
  const markDone = useMutation(
    trpc.correctiveActions.update.mutationOptions({
      onSuccess: async () => {
        setDone(true);
        await invalidate();
      },
    }),
  );
  const overdue = action.dueOn < today;
  return (
    <li className="grid grid-cols-1 items-center gap-x-6 gap-y-2 py-3 md:grid-cols-[minmax(0,1fr)_auto]">
      <div className="min-w-0">
        <p className="text-sm font-medium text-slate-800">
          <Link href={`/reviews/${action.review.id}`} className="hover:underline">
            {action.title}
          </Link>
        </p>
        <p className="text-xs text-slate-500">
          Due {formatDate(action.dueOn)} {overdue && <Badge tone="rose">Overdue</Badge>} ·{" "}
          {action.status === "in_progress" ? "in progress" : "open"} · from {action.review.title}
        </p>
      </div>
      <div className="flex flex-col items-end gap-1">
        {done ? (
          <p role="status" className="text-sm font-medium text-emerald-800">
            Done
          </p>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            disabled={markDone.isPending}
            aria-label={`Mark done: ${action.title}`}
            onClick={() => markDone.mutate({ actionId: action.id, version: action.version, status: "done" })}
          >
            {markDone.isPending ? "Saving…" : "Mark done"}
          </Button>
        )}
        <Alert>{markDone.error?.message}</Alert>
      </div>
    </li>
  );
}
