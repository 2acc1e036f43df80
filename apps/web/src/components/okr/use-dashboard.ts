"use client";

import type { TDashboardInput } from "@meridian/domain";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { nextDashboardPage } from "./dashboard-pages";

/**
 * The cycle's dashboard as the pages that have been loaded: the first page
 * carries the cycle and the totals, every page a slice of the roots.
 */
export function useDashboard(input: TDashboardInput) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.objectives.dashboard.infiniteQueryOptions(input, { getNextPageParam: nextDashboardPage }),
  );
  const first = query.data?.pages[0] ?? null;
  const roots = query.data?.pages.flatMap((page) => page?.roots ?? []) ?? [];
  return { query, first, roots };
}
