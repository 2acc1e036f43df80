"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "~/trpc/react";

/** After a KPI changes: the KPI pages and every scorecard view that scores it are read again. */
export function useInvalidateKpis() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.kpis.pathFilter()),
        queryClient.invalidateQueries(trpc.scorecard.pathFilter()),
        queryClient.invalidateQueries(trpc.strategy.pathFilter()),
      ]),
    [queryClient, trpc],
  );
}
