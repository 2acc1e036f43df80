/** The KPI list's cursor for useInfiniteQuery, shared by the server's prefetch and the browser. */
export const nextKpiPage = (page: { nextCursor: string | null }) => page.nextCursor;
