import type { Branch, Dashboard } from "~/trpc/types";

// The cursors the dashboard and a branch hand back, for useInfiniteQuery: shared by the
// server's prefetch and the browser, so both build the same query.

export const nextDashboardPage = (page: Dashboard | null) => page?.nextCursor ?? null;

export const nextBranchPage = (page: Branch) => page.nextCursor;
