"use client";

import { useQuery } from "@tanstack/react-query";
import { ExperimentForm } from "~/components/experiments/experiment-form";
import { useTRPC } from "~/trpc/react";

/** The form opens once on the experiment as read (its version); a refetch meanwhile does not reset it. */
export function EditExperiment({ experimentId, userId }: { experimentId: string; userId: string }) {
  const trpc = useTRPC();
  const { data: page, error } = useQuery(trpc.experiments.get.queryOptions({ experimentId }));
  if (error) return <p role="alert">{error.message}</p>;
  if (!page) return <p>Loading…</p>;
  return <ExperimentForm experiment={page} userId={userId} />;
}
