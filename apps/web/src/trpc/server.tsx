import "server-only";
import { appRouter, createCaller } from "@meridian/api";
import { dehydrate, type FetchQueryOptions, HydrationBoundary, type QueryKey } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { ReactNode } from "react";
import { cache } from "react";
import { createRequestContext } from "~/server/context";
import { asJson, makeQueryClient } from "./query-client";

/** One query client per request, shared by every server component that prefetches. */
export const getQueryClient = cache(makeQueryClient);

const getContext = cache(createRequestContext);

/** Query options for prefetching in server components; the client hydrates them. */
export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

/** Direct calls from server components, with the same context and checks as HTTP. */
export const getCaller = cache(async () => createCaller(await getContext()));

/**
 * A query answered on the server and kept in the request's cache, so the browser is handed it
 * rather than asking again; in the browser's shape (plain JSON), whatever the server reads it for.
 */
export async function fetchOnServer<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<TData> {
  return asJson(await getQueryClient().fetchQuery({ ...options, retry: false }));
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
