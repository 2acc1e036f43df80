import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // What the server prefetched is fresh for a while: the browser does not ask again at once.
      queries: { staleTime: 30_000, retry: 1 },
      dehydrate: {
        // What the server prefetched by calling procedures directly crosses to the browser in the
        // shape HTTP answers have (plain JSON, dates as ISO strings), so a query's data has one shape.
        serializeData: asJson,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}

/** Data in the shape HTTP answers have: what the browser is given, whoever fetched it. */
export function asJson<T>(data: T): T {
  return data === undefined ? data : JSON.parse(JSON.stringify(data));
}
