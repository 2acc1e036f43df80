import type { ReactNode } from "react";
import { getQueryClient, HydrateClient } from "~/trpc/server";

type Prefetchable = Parameters<ReturnType<typeof getQueryClient>["prefetchQuery"]>[0];
/** What `trpc.<router>.<query>.queryOptions()` gives; its data type does not matter to a prefetch. */
type QueryOptions = { queryKey: readonly unknown[] };

/** A settings page's panel with the queries it reads already fetched on the server, so the browser does not ask again. */
export async function Prefetched({ queries, children }: { queries: QueryOptions[]; children: ReactNode }) {
  const queryClient = getQueryClient();
  await Promise.all(queries.map((query) => queryClient.prefetchQuery(query as Prefetchable)));
  return <HydrateClient>{children}</HydrateClient>;
}
