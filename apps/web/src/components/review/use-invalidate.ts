"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "~/trpc/react";

/** After a change to a review or an action: the reviews and corrective-action queries are read again, nothing else. */
export function useInvalidateReviews() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.reviews.pathFilter()),
        queryClient.invalidateQueries(trpc.correctiveActions.pathFilter()),
      ]),
    [queryClient, trpc],
  );
}
