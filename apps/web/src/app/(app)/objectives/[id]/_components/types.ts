import type { AppRouter } from "@meridian/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

/** What `objectives.get` returns for an objective the caller may see. */
export type ObjectiveDetail = NonNullable<Outputs["objectives"]["get"]>;
export type CheckInEntry = ObjectiveDetail["checkIns"][number];
export type CommentEntry = ObjectiveDetail["comments"][number];
export type ActivityEntry = ObjectiveDetail["activity"][number];
export type Me = Outputs["me"]["get"];
export type CycleOption = Outputs["cycles"]["list"][number];
