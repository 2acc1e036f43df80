"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "~/trpc/react";

/** After a change on this page: the objectives router's queries are read again, nothing else. */
export function useInvalidateObjectives() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries(trpc.objectives.pathFilter()), [queryClient, trpc]);
}
