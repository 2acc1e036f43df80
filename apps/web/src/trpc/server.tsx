import "server-only";
import { appRouter, createCaller } from "@meridian/api";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { ReactNode } from "react";
import { cache } from "react";
import { createRequestContext } from "~/server/context";
import { makeQueryClient } from "./query-client";

/** One query client per request, shared by every server component that prefetches. */
export const getQueryClient = cache(makeQueryClient);

const getContext = cache(createRequestContext);

/** Query options for prefetching in server components; the client hydrates them. */
export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

/** Direct calls from server components, with the same context and checks as HTTP. */
export const getCaller = cache(async () => createCaller(await getContext()));

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
