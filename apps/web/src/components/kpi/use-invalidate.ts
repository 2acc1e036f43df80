"use client";

import { useInvalidate } from "~/components/ui/use-invalidate";

/** After a KPI or its actuals change: the KPI pages and every scorecard view that scores it are read again. */
export const useInvalidateKpis = () => useInvalidate("kpis", "scorecard", "strategy");
