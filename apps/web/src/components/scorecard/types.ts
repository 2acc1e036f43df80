import type { AppRouter } from "@meridian/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type ScorecardTree = Outputs["scorecard"]["tree"];
export type ScorecardHeatMap = Outputs["scorecard"]["heatMap"];
export type TreePerspective = ScorecardTree["perspectives"][number];
export type TreeObjective = TreePerspective["objectives"][number];
export type TreeKpi = Outputs["scorecard"]["kpis"]["kpis"][number];
export type TrendPoint = TreePerspective["trend"][number];
