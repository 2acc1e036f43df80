/** The experiments list's cursor for useInfiniteQuery, shared by the server's prefetch and the browser. */
export const nextExperimentPage = (page: { nextCursor: string | null }) => page.nextCursor;
