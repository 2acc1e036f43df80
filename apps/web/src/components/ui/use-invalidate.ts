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
