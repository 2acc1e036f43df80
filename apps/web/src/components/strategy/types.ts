import type { AppRouter } from "@meridian/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

/** What `strategy.map` returns: the quarter's bands, scored objectives and links. */
export type StrategyMap = Outputs["strategy"]["map"];
export type MapPerspective = StrategyMap["perspectives"][number];
export type MapObjective = MapPerspective["objectives"][number];
export type MapLink = StrategyMap["links"][number];
export type PerspectiveRow = Outputs["perspectives"]["list"][number];
