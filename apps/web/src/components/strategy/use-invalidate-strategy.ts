"use client";

import { useInvalidate } from "~/components/ui/use-invalidate";

/**
 * After a change to the strategy: perspectives and the map are read again, and so are the scorecard and KPI
 * views, whose scores move when a strategic objective is removed or a weight changes.
 */
export const useInvalidateStrategy = () => useInvalidate("perspectives", "strategy", "scorecard", "kpis");
