"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "~/trpc/react";

/** After a change to the strategy: perspectives and the map are read again, nothing else. */
export function useInvalidateStrategy() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.perspectives.pathFilter()),
        queryClient.invalidateQueries(trpc.strategy.pathFilter()),
      ]),
    [queryClient, trpc],
  );
}
