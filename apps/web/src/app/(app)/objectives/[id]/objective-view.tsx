"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { LoadError, Loading } from "~/components/okr/page-states";
import { useTRPC } from "~/trpc/react";
import { ActivityList } from "./_components/activity-list";
import { CarryOverForm } from "./_components/carry-over-form";
import { CheckInHistory } from "./_components/check-in-history";
import { CommentsSection } from "./_components/comments-section";
import { GradingSection } from "./_components/grading-section";
import { KeyResultsSection } from "./_components/key-results-section";
import { ObjectiveHeader } from "./_components/objective-header";

export function ObjectiveView({ objectiveId }: { objectiveId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.objectives.get.queryOptions({ objectiveId }));
  const me = useQuery(trpc.me.get.queryOptions());

  if (query.error) {
    return <LoadError message={query.error.message} />;
  }
  if (!query.data) {
    return query.isPending ? (
      <Loading />
    ) : (
      <div className="rounded-2xl border border-slate-200 bg-white p-6 text-slate-600">
        <p>This objective is archived or no longer visible to you.</p>
        <Link href="/dashboard" className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:underline">
          Back to the dashboard
        </Link>
      </div>
    );
  }

  const detail = query.data;
  const closed = detail.cycle.status === "closed";
  const isAdmin = me.data?.permissions.includes("cycle.manage") ?? false;
  const currentUserId = me.data?.user.id ?? null;
  const role = me.data?.organization?.role ?? null;

  return (
    <div className="space-y-8">
      <ObjectiveHeader detail={detail} />
      <KeyResultsSection detail={detail} />
      <CheckInHistory detail={detail} currentUserId={currentUserId} isAdmin={role === "admin"} />
      {closed && <GradingSection detail={detail} />}
      {closed && isAdmin && <CarryOverForm detail={detail} />}
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <CommentsSection detail={detail} />
        <ActivityList activity={detail.activity} />
      </div>
    </div>
  );
}
