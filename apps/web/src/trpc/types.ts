import type { AppRouter } from "@meridian/api";
import type { inferRouterOutputs } from "@trpc/server";

/**
 * What the browser receives: the API's answers as plain JSON (dates as ISO strings), which is
 * what these types describe, unlike the server's own types (Date objects) in @meridian/api.
 */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type Dashboard = NonNullable<RouterOutputs["objectives"]["dashboard"]>;
export type Branch = RouterOutputs["objectives"]["branch"];
export type ObjectiveSummary = Branch["aligned"][number];
export type KeyResultView = Branch["keyResults"][number];
export type ObjectiveNode = NonNullable<RouterOutputs["objectives"]["list"]>["objectives"][number];
