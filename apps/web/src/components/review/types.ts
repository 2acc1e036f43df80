import type { AppRouter } from "@meridian/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type ReviewDetail = Outputs["reviews"]["get"];
export type ReviewListItem = Outputs["reviews"]["list"][number];
export type ReviewComparison = Outputs["reviews"]["compare"];
export type ReviewAction = ReviewDetail["actions"][number];
export type ReviewCommentEntry = ReviewDetail["comments"][number];
export type OpenAction = Outputs["correctiveActions"]["listOpen"][number];
