"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "~/trpc/react";

type Trpc = ReturnType<typeof useTRPC>;
/** A tRPC router whose queries can be marked stale together. */
export type RouterName = {
  [K in keyof Trpc]: Trpc[K] extends { pathFilter: (...args: never[]) => unknown } ? K : never;
}[keyof Trpc];

/** After a change: every query of the named routers is read again, nothing else. */
export function useInvalidate(...routers: RouterName[]): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The list arrives as a new array each render; its joined names keep the callback stable.
  const names = routers.join(",");
  return useCallback(async () => {
    await Promise.all(
      (names.split(",") as RouterName[]).map((name) => queryClient.invalidateQueries(trpc[name].pathFilter())),
    );
  }, [queryClient, trpc, names]);
}

// The areas' own sets, named once here so every page of an area refreshes the same queries.

/** After a change to an objective, its key results, check-ins or comments. */
export const useInvalidateObjectives = () => useInvalidate("objectives");

/** After a KPI or its actuals change: the KPI pages and every scorecard view that scores it. */
export const useInvalidateKpis = () => useInvalidate("kpis", "scorecard", "strategy");

/** After a change to a review or an action: the reviews and corrective-action queries. */
export const useInvalidateReviews = () => useInvalidate("reviews", "correctiveActions");

/**
 * After a change to the strategy: perspectives and the map, and also the scorecard and KPI views,
 * whose scores move when a strategic objective is removed or a weight changes.
 */
export const useInvalidateStrategy = () => useInvalidate("perspectives", "strategy", "scorecard", "kpis");
