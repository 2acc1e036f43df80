import type { AppRouter } from "@meridian/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

/** What `kpis.get` returns: the KPI page's data. */
export type KpiDetail = Outputs["kpis"]["get"];
export type KpiPeriodRow = KpiDetail["periods"][number];
export type KpiListItem = Outputs["kpis"]["list"]["kpis"][number];
